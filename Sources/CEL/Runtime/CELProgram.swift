import Synchronization

/// A compiled expression, ready to be evaluated many times (thread-safe).
public struct CELProgram: Sendable {
    /// The parsed expression.
    public let ast: CELAST
    /// The checked type of the result (`dyn` when unchecked).
    public let resultType: CELType
    /// Deduced type per node id (empty when unchecked).
    public let types: [Int: CELType]
    /// Global variable names in slot order (see `evaluate(slots:budget:)`).
    public let variableNames: [String]
    let plan: Eval
    let localCount: Int
    let defaultBudget: Int
    /// What the traced plan is built from, and the plan once built: only `explain` and
    /// `eval` trace, so a check never plans an expression twice.
    private let tracing: TracedPlan

    init(env: CELEnvironment, ast: CELAST, checked: CELCheckedAST?) {
        self.ast = ast
        self.resultType = checked?.resultType ?? .dyn
        self.types = checked?.types ?? [:]
        var p = Planner(env: env, references: checked?.references, traced: false)
        plan = p.plan(ast.expr)
        variableNames = p.globalNames
        localCount = p.localCount
        defaultBudget = env.defaultBudget
        tracing = TracedPlan(env: env, references: checked?.references)
    }

    /// A program for `expr`, a node of this program's expression, planned with what the
    /// checker found for it here (no parse, no check): `a.b == c` ↦ the program of `a.b`.
    /// Its `ast.source` is the whole expression's text, so node ranges stay valid.
    public func subprogram(_ expr: CELExpr) -> CELProgram {
        CELProgram(env: tracing.env, ast: CELAST(expr: expr, source: ast.source, nextID: ast.nextID),
                   checked: tracing.references.map {
                       CELCheckedAST(ast: CELAST(expr: expr, source: ast.source, nextID: ast.nextID),
                                     resultType: types[expr.id] ?? .dyn, types: types, references: $0)
                   })
    }

    /// Slot index of a global variable, for `evaluate(slots:budget:)`.
    public func slot(of name: String) -> Int? { variableNames.firstIndex(of: name) }

    private func makeSlots(_ act: [String: CELValue]) -> [CELValue] {
        variableNames.map { n in act[n] ?? .error(CELError("no such attribute '\(n)'")) }
    }

    private func run(_ p: Eval, _ slots: [CELValue], _ budget: Int?, _ tracing: Bool,
                     localCount: Int? = nil) -> (CELValue, [Int: CELValue]?) {
        let globals = slots.count >= variableNames.count
            ? slots : slots + [CELValue](repeating: .null, count: variableNames.count - slots.count)
        return globals.withUnsafeBufferPointer { run(p, $0, budget, tracing, localCount: localCount ?? self.localCount) }
    }

    /// Evaluates `p` on `globals`, which holds a value for every variable.
    private func run(_ p: Eval, _ globals: UnsafeBufferPointer<CELValue>, _ budget: Int?, _ tracing: Bool,
                     localCount: Int) -> (CELValue, [Int: CELValue]?) {
        // Locals live in temporary (stack) storage for the duration of the evaluation.
        withUnsafeTemporaryAllocation(of: CELValue.self, capacity: localCount) { locals in
            if localCount > 0 { locals.initialize(repeating: .null) }
            defer { if localCount > 0 { _ = locals.deinitialize() } }
            var ctx = EvalContext(globals: globals, locals: locals, budget: budget ?? defaultBudget,
                                  trace: tracing ? [:] : nil)
            let v = p(&ctx)
            if ctx.exhausted { return (.error(CELError(costLimitMessage, nodeID: ast.expr.id)), ctx.trace) }
            return (v, ctx.trace)
        }
    }

    /// Evaluates against variables by name. Errors are returned as `.error`.
    public func evaluate(_ activation: CELActivation, budget: Int? = nil) -> CELValue {
        run(plan, makeSlots(activation.values), budget, false).0
    }

    /// Evaluates against variables by name.
    public func evaluate(_ variables: [String: CELValue] = [:], budget: Int? = nil) -> CELValue {
        run(plan, makeSlots(variables), budget, false).0
    }

    /// Fast path: `slots[i]` is the value of `variableNames[i]`. An expression without
    /// comprehension locals (most) is run straight on the slots: no temporary storage,
    /// no trace to hand back.
    public func evaluate(slots: [CELValue], budget: Int? = nil) -> CELValue {
        if slots.count < variableNames.count { return run(plan, slots, budget, false).0 }
        return slots.withUnsafeBufferPointer { globals in
            guard localCount == 0 else { return run(plan, globals, budget, false, localCount: localCount).0 }
            var ctx = EvalContext(globals: globals, locals: UnsafeMutableBufferPointer(start: nil, count: 0),
                                  budget: budget ?? defaultBudget, trace: nil)
            let value = plan(&ctx)
            return ctx.exhausted ? .error(CELError(costLimitMessage, nodeID: ast.expr.id)) : value
        }
    }

    /// Traced evaluation against variables by name (see `CELTrace`).
    public func evaluateTraced(_ variables: [String: CELValue], budget: Int? = nil) -> (CELValue, CELTrace) {
        evaluateTraced(CELActivation(variables), budget: budget)
    }

    /// Evaluates and records the value of every evaluated sub-expression (see `CELTrace`).
    public func evaluateTraced(_ activation: CELActivation, budget: Int? = nil) -> (CELValue, CELTrace) {
        let traced = tracing.plan(ast.expr)
        let (v, trace) = run(traced.eval, makeSlots(activation.values), budget, true, localCount: traced.localCount)
        return (v, CELTrace(values: trace ?? [:]))
    }
}

/// The traced plan of one program, built the first time it is asked for and shared by
/// every copy of the program (thread-safe).
private final class TracedPlan: Sendable {
    let env: CELEnvironment
    let references: [Int: Reference]?
    private let built = Mutex<(eval: Eval, localCount: Int)?>(nil)

    init(env: CELEnvironment, references: [Int: Reference]?) {
        self.env = env
        self.references = references
    }

    func plan(_ expr: CELExpr) -> (eval: Eval, localCount: Int) {
        built.withLock { built in
            if let built { return built }
            var planner = Planner(env: env, references: references, traced: true)
            let plan = (eval: planner.plan(expr), localCount: planner.localCount)
            built = plan
            return plan
        }
    }
}

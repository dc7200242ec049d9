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
    let tracedPlan: Eval
    let localCount: Int
    let defaultBudget: Int

    init(env: CELEnvironment, ast: CELAST, checked: CELCheckedAST?) {
        self.ast = ast
        self.resultType = checked?.resultType ?? .dyn
        self.types = checked?.types ?? [:]
        var p = Planner(env: env, references: checked?.references, traced: false)
        plan = p.plan(ast.expr)
        var tp = Planner(env: env, references: checked?.references, traced: true)
        tracedPlan = tp.plan(ast.expr)
        variableNames = p.globalNames
        localCount = max(p.localCount, tp.localCount)
        defaultBudget = env.defaultBudget
    }

    /// Slot index of a global variable, for `evaluate(slots:budget:)`.
    public func slot(of name: String) -> Int? { variableNames.firstIndex(of: name) }

    private func makeSlots(_ act: [String: CELValue]) -> [CELValue] {
        variableNames.map { n in act[n] ?? .error(CELError("no such attribute '\(n)'")) }
    }

    private func run(_ p: Eval, _ slots: [CELValue], _ budget: Int?, _ tracing: Bool) -> (CELValue, [Int: CELValue]?) {
        let globals = slots.count >= variableNames.count
            ? slots : slots + [CELValue](repeating: .null, count: variableNames.count - slots.count)
        // Locals live in temporary (stack) storage for the duration of the evaluation.
        return withUnsafeTemporaryAllocation(of: CELValue.self, capacity: localCount) { locals in
            _ = locals.initialize(from: repeatElement(CELValue.null, count: localCount))
            defer { _ = locals.deinitialize() }
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

    /// Fast path: `slots[i]` is the value of `variableNames[i]`.
    public func evaluate(slots: [CELValue], budget: Int? = nil) -> CELValue {
        run(plan, slots, budget, false).0
    }

    /// Traced evaluation against variables by name (see `CELTrace`).
    public func evaluateTraced(_ variables: [String: CELValue], budget: Int? = nil) -> (CELValue, CELTrace) {
        evaluateTraced(CELActivation(variables), budget: budget)
    }

    /// Evaluates and records the value of every evaluated sub-expression (see `CELTrace`).
    public func evaluateTraced(_ activation: CELActivation, budget: Int? = nil) -> (CELValue, CELTrace) {
        let (v, trace) = run(tracedPlan, makeSlots(activation.values), budget, true)
        return (v, CELTrace(values: trace ?? [:]))
    }
}

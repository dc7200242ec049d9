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
    let slotCount: Int
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
        slotCount = max(p.slotCount, tp.slotCount)
        defaultBudget = env.defaultBudget
    }

    /// Slot index of a global variable, for `evaluate(slots:budget:)`.
    public func slot(of name: String) -> Int? { variableNames.firstIndex(of: name) }

    private func makeSlots(_ act: [String: CELValue]) -> [CELValue] {
        var slots = [CELValue](repeating: .null, count: slotCount)
        for (i, n) in variableNames.enumerated() {
            slots[i] = act[n] ?? .error(CELError("no such attribute '\(n)'"))
        }
        return slots
    }

    private func run(_ p: Eval, _ slots: [CELValue], _ budget: Int?, _ tracing: Bool) -> (CELValue, EvalContext) {
        let ctx = EvalContext(slots: slots, count: slotCount, budget: budget ?? defaultBudget, tracing: tracing)
        let v = p(ctx)
        if ctx.exhausted { return (.error(CELError(costLimitMessage, nodeID: ast.expr.id)), ctx) }
        return (v, ctx)
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
        let (v, ctx) = run(tracedPlan, makeSlots(activation.values), budget, true)
        return (v, CELTrace(values: ctx.trace ?? [:]))
    }
}

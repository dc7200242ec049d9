extension Planner {
    /// A call to a function with a metered implementation (`CELFunctionDecl.metered`,
    /// such as `matches`): it is handed the steps left in the budget and its work is
    /// charged to it, so a call whose cost grows with its arguments cannot run for
    /// seconds on one step. When the steps run out inside the call, the result is the
    /// cost-limit error, like any other expression that exceeds the budget.
    static func planMeteredCall(_ arguments: [Eval], _ metered: @escaping CELMeteredImpl, _ id: Int) -> Eval {
        { c in
            guard c.tick() else { return .err(costLimitMessage, id) }
            var values: [CELValue] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                let v = argument(&c)
                if case .error = v { return v }
                values.append(v)
            }
            let (value, steps) = metered(values, c.budget &- c.steps)
            guard c.tick(steps), let value, c.tick(Planner.sizeCost(value)) else { return .err(costLimitMessage, id) }
            return Planner.withID(value, id)
        }
    }
}

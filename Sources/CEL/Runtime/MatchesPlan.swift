extension Planner {
    /// `text.matches(pattern)` / `matches(text, pattern)`, with the regex's work charged to
    /// the step budget: matching is linear in the text but can cost up to one program's
    /// length per scalar, so a long string and a pattern whose DFA keeps growing would
    /// otherwise run for seconds on one step. When the budget runs out mid-match the
    /// result is the cost-limit error, like any other expression that exceeds it.
    static func planMatches(_ text: @escaping Eval, _ pattern: @escaping Eval, _ id: Int) -> Eval {
        { c in
            guard c.tick() else { return .err(costLimitMessage, id) }
            let t = text(&c)
            if case .error = t { return t }
            let p = pattern(&c)
            if case .error = p { return p }
            guard case .string(let s) = t, case .string(let regex) = p else {
                return .err("no matching overload for 'matches'", id)
            }
            let (value, steps) = RegexCache.matches(pattern: regex, text: s, stepsLeft: c.budget &- c.steps)
            guard c.tick(steps), let value else { return .err(costLimitMessage, id) }
            return Planner.withID(value, id)
        }
    }
}

import CEL

extension Rule {
    /// The constant upper limit the rule's assert puts on `field` of its scope's
    /// variable, read from the compiled expression: `country.headcount_share <= 0.4`,
    /// `< 0.4` and `0.4 >= country.headcount_share` all give 0.4. Nil when the assert
    /// has no such comparison. The review draws it as a chart's limit line.
    public func upperLimit(on field: String) -> Double? {
        let variable = scope.rawValue
        var found: Double?
        assert.program.ast.expr.walk { e in
            guard found == nil, case .call(nil, let op, let args) = e.kind, args.count == 2 else { return }
            let subject: CELExpr, bound: CELExpr
            switch op {
            case "_<=_", "_<_": (subject, bound) = (args[0], args[1])
            case "_>=_", "_>_": (subject, bound) = (args[1], args[0])
            default: return
            }
            guard case .select(let operand, field, false) = subject.kind,
                  case .ident(variable) = operand.kind else { return }
            switch bound.kind {
            case .literal(.double(let d)): found = d
            case .literal(.int(let i)): found = Double(i)
            default: return
            }
        }
        return found
    }
}

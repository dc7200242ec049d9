import CEL

/// What reports read from a rule's compiled assert (never from its text, so quoting,
/// spacing and raw or triple-quoted strings cannot mislead them).
extension Rule {
    /// The constant upper limit the rule's assert puts on `field` of its scope's
    /// variable, read from the compiled expression: `country.headcount_share <= 0.4`,
    /// `< 0.4` and `0.4 >= country.headcount_share` all give 0.4. Nil when the assert
    /// has no such comparison. The review draws it as a chart's limit line.
    public func upperLimit(on field: String) -> Double? {
        constantBound(on: field, upper: true)
    }

    /// The constant lower limit the rule's assert puts on `field` of its scope's
    /// variable: `location.overlap_hours >= 2.0`, `> 2` and `2 <= location.overlap_hours`
    /// all give 2. Nil when the assert has no such comparison.
    public func lowerLimit(on field: String) -> Double? {
        constantBound(on: field, upper: false)
    }

    /// The first constant that bounds `<scope>.<field>` from above (`upper`) or below.
    private func constantBound(on field: String, upper: Bool) -> Double? {
        let variable = scope.rawValue
        var found: Double?
        assert.program.ast.expr.walk { e in
            guard found == nil, case .call(nil, let op, let args) = e.kind, args.count == 2 else { return }
            let subject: CELExpr, bound: CELExpr
            switch (op, upper) {
            case ("_<=_", true), ("_<_", true), ("_>=_", false), ("_>_", false): (subject, bound) = (args[0], args[1])
            case ("_>=_", true), ("_>_", true), ("_<=_", false), ("_<_", false): (subject, bound) = (args[1], args[0])
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

    /// The assert's string literals, in the order they appear in its text, each once.
    public var assertStringLiterals: [String] {
        var found: [(offset: Int, text: String)] = []
        assert.program.ast.expr.walk { e in
            if case .literal(.string(let text)) = e.kind { found.append((e.range.start, text)) }
        }
        var seen = Set<String>()
        return found.sorted { $0.offset < $1.offset }.map(\.text).filter { seen.insert($0).inserted }
    }

    /// Whether the assert selects `field` of any value (`engagement.controls`).
    public func assertReads(field: String) -> Bool {
        var reads = false
        assert.program.ast.expr.walk { e in
            if case .select(_, field, _) = e.kind { reads = true }
        }
        return reads
    }
}

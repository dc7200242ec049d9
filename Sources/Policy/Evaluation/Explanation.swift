import CEL

/// The values behind a failed assert, for the "because" lines of a finding:
/// `location.country == company.country` ↦ `"PH" == "US"`.
enum Explanation {
    static let comparisons: Set<String> = ["_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_", "@in", "_&&_", "_||_"]

    static func because(_ bound: RuleProgram.Bound, _ subjects: PlanSubjects, _ subject: Subject, budget: Int) -> [Because] {
        let program = bound.program
        let (_, trace) = program.evaluateTraced(bound.activation(subjects, subject), budget: budget)
        let text = Array(program.ast.source.unicodeScalars)
        func source(_ expr: CELExpr) -> String {
            let start = max(0, min(expr.range.start, text.count)), end = max(start, min(expr.range.end, text.count))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[start..<end])
            return String(view)
        }
        func value(_ expr: CELExpr) -> String? { trace[expr.id].map(\.literalDescription) }

        let root = program.ast.expr
        if case .call(nil, let function, let args) = root.kind, comparisons.contains(function), args.count == 2,
           let left = value(args[0]), let right = value(args[1]) {
            let op = function == "@in" ? "in" : String(function.dropFirst().dropLast())
            return [Because(expression: source(root), value: "\(left) \(op) \(right)")]
        }
        // Otherwise: the value of each field the expression reads from the plan.
        var seen = Set<String>()
        var result: [Because] = []
        root.walk { expr in
            guard case .select(let operand, _, false) = expr.kind, case .ident(let name) = operand.kind,
                  PolicyEnvironment.scopeVariables.contains(name), let shown = value(expr) else { return }
            let written = source(expr)
            if seen.insert(written).inserted { result.append(Because(expression: written, value: shown)) }
        }
        return result
    }
}

import CEL

/// The values behind a failed assert, for the "because" lines of a finding:
/// `location.country == company.country` ↦ `"PH" == "US"`.
///
/// Planned once per rule: the operands of a top-level comparison (or, for any other
/// assert, each plan field it reads) are compiled as programs of their own, so
/// explaining a finding costs a few small evaluations, not a traced re-run.
struct Explanation {
    private enum Shape {
        case comparison(text: String, op: String, lhs: RuleProgram.Bound, rhs: RuleProgram.Bound)
        case fields([(text: String, value: RuleProgram.Bound)])
    }

    private static let operators: [String: String] = [
        "_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
        "@in": "in", "_&&_": "&&", "_||_": "||",
    ]

    private let shape: Shape

    /// Plans the operands (or fields) as sub-programs of `assert`: the checked expression
    /// is reused, nothing is parsed or checked again.
    init(_ assert: CELProgram, scope: RuleScope, sets: [String: CELValue]) {
        let text = Array(assert.ast.source.unicodeScalars)
        func source(_ expr: CELExpr) -> String {
            let start = max(0, min(expr.range.start, text.count)), end = max(start, min(expr.range.end, text.count))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[start..<end])
            return String(view)
        }
        func bound(_ expr: CELExpr) -> RuleProgram.Bound {
            RuleProgram.Bound(assert.subprogram(expr), scope: scope, sets: sets)
        }
        let root = assert.ast.expr
        if case .call(nil, let function, let args) = root.kind, let op = Self.operators[function], args.count == 2 {
            shape = .comparison(text: source(root), op: op, lhs: bound(args[0]), rhs: bound(args[1]))
            return
        }
        var seen = Set<String>()
        var fields: [(String, RuleProgram.Bound)] = []
        root.walk { expr in
            // Only a variable this scope binds: elsewhere the name is a macro's own variable.
            guard case .select(let operand, _, false) = expr.kind, case .ident(let name) = operand.kind,
                  PolicyEnvironment.scopeVariables.contains(name), Binding(name, in: scope) != nil else { return }
            let written = source(expr)
            if seen.insert(written).inserted { fields.append((written, bound(expr))) }
        }
        shape = .fields(fields)
    }

    func because(_ subjects: PlanSubjects, _ subject: Subject, budget: Int) -> [Because] {
        func value(_ bound: RuleProgram.Bound) -> String {
            PlanValues.display(bound.program.evaluate(slots: bound.slots(subjects, subject), budget: budget))
        }
        switch shape {
        case .comparison(let text, let op, let lhs, let rhs):
            return [Because(expression: text, value: "\(value(lhs)) \(op) \(value(rhs))")]
        case .fields(let fields):
            return fields.map { Because(expression: $0.text, value: value($0.value)) }
        }
    }
}

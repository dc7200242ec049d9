import CEL
import Reference

/// One evaluated expression of a rule (`when` or `assert`) with the value of each of
/// its sub-expressions, for drawing power-assert style.
public struct TracedExpression: Sendable {
    /// The value of one sub-expression, shown under `anchor`.
    public struct SubValue: Sendable, Equatable {
        /// The sub-expression's extent in the expression text (Unicode-scalar offsets).
        public let range: Range<Int>
        /// Where its value is drawn: the operator, the called function's name, or the start.
        public let anchor: Int
        public let value: String
        /// For macros: the element that decided the result (`at m = "CA"`).
        public let note: String?
    }

    /// `when` or `assert`.
    public let field: String
    /// The expression as written.
    public let text: String
    /// The whole expression's value, in CEL literal form.
    public let result: String
    public let resultValue: CELValue
    public let resultNote: String?
    /// Sub-expression values in anchor order; short-circuited parts are absent.
    public let values: [SubValue]

    /// Evaluates `program` with tracing and collects what to show.
    static func trace(field: String, text: String, program: CELProgram, activation: CELActivation, budget: Int) -> TracedExpression {
        let (result, trace) = program.evaluateTraced(activation, budget: budget)
        let scalars = Array(program.ast.source.unicodeScalars)
        var values: [SubValue] = []
        var anchors = Set<Int>()
        let root = program.ast.expr

        func visit(_ expr: CELExpr) {
            if expr.id != root.id, let value = trace[expr.id], !ValueDisplay.isNoise(value), !isLiteral(expr) {
                let anchor = Self.anchor(of: expr, in: scalars)
                if anchors.insert(anchor).inserted {
                    values.append(SubValue(range: expr.range.start..<max(expr.range.start, expr.range.end), anchor: anchor,
                                           value: display(expr, value),
                                           note: decidingElement(expr, value: value, trace: trace)))
                }
            }
            for child in evaluatedChildren(expr, trace: trace) { visit(child) }
        }
        visit(root)
        values.sort { $0.anchor < $1.anchor }
        return TracedExpression(field: field, text: text, result: ValueDisplay.short(result, limit: 60),
                                resultValue: result, resultNote: decidingElement(root, value: result, trace: trace),
                                values: values)
    }

    /// A CEFR level read as its number (`x.cefr`, `cefr('C1')`) is shown by its name,
    /// as plans write it (`C1`, not `5`); every other value in short literal form.
    static func display(_ expr: CELExpr, _ value: CELValue) -> String {
        let readsLevel = switch expr.kind {
        case .select(_, "cefr", false), .call(nil, "cefr", _): true
        default: false
        }
        if readsLevel, case .int(let ordinal) = value, let level = CEFRLevel(ordinal: Int(ordinal)) {
            return level.rawValue
        }
        return ValueDisplay.short(value, limit: 40)
    }

    /// The source children that ran in the last evaluation of `expr`. The trace keeps
    /// each node's last value, so inside a macro a branch skipped on the last iteration
    /// (`false && …`, `true || …`, the untaken side of `?:`, the body of a macro over an
    /// empty list) would show a value from an earlier iteration: leave it out.
    static func evaluatedChildren(_ expr: CELExpr, trace: CELTrace) -> [CELExpr] {
        switch expr.kind {
        case .call(nil, "_&&_", let args) where args.count == 2:
            return trace[args[0].id]?.boolValue == false ? [args[0]] : args
        case .call(nil, "_||_", let args) where args.count == 2:
            return trace[args[0].id]?.boolValue == true ? [args[0]] : args
        case .call(nil, "_?_:_", let args) where args.count == 3:
            switch trace[args[0].id]?.boolValue {
            case true?: return [args[0], args[1]]
            case false?: return [args[0], args[2]]
            case nil: return args
            }
        case .comprehension(let c):
            let children = sourceChildren(expr)
            switch trace[c.iterRange.id] {
            case .list(let items)? where items.isEmpty: return Array(children.prefix(1))
            case .map(let map)? where map.count == 0: return Array(children.prefix(1))
            default: return children
            }
        default:
            return sourceChildren(expr)
        }
    }

    /// The children as written in the source: a macro's target and arguments, not its expansion.
    static func sourceChildren(_ expr: CELExpr) -> [CELExpr] {
        if case .comprehension(let c) = expr.kind, let macro = c.macro {
            let variables = c.iterVar2 == nil ? 1 : 2
            return (macro.target.map { [$0] } ?? []) + macro.args.dropFirst(macro.function == "bind" ? 1 : variables)
        }
        return expr.children
    }

    static func isLiteral(_ expr: CELExpr) -> Bool {
        switch expr.kind {
        case .literal: return true
        case .list(let items): return items.allSatisfy(isLiteral)
        case .map(let entries): return entries.allSatisfy { isLiteral($0.key) && isLiteral($0.value) }
        default: return false
        }
    }

    /// `at m = "CA"`: for `all` that is false and `exists` that is true, the element of
    /// the last iteration run (the one that decided it, since both stop there).
    static func decidingElement(_ expr: CELExpr, value: CELValue, trace: CELTrace) -> String? {
        guard case .comprehension(let c) = expr.kind, let macro = c.macro else { return nil }
        let decisive: Bool
        switch (macro.function, value) {
        case ("all", .bool(false)), ("exists", .bool(true)): decisive = true
        default: decisive = false
        }
        guard decisive, let body = macro.args.last else { return nil }
        var parts: [String] = []
        for name in [c.iterVar] + (c.iterVar2.map { [$0] } ?? []) {
            var found: CELValue?
            body.walk { node in
                if found == nil, case .ident(name) = node.kind, let v = trace[node.id] { found = v }
            }
            if let found { parts.append("\(name) = \(ValueDisplay.short(found, limit: 50))") }
        }
        return parts.isEmpty ? nil : "at " + parts.joined(separator: ", ")
    }

    static let operators: [String: String] = [
        "_||_": "||", "_&&_": "&&", "_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
        "@in": "in", "_+_": "+", "_-_": "-", "_*_": "*", "_/_": "/", "_%_": "%", "_?_:_": "?", "_[_]": "[",
    ]

    /// Where a sub-expression's value is drawn.
    static func anchor(of expr: CELExpr, in text: [Unicode.Scalar]) -> Int {
        switch expr.kind {
        case .call(let target?, let function, _):
            return find(function, in: text, from: target.range.end, to: expr.range.end) ?? expr.range.start
        case .comprehension(let c):
            if let macro = c.macro, let target = macro.target {
                return find(macro.function, in: text, from: target.range.end, to: expr.range.end) ?? expr.range.start
            }
            return expr.range.start
        case .call(nil, let function, let args) where args.count >= 2:
            guard let symbol = operators[function] else { return expr.range.start }
            return find(symbol, in: text, from: args[0].range.end, to: args[1].range.start) ?? expr.range.start
        default:
            return expr.range.start
        }
    }

    static func find(_ needle: String, in text: [Unicode.Scalar], from: Int, to: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        let upper = min(to, text.count) - pattern.count
        guard !pattern.isEmpty, from >= 0, from <= upper else { return nil }
        for i in from...upper where Array(text[i..<(i + pattern.count)]) == pattern { return i }
        return nil
    }
}

import SourceText

/// Draws a `RuleExplanation` as text: per item, its place in the plan, then `when` and
/// `assert` with their results and the value of each sub-expression under it.
public struct ExplanationRenderer: Sendable {
    /// How file paths are shown (e.g. relative to the working directory).
    var displayPath: @Sendable (String) -> String

    public init(displayPath: @escaping @Sendable (String) -> String = { $0 }) {
        self.displayPath = displayPath
    }

    public func render(_ explanation: RuleExplanation, rule: Rule? = nil) -> String {
        var out = "\(explanation.ruleID)"
        if let title = explanation.title { out += "  \(title)" }
        out += "\n  for: \(explanation.scope.rawValue), severity: \(explanation.severity.rawValue), plan: \(explanation.planID)\n"
        if explanation.items.isEmpty {
            out += "\nNo \(explanation.scope.rawValue) item matched.\n"
            return out
        }
        for item in explanation.items {
            out += "\n" + render(item)
        }
        out += "\n" + summary(explanation) + "\n"
        return out
    }

    func render(_ item: ItemExplanation) -> String {
        let place = "\(displayPath(item.location.path)):\(item.location.start.line):\(item.location.start.column)"
        var out = "\(item.path) (\(item.label))  \(place)\n"
        for expression in [item.when, item.assert].compactMap({ $0 }) {
            out += render(expression)
        }
        switch item.outcome {
        case .notApplicable: out += "  = not applicable: 'when' is false\n"
        case .passed: out += "  = passed\n"
        case .violation(let message, let waived): out += "  = \(waived ? "violation (waived)" : "violation"): \(message)\n"
        case .evaluationError(let message): out += "  = evaluation error: \(message)\n"
        }
        return out
    }

    /// `  assert location.country == company.country   → false`, then the value rows.
    /// An expression written over several lines is drawn line by line, its result first.
    func render(_ expression: TracedExpression) -> String {
        let label = expression.field.padding(toLength: 6, withPad: " ", startingAt: 0)
        let indent = String(repeating: " ", count: 2 + 6 + 1)
        let result = "→ \(expression.result)" + (expression.resultNote.map { " \($0)" } ?? "")
        let lines = Self.sourceLines(expression.text)
        if lines.count <= 1 {
            let (line, columns) = Self.flatten(expression.text)
            var out = "  \(label) \(line)   \(result)\n"
            for row in PowerAssertLayout.lines(marks(expression.values, columns: columns)) {
                out += indent + row + "\n"
            }
            return out
        }
        var out = "  \(label) \(result)\n"
        for line in lines {
            out += indent + line.text + "\n"
            let inLine = expression.values.filter { line.range.contains($0.anchor) }
            let shifted = inLine.map { value in
                PowerAssertLayout.Mark(column: value.anchor - line.range.lowerBound - line.dropped,
                                       text: value.value + (value.note.map { " \($0)" } ?? ""))
            }
            for row in PowerAssertLayout.lines(shifted) {
                out += indent + row + "\n"
            }
        }
        return out
    }

    func marks(_ values: [TracedExpression.SubValue], columns: [Int]) -> [PowerAssertLayout.Mark] {
        values.compactMap { value in
            guard value.anchor < columns.count else { return nil }
            return PowerAssertLayout.Mark(column: columns[value.anchor], text: value.value + (value.note.map { " \($0)" } ?? ""))
        }
    }

    /// The expression's non-blank lines: each line's scalar range in the text, its text
    /// with the indentation common to all lines removed, and how many scalars that dropped.
    static func sourceLines(_ text: String) -> [(range: Range<Int>, text: String, dropped: Int)] {
        var lines: [(Range<Int>, [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines.append((start..<offset, current))
                current = []
                start = offset + 1
            } else {
                current.append(scalar)
            }
            offset += 1
        }
        lines.append((start..<offset, current))
        let nonBlank = lines.filter { !$0.1.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
        let common = nonBlank.map { $0.1.prefix { $0 == " " }.count }.min() ?? 0
        return nonBlank.map { range, scalars in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars.dropFirst(common))
            var text = String(view)
            while text.last == " " || text.last == "\r" { text.removeLast() }
            return (range, text, common)
        }
    }

    func summary(_ explanation: RuleExplanation) -> String {
        var counts: [String: Int] = [:]
        for item in explanation.items {
            let key = switch item.outcome {
            case .notApplicable: "not applicable"
            case .passed: "passed"
            case .violation(_, let waived): waived ? "waived" : "violated"
            case .evaluationError: "evaluation errors"
            }
            counts[key, default: 0] += 1
        }
        let order = ["violated", "waived", "evaluation errors", "passed", "not applicable"]
        let parts = order.compactMap { key in
            counts[key].map { n in "\(n) " + (key == "evaluation errors" && n == 1 ? "evaluation error" : key) }
        }
        let noun = explanation.items.count == 1 ? "item" : "items"
        return "\(explanation.items.count) \(noun): " + parts.joined(separator: ", ")
    }

    /// The expression on one line (whitespace runs, newlines included, become one
    /// space) and, for each scalar offset of the original, its column in that line.
    static func flatten(_ text: String) -> (String, [Int]) {
        var line = String.UnicodeScalarView()
        var columns: [Int] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !line.isEmpty { pendingSpace = true }
                columns.append(line.count + (pendingSpace ? 1 : 0))
                continue
            }
            if pendingSpace {
                line.append(" ")
                pendingSpace = false
            }
            columns.append(line.count)
            line.append(scalar)
        }
        columns.append(line.count)
        return (String(line), columns)
    }
}

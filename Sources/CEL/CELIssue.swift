/// One problem found while parsing or checking an expression.
public struct CELIssue: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. "undeclared reference to 'contry'".
    public var message: String
    /// Where, as scalar offsets into the expression text.
    public var range: CELSourceRange
    /// 1-based line and column (in scalars) of `range.start` within the expression text.
    public var position: CELLineColumn
    /// A hint such as "did you mean 'country'?", or nil.
    public var help: String?

    public init(message: String, range: CELSourceRange, source: String, help: String? = nil) {
        self.message = message
        self.range = range
        self.position = CELSourceText.lineColumn(of: range.start, in: source)
        self.help = help
    }

    public var description: String {
        "\(position): \(message)" + (help.map { " (\($0))" } ?? "")
    }
}

/// All problems found in one expression (thrown by parse, check and compile).
public struct CELIssues: Error, Sendable, CustomStringConvertible {
    public var issues: [CELIssue]
    public init(_ issues: [CELIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// One problem found while parsing or checking an expression.
public struct CELIssue: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem, with the names involved: callers branch on this, never on
    /// the wording of `message`.
    public enum Kind: Sendable, Hashable {
        /// The text is not CEL (set by the lexer and parser).
        case syntax
        /// The expression is longer than `CELParserOptions.maxLength`.
        case tooLong
        /// A name no variable, set or function declares.
        case undeclaredReference(name: String)
        /// `value.field` where the value's type has no such field.
        case undefinedField(field: String, type: String)
        /// `value.field` on a type without fields.
        case unsupportedFieldSelection
        /// A function or operator called with arguments no overload takes.
        case noMatchingOverload(function: String)
        /// A comprehension over something that is not a list or map.
        case invalidComprehensionRange
        /// `?` in an optional literal or index without an optional value after it.
        case expectedOptional
    }

    /// What kind of problem, with its names.
    public var kind: Kind
    /// What is wrong, e.g. "undeclared reference to 'contry'".
    public var message: String
    /// Where, as scalar offsets into the expression text.
    public var range: CELSourceRange
    /// 1-based line and column (in scalars) of `range.start` within the expression text.
    public var position: CELLineColumn
    /// A hint such as "did you mean 'country'?", or nil.
    public var help: String?

    public init(_ kind: Kind, message: String, range: CELSourceRange, source: String, help: String? = nil) {
        self.kind = kind
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

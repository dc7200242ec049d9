import CEL
import SourceText
import YAML

/// What one check of a rule is about (`for:`). Everything else about a scope — its
/// variables, subjects, how findings describe them — is its `definition`
/// (Sources/Policy/Scopes/).
public enum RuleScope: String, Sendable, CaseIterable {
    case plan
    case engagement
    case location
    case data
    case language
    case subcontractor
    case country
    case provider
}

/// A CEL expression as written in a rule file, compiled.
struct RuleExpression: Sendable {
    /// The expression text (the YAML scalar's value).
    public let text: String
    let program: CELProgram
    /// The YAML scalar it was read from, for mapping CEL offsets back to the file.
    public let node: YAMLNode
}

/// A loaded, compiled rule.
public struct Rule: Sendable {
    public let id: String
    public let title: String?
    public let description: String?
    public var severity: Severity
    public let scope: RuleScope
    let when: RuleExpression?
    let assert: RuleExpression
    public let message: MessageTemplate?
    public let remediation: String?
    public let references: [String]
    public let tags: [String]
    public var enabled: Bool
    /// The `policy:` id of the file it came from.
    public let policy: String
    public let node: YAMLNode

    /// Where the rule is defined.
    public var span: SourceSpan { node["id"]?.span ?? node.span }
}

/// A named list from a rule file's `sets:`, or a built-in one.
public struct NamedSet: Sendable {
    public let name: String
    public let members: [String]
    /// Where it is defined; nil for a built-in set.
    public let node: YAMLNode?
    /// For built-in sets: the source and as-of date.
    public let source: String?
    public let asOf: String?
}

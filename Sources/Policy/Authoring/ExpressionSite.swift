import CEL
import SourceText
import YAML

/// A CEL expression of a rule file found under a cursor (`when`, `assert`, or one
/// `{{ }}` placeholder of `message`), with the map between offsets in the expression
/// and positions in the file, for editors.
public struct ExpressionSite: Sendable {
    /// The expression's text.
    public let text: String
    /// The cursor, as an offset in Unicode scalars into `text`.
    public let offset: Int
    /// `when`, `assert` or `message`.
    public let field: String
    /// The rule's `for:` scope, when it names one.
    public let scope: RuleScope?
    /// The rule's mapping.
    public let rule: YAMLNode
    private let node: YAMLNode
    /// Where `text` starts within the scalar's value (non-zero for a placeholder).
    private let base: Int

    /// The file span of expression offsets `start..<end`.
    public func span(from start: Int, to end: Int) -> SourceSpan {
        ScalarSourceMap(node: node).span(from: base + start, to: base + end)
    }

    /// The expression under `position` in a rule file's document, or nil.
    public static func find(in document: YAMLDocument, at position: SourcePosition) -> ExpressionSite? {
        guard let rules = document.root?["rules"], rules.kind == .sequence else { return nil }
        for rule in rules.items where rule.kind == .mapping && contains(rule, position) {
            for field in RuleSchema.expressionKeys {
                guard let node = rule[field], node.kind == .scalar, contains(node, position) else { continue }
                let map = ScalarSourceMap(node: node)
                let value = node.scalar ?? ""
                let length = value.unicodeScalars.count
                var cursor = 0
                for offset in 0...length where map.position(at: offset) <= position { cursor = offset }
                var text = value
                var base = 0
                if field == "message" {
                    guard let (inner, start) = placeholder(in: value, at: cursor) else { return nil }
                    text = inner
                    base = start
                }
                return ExpressionSite(text: text, offset: cursor - base, field: field,
                                      scope: rule["for"]?.scalar.flatMap(RuleScope.init(rawValue:)),
                                      rule: rule, node: node, base: base)
            }
        }
        return nil
    }

    private static func contains(_ node: YAMLNode, _ position: SourcePosition) -> Bool {
        node.start <= position && position <= node.end
    }

    /// The `{{ … }}` placeholder of a message around value offset `cursor` (an unclosed
    /// one runs to the end): its text and start offset.
    private static func placeholder(in value: String, at cursor: Int) -> (String, Int)? {
        let (pieces, unclosed) = MessageTemplate.placeholders(in: value)
        let scalars = Array(value.unicodeScalars)
        for piece in pieces where piece.isExpression {
            let end = piece.offset + piece.text.unicodeScalars.count
            if piece.offset <= cursor, cursor <= end { return (piece.text, piece.offset) }
        }
        if let unclosed, unclosed + 2 <= cursor {
            return (String(String.UnicodeScalarView(scalars[(unclosed + 2)...])), unclosed + 2)
        }
        return nil
    }
}

/// Documentation of what rules can read: the scope variables and the fields of the
/// plan's object types, taken from the plan schema (`PlanSchema`, derived facts
/// included), the one place they are described.
public enum PlanFieldDocs {
    /// The field's description, e.g. ("shore.Location", "overlap_hours").
    public static func documentation(ofField field: String, inType typeName: String) -> String? {
        guard let object = objects[typeName] else { return nil }
        let documented = (object.fields + object.derivedFields).first { $0.ruleName == field }
        guard let documented else { return nil }
        return object.derivedFields.contains { $0.name == documented.name } ? "Derived: " + documented.description : documented.description
    }

    /// What a rule variable holds (`location`, `engagement` …), or nil.
    public static func documentation(ofVariable name: String) -> String? {
        guard case .object(let typeName) = PlanTypes.variables[name] else { return nil }
        return objects[typeName]?.description
    }

    /// The schema objects rules can read, by CEL type name.
    private static let objects: [String: SchemaObject] = Dictionary(
        PlanTypes.objects.compactMap { object in object.ruleType.map { ($0, object) } }, uniquingKeysWith: { a, _ in a })
}

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
            for field in ["when", "assert", "message"] {
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
/// plan's object types, from the plan schema and the derived facts Shore computes.
public enum PlanFieldDocs {
    /// The field's description, e.g. ("shore.Location", "overlap_hours").
    public static func documentation(ofField field: String, inType typeName: String) -> String? {
        if let doc = derived[typeName]?[field] { return doc }
        guard let object = schemaObjects[typeName] else { return nil }
        let key = typeName == PlanTypes.plan && field == "id" ? "plan" : field
        return object.field(key)?.description
    }

    /// What a rule variable holds (`location`, `engagement` …), or nil.
    public static func documentation(ofVariable name: String) -> String? {
        guard case .object(let typeName) = PlanTypes.variables[name] else { return nil }
        if let object = schemaObjects[typeName] { return object.description }
        return derivedTypes[typeName]
    }

    /// The fields of a plan object type with their CEL types, sorted by name.
    public static func fields(ofType typeName: String) -> [(name: String, type: CELType)] {
        guard let type = PlanTypes.all.first(where: { $0.name == typeName }) else { return [] }
        return type.fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private static let schemaObjects: [String: SchemaObject] = [
        PlanTypes.plan: PlanSchema.plan, PlanTypes.company: PlanSchema.company,
        PlanTypes.engagement: PlanSchema.engagement, PlanTypes.provider: PlanSchema.provider,
        PlanTypes.location: PlanSchema.location, PlanTypes.data: PlanSchema.data,
        PlanTypes.language: PlanSchema.language, PlanTypes.cost: PlanSchema.cost,
    ]

    private static let derivedTypes: [String: String] = [
        PlanTypes.country: "All locations in one country, across engagements (`for: country`).",
        PlanTypes.providerSummary: "All engagements of one provider, grouped by name (`for: provider`).",
    ]

    /// The facts Shore derives (a plan may not set them).
    private static let derived: [String: [String: String]] = [
        PlanTypes.engagement: [
            "offshore": "Derived: some location is outside the company's country.",
            "outsourced": "Derived: the provider is external (not captive or in-house).",
            "model": "Derived: in-house, outsourced, offshore-outsourced or offshore-captive.",
            "headcount": "Derived: the people over all locations.",
        ],
        PlanTypes.location: [
            "offshore": "Derived: the location's country is not the company's.",
            "overlap_hours": "Derived: hours of the company's business day this location works (DST-aware, on the plan date).",
        ],
        PlanTypes.data: ["level": "Derived: the classification's rank on the rule set's scale, from 1."],
        PlanTypes.language: ["cefr": "Derived: the level as a number (A1 = 1 … C2 = 6, native = 7)."],
        PlanTypes.country: [
            "code": "ISO 3166-1 alpha-2 code.", "name": "The country's name.",
            "headcount": "People working in this country, over all engagements.",
            "headcount_share": "Share of the plan's total headcount, 0…1.",
            "engagements": "Ids of the engagements with a location here.",
        ],
        PlanTypes.providerSummary: [
            "name": "The provider's name.", "country": "Where the provider is established.",
            "kind": "agency, freelancer, contractor, captive or in-house.",
            "engagements": "Ids of the provider's engagements.", "headcount": "People over its engagements.",
            "cost_share": "Share of the plan's total annual cost, 0…1.",
        ],
    ]
}

import YAML

/// One field of a `SchemaObject`.
public struct SchemaField: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var description: String
    /// An example value for documentation (`PH`, `"09:00-17:00"`).
    var example: String?
    /// The field's name in CEL (`plan:` is `plan.id` to rules), or nil when rules cannot
    /// read it (a plan's own `waivers`).
    var ruleName: String?

    init(_ name: String, _ type: FieldType, required: Bool = false, _ description: String, example: String? = nil,
                ruleName: String?? = .none) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.example = example
        self.ruleName = ruleName ?? name
    }
}

/// A mapping in one of Shore's file formats: its fields, and the names Shore derives
/// itself (which a file may not set). A class: loaders hold one reference to it per
/// mapping they read rather than a copy of its arrays.
public final class SchemaObject: Sendable {
    /// Singular noun for messages: "engagement", "location".
    public let name: String
    public let description: String
    public let fields: [SchemaField]
    /// The CEL object type rules see it as (`shore.Location`), or nil for file formats
    /// rules never read (waivers, rule files, config).
    let ruleType: String?
    /// Read-only facts Shore computes (`offshore`, `overlap_hours`), with their types and
    /// meaning: rules read them, a file may not write them.
    let derivedFields: [SchemaField]
    /// The field names as YAML keys: field `i` is key `i`.
    let keys: YAMLKeySet

    init(_ name: String, _ description: String, ruleType: String? = nil, fields: [SchemaField],
                derived: [SchemaField] = []) {
        self.name = name
        self.description = description
        self.ruleType = ruleType
        self.fields = fields
        self.derivedFields = derived
        self.keys = YAMLKeySet(fields.map(\.name))
    }

    /// The names of the derived facts: writing one in a file is an error.
    var derived: [String] { derivedFields.map(\.name) }

    public func field(_ name: String) -> SchemaField? {
        keys.index(of: name).map { fields[$0] }
    }

    var fieldNames: [String] { keys.names }
}

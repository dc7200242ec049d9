/// One field of a `SchemaObject`.
public struct SchemaField: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var description: String
    /// An example value for documentation (`PH`, `"09:00-17:00"`).
    public var example: String?

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ description: String, example: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.example = example
    }
}

/// A mapping in one of Shore's file formats: its fields, and the names Shore derives
/// itself (which a file may not set).
public struct SchemaObject: Sendable {
    /// Singular noun for messages: "engagement", "location".
    public var name: String
    public var description: String
    public var fields: [SchemaField]
    /// Read-only facts Shore computes (`offshore`, `overlap_hours`): writing one is an error.
    public var derived: [String]

    public init(_ name: String, _ description: String, fields: [SchemaField], derived: [String] = []) {
        self.name = name
        self.description = description
        self.fields = fields
        self.derived = derived
    }

    public func field(_ name: String) -> SchemaField? {
        fields.first { $0.name == name }
    }

    public var fieldNames: [String] { fields.map(\.name) }
}

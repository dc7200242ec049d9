/// A host-supplied object value. The host answers field selections lazily, so
/// no map needs to be built per evaluation. Objects are classes: a value holding one
/// is copied by one reference count, and selecting a field copies no existential box.
public protocol CELObject: AnyObject, Sendable {
    /// Fully qualified type name, matching a declared `CELObjectType` (e.g. `shore.Location`).
    var celTypeName: String { get }
    /// The value of a field, or nil when absent (`has()` is false, selection is an error).
    func celField(_ name: String) -> CELValue?
    /// The same for a field named in an expression (what evaluation asks): by default
    /// `celField(field.name)`; a type listing its fields in a `CELFieldTable` answers
    /// from the name's number instead.
    func celField(_ field: CELFieldName) -> CELValue?
    /// Equality with another object; the default compares type name and identity.
    func celEquals(_ other: any CELObject) -> Bool
}

extension CELObject {
    public func celField(_ field: CELFieldName) -> CELValue? { celField(field.name) }

    public func celEquals(_ other: any CELObject) -> Bool {
        celTypeName == other.celTypeName && ObjectIdentifier(self) == ObjectIdentifier(other)
    }
}

/// A simple object backed by a dictionary, handy for hosts and tests.
public final class CELDictionaryObject: CELObject {
    public let celTypeName: String
    public let fields: [String: CELValue]
    public init(typeName: String, fields: [String: CELValue]) {
        self.celTypeName = typeName
        self.fields = fields
    }
    public func celField(_ name: String) -> CELValue? { fields[name] }
    public func celEquals(_ other: any CELObject) -> Bool {
        guard let o = other as? CELDictionaryObject, o.celTypeName == celTypeName, o.fields.count == fields.count else { return false }
        for (k, v) in fields {
            guard let w = o.fields[k], equalValues(v, w) else { return false }
        }
        return true
    }
}

import CEL

/// A plan object whose fields are the cases of its `Field` enum (raw value: the name rules
/// use). One `switch` over the cases answers both a selection planned in an expression
/// (found by the name's number, no string compared) and a lookup by name.
protocol FieldTableObject: CELObject {
    associatedtype Field: RawRepresentable & CaseIterable & Sendable where Field.RawValue == String
    /// The type's fields by name number: made once per type (a `static let`) and kept by
    /// every object, since reading a `static let` costs a call to check it is made.
    var fields: CELFieldTable<Field> { get }
    /// The value of `field`, or nil when it is absent.
    func value(_ field: Field) -> CELValue?
}

extension FieldTableObject {
    func celField(_ name: String) -> CELValue? {
        guard let field = fields[name] else { return nil }
        return value(field)
    }

    func celField(_ field: CELFieldName) -> CELValue? {
        guard let field = fields[field] else { return nil }
        return value(field)
    }
}

import Synchronization

/// A field name as a selection (`a.name`, `has(a.name)`) uses it: the name and its number,
/// given once, when the expression is planned. A host object whose fields are listed in a
/// `CELFieldTable` finds the field by that number with one array read, where a `switch`
/// on the name compares strings one case after another.
public struct CELFieldName: Sendable {
    public let name: String
    /// The same for equal names (Swift string equality) throughout the process.
    public let number: Int

    public init(_ name: String) {
        self.name = name
        number = CELFieldName.numbers.withLock { numbers in
            if let number = numbers[name] { return number }
            let number = numbers.count
            numbers[name] = number
            return number
        }
    }

    /// Every name numbered so far.
    private static let numbers = Mutex<[String: Int]>([:])
}

/// A host type's fields by the number of their name (see `CELFieldName`): the fields are
/// the cases of `Field`, named by their raw values. Made once per type (a `static let`);
/// it is never changed after, so threads read it without locking or reference counting.
///
/// The class asks nothing of `Field` but `Sendable` (a marker, nothing to look up at run
/// time); what it needs of the cases is asked where a table is made. A class whose generic
/// parameter must conform to a protocol has each of its types checked when the type is
/// first made: a search of every conformance in the program (about half a million
/// instructions per table type, ten table types, a tenth of a small plan's whole check).
public final class CELFieldTable<Field: Sendable>: Sendable {
    /// Entry n is the field whose name has number n, if any. Names numbered after the
    /// table was made are beyond its end: none of them is a field of the type.
    @usableFromInline
    nonisolated(unsafe) let byNumber: UnsafeMutableBufferPointer<Field?>

    /// A table of `fields`, each with its name.
    public init(_ fields: [(name: String, field: Field)]) {
        let numbered = fields.map { (CELFieldName($0.name).number, $0.field) }
        let count = (numbered.map(\.0).max() ?? -1) + 1
        byNumber = .allocate(capacity: count)
        byNumber.initialize(repeating: nil)
        for (number, field) in numbered { byNumber[number] = field }
    }

    deinit { byNumber.deallocate() }

    /// The field `name` selects, or nil when the type has no such field.
    @inlinable
    public subscript(_ name: CELFieldName) -> Field? {
        name.number < byNumber.count ? byNumber[name.number] : nil
    }
}

extension CELFieldTable where Field: RawRepresentable & CaseIterable, Field.RawValue == String {
    /// The table of `Field`'s cases, each named by its raw value.
    public convenience init() {
        self.init(Field.allCases.map { (name: $0.rawValue, field: $0) })
    }

    /// The field called `name`, or nil.
    @inlinable
    public subscript(_ name: String) -> Field? { Field(rawValue: name) }
}

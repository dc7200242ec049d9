/// An optional value (`optional.of(x)`, `optional.none()`, the result of `a.?b` and
/// `a[?b]`), carried as a host object of type `optional_type`.
public final class CELOptional: CELObject {
    /// The value, or nil for `optional.none()`.
    public let value: CELValue?

    public init(_ value: CELValue?) {
        self.value = value
    }

    public var celTypeName: String { "optional_type" }

    /// Optionals have no fields: selecting on one selects on its value (see `Operators.select`).
    public func celField(_ name: String) -> CELValue? { nil }

    public func celEquals(_ other: any CELObject) -> Bool {
        guard let other = CELOptional.of(other) else { return false }
        switch (value, other.value) {
        case (nil, nil): return true
        case let (a?, b?): return equalValues(a, b)
        default: return false
        }
    }
}

extension CELValue {
    /// `optional.none()`.
    public static let optionalNone = CELValue.object(CELOptional(nil))

    /// `optional.of(value)`; an error stays an error.
    public static func optional(of value: CELValue) -> CELValue {
        if case .error = value { return value }
        return .object(CELOptional(value))
    }

    /// The optional this value is, if it is one.
    public var asOptional: CELOptional? {
        if case .object(let object) = self { return CELOptional.of(object) }
        return nil
    }
}

extension CELOptional {
    /// `object` as an optional, if it is one. A comparison of types, not a dynamic cast
    /// (a general cast asks the runtime for every bridging it knows).
    @inline(__always)
    static func of(_ object: any CELObject) -> CELOptional? {
        type(of: object) == CELOptional.self ? unsafeDowncast(object, to: CELOptional.self) : nil
    }

    /// Whether `object` is an optional (see `of(_:)`).
    @inline(__always)
    static func isOptional(_ object: any CELObject) -> Bool { type(of: object) == CELOptional.self }
}

/// Normalized map key: numerically equal int/uint/double keys share one key.
enum CELMapKey: Hashable, Sendable {
    case int(Int64), uint(UInt64), bool(Bool), string(ScalarString)

    /// The key for a value, or nil if the value cannot be a map key.
    init?(_ v: CELValue) {
        switch v {
        case .int(let i): self = .int(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .uint(u)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(ScalarString(s))
        default: return nil
        }
    }

    /// Lookup key for any value, including integral doubles (heterogeneous numeric lookup).
    init?(lookup v: CELValue) {
        if case .double(let d) = v {
            if d.rounded(.towardZero) == d, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 {
                self = .int(Int64(d))
            } else if d.rounded(.towardZero) == d, d >= 0, d < 1.8446744073709551616e19 {
                self = .uint(UInt64(d))
            } else {
                return nil
            }
            return
        }
        self.init(v)
    }
}

/// A CEL map: insertion-ordered entries with hashed lookup.
public struct CELMap: Sendable {
    public private(set) var keys: [CELValue] = []
    public private(set) var values: [CELValue] = []
    var index: [CELMapKey: Int] = [:]

    public init() {}

    /// Builds a map; nil if a key is invalid or repeated.
    public init?(_ entries: [(CELValue, CELValue)]) {
        for (k, v) in entries {
            guard insert(k, v) else { return nil }
        }
    }

    /// Builds a map with string keys.
    public init(_ dict: [String: CELValue]) {
        for k in dict.keys.sorted() { _ = insert(.string(k), dict[k] ?? .null) }
    }

    public var count: Int { keys.count }

    /// Inserts a new entry; false if the key is invalid or already present.
    @discardableResult
    public mutating func insert(_ key: CELValue, _ value: CELValue) -> Bool {
        guard let k = CELMapKey(key), index[k] == nil else { return false }
        index[k] = keys.count
        keys.append(key)
        values.append(value)
        return true
    }

    /// The value for a key (numeric keys compare by value), or nil.
    public subscript(key: CELValue) -> CELValue? {
        guard let k = CELMapKey(lookup: key), let i = index[k] else { return nil }
        return values[i]
    }

    /// The value for a string key.
    public subscript(string key: String) -> CELValue? {
        guard let i = index[.string(ScalarString(key))] else { return nil }
        return values[i]
    }

    public var entries: [(key: CELValue, value: CELValue)] {
        (0..<keys.count).map { (keys[$0], values[$0]) }
    }
}

/// A string compared and hashed by code points (no Unicode normalization, unlike `String`).
struct ScalarString: Hashable, Sendable {
    let value: String
    init(_ value: String) { self.value = value }
    static func == (a: Self, b: Self) -> Bool { sameScalars(a.value, b.value) }
    func hash(into h: inout Hasher) {
        var v = value
        v.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

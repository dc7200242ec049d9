/// A CEL runtime value. Errors are values too (`.error`).
public enum CELValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([CELValue])
    indirect case map(CELMap)
    case object(any CELObject)
    case timestamp(CELTimestamp)
    case duration(CELDuration)
    case type(CELType)
    indirect case error(CELError)

    /// The runtime type of the value (`list`, `map` are not parameterized).
    public var celType: CELType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .list: return .list(.dyn)
        case .map: return .map(.dyn, .dyn)
        case .object(let o): return CELOptional.isOptional(o) ? .optional(.dyn) : .object(o.celTypeName)
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .type: return .type(.dyn)
        case .error: return .error
        }
    }

    /// True for `.error`.
    public var isError: Bool { if case .error = self { return true }; return false }

    /// The boolean this value is, or nil for any other value.
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }

    /// Shorthand for an error value.
    public static func err(_ message: String, _ node: Int = 0) -> CELValue { .error(CELError(message, nodeID: node)) }

    /// The value written as a CEL literal: `"PH"`, `3u`, `2.0`, `[1, 2]`, `{"a": 1}`.
    public var literalDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .uint(let u): return "\(u)u"
        case .double(let d): return formatDoubleLiteral(d)
        case .string(let s): return quoteString(s)
        case .bytes(let b): return quoteBytes(b)
        case .list(let l): return "[" + l.map(\.literalDescription).joined(separator: ", ") + "]"
        case .map(let m):
            return "{" + m.entries.map { "\($0.key.literalDescription): \($0.value.literalDescription)" }.joined(separator: ", ") + "}"
        case .object(let o):
            if let optional = CELOptional.of(o) {
                return optional.value.map { "optional.of(\($0.literalDescription))" } ?? "optional.none()"
            }
            return "\(o.celTypeName){...}"
        case .timestamp(let t): return "timestamp(\"\(t.rfc3339)\")"
        case .duration(let d): return "duration(\"\(d.text)\")"
        case .type(let t): return t.runtimeName
        case .error(let e): return "error(\(quoteString(e.message)))"
        }
    }

    // MARK: host conversions

    /// Converts common Swift values (Bool, Int, UInt, Double, String, [Any], [String: Any],
    /// CELObject, CELValue, nil) to a CEL value; nil for unsupported values.
    public static func from(_ any: Any?) -> CELValue? {
        guard let any else { return .null }
        switch any {
        case let v as CELValue: return v
        case let v as Bool: return .bool(v)
        case let v as Int: return .int(Int64(v))
        case let v as Int64: return .int(v)
        case let v as Int32: return .int(Int64(v))
        case let v as UInt: return .uint(UInt64(v))
        case let v as UInt64: return .uint(v)
        case let v as Double: return .double(v)
        case let v as Float: return .double(Double(v))
        case let v as String: return .string(v)
        case let v as [UInt8]: return .bytes(v)
        case let v as any CELObject: return .object(v)
        case let v as [Any?]:
            var out: [CELValue] = []
            for e in v { guard let c = from(e) else { return nil }; out.append(c) }
            return .list(out)
        case let v as [String: Any?]:
            var m = CELMap()
            for k in v.keys.sorted() { guard let c = from(v[k] ?? nil) else { return nil }; m.insert(.string(k), c) }
            return .map(m)
        default: return nil
        }
    }
}

extension CELValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: CELValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
}

extension CELValue: CustomStringConvertible {
    public var description: String { literalDescription }
}

extension CELValue: Equatable {
    /// Structural equality per CEL `==` (heterogeneous numbers equal by value); errors equal by message.
    public static func == (a: CELValue, b: CELValue) -> Bool {
        if case .error(let x) = a, case .error(let y) = b { return x.message == y.message }
        return equalValues(a, b)
    }
}

func formatDoubleLiteral(_ d: Double) -> String {
    if d.isNaN { return "double(\"NaN\")" }
    if d.isInfinite { return d > 0 ? "double(\"Infinity\")" : "double(\"-Infinity\")" }
    let s = "\(d)"
    return s
}

/// CEL string formatting of a double (`string(1.5)`).
func formatDouble(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d > 0 ? "+Inf" : "-Inf" }
    var s = "\(d)"
    if s.hasSuffix(".0") { s.removeLast(2) }
    return s
}

func quoteString(_ s: String) -> String {
    // Nothing to escape (the common case): the text between quotes as it is.
    if CELValue.quotesAsIs(s) {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        out += s
        out += "\""
        return out
    }
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{0B}": out += "\\v"
        default:
            if u.value < 0x20 || u.value == 0x7F {
                out += "\\x" + hex2(UInt8(u.value))
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}

func quoteBytes(_ b: [UInt8]) -> String {
    var out = "b\""
    for c in b {
        switch c {
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(c))
        default: out += "\\x" + hex2(c)
        }
    }
    return out + "\""
}

func hex2(_ b: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
}

extension CELValue {
    /// True when `text` has nothing to escape in a CEL string literal (no control
    /// character, DEL, quote or backslash): its literal is the text between quotes.
    public static func quotesAsIs(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F && $0 != 0x22 && $0 != 0x5C }
    }
}

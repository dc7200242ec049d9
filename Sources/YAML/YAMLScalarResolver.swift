/// Resolves plain scalars by the YAML 1.2 core schema (not YAML 1.1: `NO` stays a string).
enum YAMLScalarResolver {
    /// The kind of a plain (unquoted, non-block) scalar.
    static func kind(ofPlain text: String) -> YAMLScalarKind {
        var text = text
        return text.withUTF8 { kind(ofPlain: $0) }
    }

    /// The kind of a plain scalar written as these UTF-8 bytes (no string is made).
    static func kind(ofPlain bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalarKind {
        guard let first = bytes.first else { return .null }
        func isOne(of words: StaticString...) -> Bool { isWord(bytes[...], words) }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if isInt(bytes) { return .int }
            if isFloat(bytes) { return .float }
            return .string
        case UInt8(ascii: "~"):
            return bytes.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isOne(of: "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return isOne(of: "true", "True", "TRUE") ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isOne(of: "false", "False", "FALSE") ? .bool : .string
        default:
            return .string
        }
    }

    /// False when a plain scalar starting with `firstByte` can only be a string (nil:
    /// the empty scalar, which is null).
    static func mayBeTyped(firstByte: UInt8?) -> Bool {
        guard let byte = firstByte else { return true }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }

    /// `[-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+`
    static func isInt(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isInt($0) }
    }

    static func isInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") { return bytes[2...].allSatisfy { $0 >= 0x30 && $0 <= 0x37 } }
            if bytes[1] == UInt8(ascii: "x") { return bytes[2...].allSatisfy(isHexDigit) }
        }
        var digits = bytes[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.(inf|Inf|INF) | \.nan|\.NaN|\.NAN`
    static func isFloat(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isFloat($0) }
    }

    static func isFloat(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if isWord(text[...], [".nan", ".NaN", ".NAN"]) { return true }
        var bytes = text[...]
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        if isWord(bytes, [".inf", ".Inf", ".INF"]) { return true }
        var i = bytes.startIndex
        var mantissaDigits = 0
        while i < bytes.endIndex, isDigit(bytes[i]) { i += 1; mantissaDigits += 1 }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
            i += 1
            var fraction = 0
            while i < bytes.endIndex, isDigit(bytes[i]) { i += 1; fraction += 1 }
            if mantissaDigits == 0, fraction == 0 { return false }
            mantissaDigits += fraction
        }
        guard mantissaDigits > 0 else { return false }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            var exponent = 0
            while i < bytes.endIndex, isDigit(bytes[i]) { i += 1; exponent += 1 }
            if exponent == 0 { return false }
        }
        return i == bytes.endIndex
    }

    /// The Int64 value of an int scalar, or nil when it does not fit.
    static func intValue(_ text: String) -> Int64? {
        if text.hasPrefix("0x") { return Int64(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int64(text.dropFirst(2), radix: 8) }
        return Int64(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }

    static func floatValue(_ text: String) -> Double? {
        switch text {
        case ".nan", ".NaN", ".NAN": return .nan
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        default: return Double(text)
        }
    }

    /// True when `bytes` are exactly one of `words`.
    private static func isWord(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ words: [StaticString]) -> Bool {
        words.contains { word in
            word.utf8CodeUnitCount == bytes.count
                && UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount).elementsEqual(bytes)
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}

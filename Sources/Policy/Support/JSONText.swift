/// A JSON value with ordered object keys, for output that must be byte-stable (the
/// JSON and SARIF reports, generated schemas, lint reports): the same input always
/// gives the same text, and the key order is part of the contract golden files pin.
public indirect enum JSONText: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    public static func == (a: JSONText, b: JSONText) -> Bool { a.rendered() == b.rendered() }

    /// Pretty-printed with two-space indents, ending without a newline.
    public func rendered(indent: Int = 0) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    /// Appends what `rendered(indent:)` returns to `out`, without building the parts
    /// as separate strings (reporters reuse one buffer per finding).
    public func write(into out: inout String, indent: Int = 0) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { out += String(Int64(d)) } else { out += d.isFinite ? String(d) : "null" }
        case .string(let s): Self.appendQuoted(s, to: &out)
        case .array(let items):
            if items.isEmpty { return out += "[]" }
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (position, item) in items.enumerated() {
                    if position > 0 { out += ", " }
                    item.write(into: &out)
                }
                return out += "]"
            }
            out += "[\n"
            for (position, item) in items.enumerated() {
                if position > 0 { out += ",\n" }
                Self.pad(&out, indent + 1)
                item.write(into: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "]"
        case .object(let entries):
            if entries.isEmpty { return out += "{}" }
            out += "{\n"
            for (position, (key, value)) in entries.enumerated() {
                if position > 0 { out += ",\n" }
                Self.pad(&out, indent + 1)
                Self.appendQuoted(key, to: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "}"
        }
    }

    private static func pad(_ out: inout String, _ level: Int) {
        for _ in 0..<level { out += "  " }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A JSON string literal (RFC 8259), safe to embed in JavaScript too: escapes `"` and
    /// `\`, every control character (U+0000–U+001F, U+007F and the C1 range
    /// U+0080–U+009F), U+2028/U+2029, and the bidi marks, embeddings, overrides and
    /// isolates (U+061C, U+200E/F, U+202A–E, U+2066–9), so none appears raw in the file.
    /// Everything else, `/` and non-ASCII included, is written as is (UTF-8).
    public static func quote(_ s: String) -> String {
        var out = ""
        appendQuoted(s, to: &out)
        return out
    }

    /// Appends `quote(s)` to `out`; printable ASCII without `"` or a backslash is copied whole.
    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            out += s
            return out += "\""
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}", "\u{061C}", "\u{200E}", "\u{200F}",
                 "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// `.string(value)`, or `.null` when absent.
    public static func optional(_ value: String?) -> JSONText { value.map(JSONText.string) ?? .null }

    /// `.int(value)`, or `.null` when absent.
    public static func optional(_ value: Int?) -> JSONText { value.map(JSONText.int) ?? .null }

    /// `value` when present, else nothing: for building objects with optional members.
    public static func optional(_ key: String, _ value: JSONText?) -> [(String, JSONText)] {
        value.map { [(key, $0)] } ?? []
    }
}

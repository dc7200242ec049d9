/// Escaping for XML 1.0 text and attribute values.
enum XMLEscaping {
    /// Character data: `&`, `<`, `>` as entities (`>` too, so `]]>` cannot occur); characters
    /// XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) dropped.
    static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    /// An attribute value for `"…"` or `'…'`: as `text`, quotes as entities, and tab, line feed and carriage return
    /// as character references so attribute-value normalisation keeps them.
    static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    /// Whether XML 1.0 allows `scalar` at all (production `Char`).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        // Most text needs nothing: return it without copying scalar by scalar.
        let special: (UInt8) -> Bool = { byte in
            byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
        }
        if !value.utf8.contains(where: special) { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&apos;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

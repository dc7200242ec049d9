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

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        // Most text needs nothing: return it without copying.
        let special: (UInt8) -> Bool = { byte in
            byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
        }
        if !value.utf8.contains(where: special) { return value }
        // Everything that changes is ASCII, or U+FFFE/U+FFFF (EF BF BE/BF), so the work
        // is done on UTF-8 bytes.
        let bytes = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        func append(_ text: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\"") where inAttribute: append("&quot;")
            case UInt8(ascii: "'") where inAttribute: append("&apos;")
            case UInt8(ascii: "\t") where inAttribute: append("&#9;")
            case UInt8(ascii: "\n") where inAttribute: append("&#10;")
            case UInt8(ascii: "\r"): append("&#13;")
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): out.append(byte)
            case 0..<0x20: break  // not allowed in XML 1.0
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF):
                index += 2  // U+FFFE, U+FFFF: not allowed
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

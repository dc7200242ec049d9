import Policy

/// JSON written as bytes into a `UTF8Text`, laid out exactly as `JSONText.rendered(indent:)`
/// lays it out (two-space indents; an array of scalars on one line, any other array and
/// every non-empty object one member a line). Reporters write their per-finding objects
/// member by member with `openObject`/`member`/`closeObject`, without building a
/// `JSONText` tree for each.
extension UTF8Text {
    /// `value.rendered(indent: indent)`.
    func append(json value: JSONText, indent: Int = 0) {
        switch value {
        case .null: append("null" as StaticString)
        case .bool(let flag): append(flag ? "true" as StaticString : "false")
        case .int(let number): append(int: number)
        case .double(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                append(String(Int64(number)))
            } else {
                append(number.isFinite ? String(number) : "null")
            }
        case .string(let text): appendJSONQuoted(text)
        case .array(let items):
            if items.isEmpty { return append("[]" as StaticString) }
            if items.allSatisfy(Self.isScalar) {
                append(byte: 0x5B)
                for (position, item) in items.enumerated() {
                    if position > 0 { append(", " as StaticString) }
                    append(json: item)
                }
                return append(byte: 0x5D)
            }
            append("[\n" as StaticString)
            for (position, item) in items.enumerated() {
                if position > 0 { append(",\n" as StaticString) }
                appendPad(indent + 1)
                append(json: item, indent: indent + 1)
            }
            append(byte: 0x0A)
            appendPad(indent)
            append(byte: 0x5D)
        case .object(let entries):
            if entries.isEmpty { return append("{}" as StaticString) }
            append("{\n" as StaticString)
            for (position, (key, value)) in entries.enumerated() {
                if position > 0 { append(",\n" as StaticString) }
                appendPad(indent + 1)
                appendJSONQuoted(key)
                append(": " as StaticString)
                append(json: value, indent: indent + 1)
            }
            append(byte: 0x0A)
            appendPad(indent)
            append(byte: 0x7D)
        }
    }

    static func isScalar(_ value: JSONText) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }

    /// Two spaces per level.
    func appendPad(_ level: Int) {
        appendSpaces(2 * level)
    }

    /// `{` opening a non-empty object at `indent`.
    func openObject() {
        append("{\n" as StaticString)
    }

    /// The key of a member of an object opened at `indent` (`key` needs no escaping);
    /// the value follows.
    func member(_ key: StaticString, first: Bool = false, indent: Int) {
        let pad = 2 * (indent + 1), keyLength = key.utf8CodeUnitCount
        appendInPlace(reserving: pad + keyLength + 6) { out in
            var at = 0
            if !first {
                out[0] = 0x2C
                out[1] = 0x0A
                at = 2
            }
            (out + at).update(repeating: 0x20, count: pad)
            at += pad
            out[at] = 0x22
            (out + at + 1).update(from: key.utf8Start, count: keyLength)
            at += 1 + keyLength
            out[at] = 0x22
            out[at + 1] = 0x3A
            out[at + 2] = 0x20
            return at + 3
        }
    }

    /// `}` closing an object opened at `indent`.
    func closeObject(indent: Int) {
        append(byte: 0x0A)
        appendPad(indent)
        append(byte: 0x7D)
    }

    /// A string, or `null` when absent.
    func appendJSON(_ text: String?) {
        if let text { appendJSONQuoted(text) } else { append("null" as StaticString) }
    }

    /// A number, or `null` when absent.
    func appendJSON(_ number: Int?) {
        if let number { append(int: number) } else { append("null" as StaticString) }
    }

    /// A non-empty `because` list as an array of `{expression, value}` objects, its items
    /// at `indent` (the array's own member sits one level out).
    func appendBecause(_ lines: [Because], indent: Int) {
        append("[\n" as StaticString)
        for (position, because) in lines.enumerated() {
            if position > 0 { append(",\n" as StaticString) }
            appendPad(indent)
            openObject()
            member("expression", first: true, indent: indent)
            appendJSONQuoted(because.expression)
            member("value", indent: indent)
            appendJSONQuoted(because.value)
            closeObject(indent: indent)
        }
        append(byte: 0x0A)
        appendPad(indent - 1)
        append(byte: 0x5D)
    }

    /// A string member, or nothing when the value is absent.
    func optionalMember(_ key: StaticString, _ value: String?, indent: Int) {
        guard let value else { return }
        member(key, indent: indent)
        appendJSONQuoted(value)
    }
}

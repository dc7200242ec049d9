import SourceText

/// Text from plans and rules made safe to print on a terminal or in a CI log: see
/// `VisibleText`. Values stay on one line; only a rule author's multi-line text
/// (`multiline`) keeps its line breaks.
enum TerminalSafeText {
    static func escaped(_ value: String) -> String {
        hasNoUnsafeByte(value) ? value : VisibleText.escaped(value)
    }

    static func multiline(_ value: String) -> String {
        hasNoUnsafeByte(value) ? value : VisibleText.escaped(value, lineBreaks: .kept)
    }

    /// True when `value` holds no character `VisibleText` escapes: no C0 control but tab,
    /// no DEL, no C1 control (lead byte 0xC2), no U+061C (lead byte 0xD8), and none of
    /// U+200E, U+200F, U+2028…U+202E, U+2066…U+2069 (other three-byte characters from
    /// 0xE2, such as — and ’, are fine). Such text is returned as it is, unscanned by
    /// character.
    static func hasNoUnsafeByte(_ value: String) -> Bool {
        isShownAsIs(value) { _ in false }
    }

    /// `hasNoUnsafeByte`, and no byte is one that an escaper replaces (`isReplaced`, an
    /// ASCII byte such as `<` for HTML): the escaper can return `value` as it is. One
    /// pass over the bytes; no scan by character.
    static func isShownAsIs(_ value: String, unlessReplaced isReplaced: (UInt8) -> Bool) -> Bool {
        let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if (byte < 0x20 && byte != 0x09) || byte == 0x7F || isReplaced(byte) { return false }
                if byte >= 0x80 {
                    let next = i + 1 < bytes.count ? bytes[i + 1] : 0, third = i + 2 < bytes.count ? bytes[i + 2] : 0
                    if VisibleText.unsafeScalar(lead: byte, next: next, third: third) != nil { return false }
                }
                i += 1
            }
            return true
        }
        return plain ?? false
    }
}

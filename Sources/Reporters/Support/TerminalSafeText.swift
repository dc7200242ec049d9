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

    /// True when no byte of `value` can begin a character `VisibleText` escapes: no C0
    /// control but tab, no DEL, and none of the lead bytes 0xC2 (C1 controls), 0xD8
    /// (U+061C) and 0xE2 (U+200E…U+2069). Such text is returned as it is, unscanned
    /// by character.
    static func hasNoUnsafeByte(_ value: String) -> Bool {
        isShownAsIs(value) { _ in false }
    }

    /// `hasNoUnsafeByte`, and no byte is one that an escaper replaces (`isReplaced`, an
    /// ASCII byte such as `<` for HTML): the escaper can return `value` as it is. One
    /// pass over the bytes; no scan by character.
    static func isShownAsIs(_ value: String, unlessReplaced isReplaced: (UInt8) -> Bool) -> Bool {
        let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where (byte < 0x20 && byte != 0x09) || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
                || isReplaced(byte) {
                return false
            }
            return true
        }
        return plain ?? false
    }
}

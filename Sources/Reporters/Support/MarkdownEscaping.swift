import SourceText

/// Escaping for text placed in a GitHub-flavoured Markdown table cell (or paragraph).
enum MarkdownEscaping {
    /// `value` as inert cell text: `|` cannot end the cell, backticks, `*`, `_`, `~`,
    /// `[`, `]`, `#` and `\` cannot format or link, `<`, `>` and `&` cannot form HTML
    /// or entities, line breaks become `<br>` so the row stays on one line, and other
    /// control and bidi characters show as `\u{…}` escapes (`VisibleText`).
    static func cell(_ value: String) -> String {
        if TerminalSafeText.isShownAsIs(value, unlessReplaced: isReplaced) { return value }
        var previousWasCR = false
        return VisibleText.escaped(value) { scalar in
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\", "|", "`", "*", "_", "~", "[", "]", "#", "!": return "\\" + String(scalar)
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "&": return "&amp;"
            case "\r": return "<br>"
            case "\n": return previousWasCR ? "" : "<br>"
            case "\u{2028}", "\u{2029}", "\u{85}": return "<br>"
            case "\t": return " "
            // The escape's backslash doubled, so Markdown shows it.
            default: return VisibleText.isUnsafe(scalar) ? "\\" + VisibleText.escape(scalar) : nil
            }
        }
    }

    /// An ASCII byte that `cell` replaces: backslash, pipe, backtick, `*_~[]#!<>&` and tab (line
    /// breaks and other controls are caught by `TerminalSafeText.hasNoUnsafeByte`).
    static func isReplaced(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x7C, 0x60, 0x2A, 0x5F, 0x7E, 0x5B, 0x5D, 0x23, 0x21, 0x3C, 0x3E, 0x26, 0x09: true
        default: false
        }
    }
}

import SourceText

/// Escaping of plan and rule text for each review format. Every string that comes from
/// a plan, a rule or a waiver goes through one of these before it is written. In all
/// three, line breaks and tabs become spaces and every other control or bidi character
/// (`VisibleText.isUnsafe`) is shown as a visible `\u{1B}` escape, never raw.
enum ReviewEscaping {
    /// For HTML text and double- or single-quoted attribute values (also inside inline SVG).
    static func html(_ text: String) -> String {
        // `& < > " '` and tab: the scalars replaced below that are not unsafe anyway.
        if TerminalSafeText.isShownAsIs(text, unlessReplaced: {
            $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0x09
        }) { return text }
        return VisibleText.escaped(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            case "\n", "\t": " "
            default: nil
            }
        }
    }

    /// For Markdown text, in paragraphs, list items and table cells: backslash-escapes
    /// the characters that start Markdown syntax (`|` cannot split a table cell, `` ` ``
    /// cannot open code, `*`/`_`/`~` cannot emphasise, `[`/`]` cannot link), writes `<`, `>`
    /// and `&` as entities so no raw HTML or entity gets through, and turns line breaks
    /// into spaces so a value cannot end a table row or start a new block.
    static func markdown(_ text: String) -> String {
        if TerminalSafeText.isShownAsIs(text, unlessReplaced: isMarkdownReplaced) { return text }
        return VisibleText.escaped(text) { scalar in
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#": "\\" + String(scalar)
            case "<": "&lt;"
            case ">": "&gt;"
            case "&": "&amp;"
            case "\n", "\r", "\t": " "
            // The escape's backslash doubled, so Markdown shows it.
            default: VisibleText.isUnsafe(scalar) ? "\\" + VisibleText.escape(scalar) : nil
            }
        }
    }

    /// For plain text on a terminal: control characters (an ESC starting an ANSI
    /// sequence, a carriage return overwriting the line) become visible `\u{…}` escapes,
    /// line breaks become spaces.
    static func text(_ text: String) -> String {
        if TerminalSafeText.isShownAsIs(text, unlessReplaced: { $0 == 0x09 }) { return text }
        return VisibleText.escaped(text) { $0 == "\n" || $0 == "\t" ? " " : nil }
    }

    /// An ASCII byte that `markdown` replaces (line breaks and other controls are caught
    /// as unsafe): backslash, backtick, `*_[]|~#`, `<>&` and tab.
    private static func isMarkdownReplaced(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x7C, 0x7E, 0x23, 0x3C, 0x3E, 0x26, 0x09: true
        default: false
        }
    }
}

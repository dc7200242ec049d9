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
        // The check report's Markdown cells replace these bytes and `!` too: text without
        // any of them is shown as it is here as well.
        if TerminalSafeText.isShownAsIs(text, unlessReplaced: MarkdownEscaping.isReplaced) { return text }
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
}

import SourceText

/// Escaping for text placed in a GitHub-flavoured Markdown table cell (or paragraph).
enum MarkdownEscaping {
    /// `value` as inert cell text: `|` cannot end the cell, backticks, `*`, `_`, `~`,
    /// `[`, `]`, `#` and `\` cannot format or link, `<`, `>` and `&` cannot form HTML
    /// or entities, line breaks become `<br>` so the row stays on one line, and other
    /// control and bidi characters show as `\u{…}` escapes (`VisibleText`).
    static func cell(_ value: String) -> String {
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
}

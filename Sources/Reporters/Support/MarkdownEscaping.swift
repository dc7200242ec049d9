import SourceText

/// Escaping for text placed in a GitHub-flavoured Markdown table cell (or paragraph).
enum MarkdownEscaping {
    /// `value` as inert cell text: `|` cannot end the cell, backticks, `*`, `_`, `~`,
    /// `[`, `]`, `#` and `\` cannot format or link, `<`, `>` and `&` cannot form HTML
    /// or entities, line breaks become `<br>` so the row stays on one line, and other
    /// control and bidi characters show as `\u{…}` escapes (`VisibleText`).
    static func cell(_ value: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\", "|", "`", "*", "_", "~", "[", "]", "#", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\r": out += "<br>"
            case "\n": if !previousWasCR { out += "<br>" }
            case "\u{2028}", "\u{2029}", "\u{85}": out += "<br>"
            case "\t": out += " "
            default:
                // The escape's backslash doubled, so Markdown shows it.
                if VisibleText.isUnsafe(scalar) {
                    out += "\\" + VisibleText.escape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Escaping for text placed in a GitHub-flavoured Markdown table cell (or paragraph).
enum MarkdownEscaping {
    /// `value` as inert cell text: `|` cannot end the cell, backticks, `*`, `_`, `~`,
    /// `[`, `]`, `#` and `\` cannot format or link, `<`, `>` and `&` cannot form HTML
    /// or entities, and line breaks become `<br>` so the row stays on one line.
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
            case "\u{00}"..."\u{1F}", "\u{7F}": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

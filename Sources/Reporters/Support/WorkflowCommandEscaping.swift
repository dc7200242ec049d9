import SourceText

/// Escaping for GitHub Actions workflow commands (`::error file=…,line=…::message`),
/// as the Actions runner's toolkit does it (`escapeData` / `escapeProperty`), plus
/// visible escapes for what the runner passes through to the log.
enum WorkflowCommandEscaping {
    /// The message after `::`: `%`, CR and LF percent-encoded, so the command stays on
    /// one line and cannot start another; every other control or bidi character
    /// (ESC, OSC 8 links, BEL, BS, C1, U+202E …) shown as a `\u{…}` escape.
    static func data(_ value: String) -> String {
        if TerminalSafeText.isShownAsIs(value, unlessReplaced: { $0 == 0x25 }) { return value }
        return VisibleText.escaped(value) { scalar in
            switch scalar {
            case "%": "%25"
            case "\r": "%0D"
            case "\n": "%0A"
            case "\t": "\t"
            default: nil
            }
        }
    }

    /// A property value (`file=`, `title=`): as `data`, and `:` and `,` too, which
    /// would otherwise end the value.
    static func property(_ value: String) -> String {
        let escaped = data(value)
        if !escaped.utf8.contains(where: { $0 == 0x3A || $0 == 0x2C }) { return escaped }
        var out = ""
        for scalar in escaped.unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

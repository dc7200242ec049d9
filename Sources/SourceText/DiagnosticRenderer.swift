/// Renders diagnostics in compiler style:
///
/// ```
/// plans/a.yaml:4:12: error[plan.unknown-country]: unknown country code 'UK'
///    |
///  4 |   country: UK
///    |            ^^
///    = help: did you mean 'GB' (United Kingdom)?
/// ```
///
/// Messages, notes, help and the quoted source line show control and bidi characters
/// escaped (`VisibleText`), so a hostile file cannot restyle or spoof the output.
public struct DiagnosticRenderer: Sendable {
    /// Use ANSI colours (for a terminal).
    var colored: Bool

    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// The whole diagnostic, with source snippets, notes and help, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = paint(diagnostic.severity.rawValue + "[\(VisibleText.escaped(diagnostic.code.rawValue))]", diagnostic.severity)
        out += ": " + VisibleText.escaped(diagnostic.message) + "\n"
        if let location = diagnostic.location {
            out = "\(VisibleText.escaped(location.path)):\(location.start.line):\(location.start.column): " + out
            out += snippet(location, severity: diagnostic.severity)
        }
        for note in diagnostic.notes {
            if let location = note.location {
                out += "note: \(VisibleText.escaped(note.message))\n  --> \(VisibleText.escaped(location.path)):\(location.start.line):\(location.start.column)\n"
                out += snippet(location, severity: .info)
            } else {
                out += "   = note: \(VisibleText.escaped(note.message))\n"
            }
        }
        if let help = diagnostic.help {
            out += "   = help: \(VisibleText.escaped(help))\n"
        }
        return out
    }

    /// All diagnostics, each followed by a blank line.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    /// The source line of `span` with a caret under it, or "" when the line is unknown
    /// or the file has no text (a file that could not be read, a folder).
    public func snippet(_ span: SourceSpan, severity: Severity = .error) -> String {
        guard !span.file.bytes.isEmpty, let text = span.file.line(span.start.line) else { return "" }
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count + 1)
        let (displayLine, caretStart, caretWidth) = Self.caretGeometry(line: text, span: span)
        var out = "\(gutter)|\n"
        out += "\(number) | \(displayLine)\n"
        out += "\(gutter)| " + String(repeating: " ", count: caretStart)
        out += paint(String(repeating: "^", count: caretWidth), severity) + "\n"
        return out
    }

    /// Expands tabs, escapes unsafe characters (`VisibleText`), and finds where the caret starts and how wide it is (at least 1;
    /// up to the end of the line when the span continues on later lines).
    static func caretGeometry(line: String, span: SourceSpan) -> (String, Int, Int) {
        // Printable ASCII is shown as it is, one column per byte: no scan by character.
        if line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            let length = line.utf8.count
            let start = span.start.column
            let startColumn = start > length ? length : max(0, start - 1)
            let end = span.end.column
            let endColumn = span.end.line == span.start.line && end >= 1 && end <= length ? end - 1 : length
            return (line, startColumn, max(1, endColumn - startColumn))
        }
        var display = ""
        var startColumn = 0
        var endColumn = -1
        var scalarIndex = 1
        for scalar in line.unicodeScalars {
            if scalarIndex == span.start.column { startColumn = display.count }
            if span.end.line == span.start.line, scalarIndex == span.end.column { endColumn = display.count }
            if scalar == "\t" {
                display += "    "
            } else if VisibleText.isUnsafe(scalar) {
                display += VisibleText.escape(scalar)
            } else {
                display.unicodeScalars.append(scalar)
            }
            scalarIndex += 1
        }
        if span.start.column >= scalarIndex { startColumn = display.count }
        if endColumn < 0 { endColumn = display.count }
        return (display, startColumn, max(1, endColumn - startColumn))
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colored else { return text }
        let code = switch severity {
        case .error: "31"
        case .warning: "33"
        case .info: "36"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }
}

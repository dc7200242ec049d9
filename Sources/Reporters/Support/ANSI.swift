import SourceText

/// ANSI styling for terminal output; every function is the identity when `enabled` is false.
struct ANSI: Sendable {
    let enabled: Bool

    /// Bold, in the severity's colour (the same colours as `DiagnosticRenderer`).
    func severity(_ text: String, _ severity: Severity) -> String {
        style(text, severityCode(severity).description)
    }

    func bold(_ text: String) -> String { style(text, "1") }
    func blue(_ text: String) -> String { style(text, "1;34") }

    private func style(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static let boldCode: StaticString = "1"
    static let blueCode: StaticString = "1;34"

    /// The code of `severity(_:_:)`'s colour.
    func severityCode(_ severity: Severity) -> StaticString {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
    }

    /// The escape that starts a style (`style(text, code)` without the text and the
    /// reset), written into a byte buffer; nothing when disabled.
    func appendStart(of code: StaticString, to out: inout UTF8Text) {
        guard enabled else { return }
        out.append("\u{1B}[" as StaticString)
        out.append(code)
        out.append(byte: 0x6D)
    }

    /// The reset that ends a style; nothing when disabled.
    func appendEnd(to out: inout UTF8Text) {
        guard enabled else { return }
        out.append("\u{1B}[0m" as StaticString)
    }
}

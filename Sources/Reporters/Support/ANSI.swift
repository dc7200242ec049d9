import SourceText

/// ANSI styling for terminal output; every function is the identity when `enabled` is false.
struct ANSI: Sendable {
    let enabled: Bool

    /// Bold, in the severity's colour (the same colours as `DiagnosticRenderer`).
    func severity(_ text: String, _ severity: Severity) -> String {
        let code = switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;36"
        }
        return style(text, code)
    }

    func bold(_ text: String) -> String { style(text, "1") }
    func blue(_ text: String) -> String { style(text, "1;34") }

    private func style(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

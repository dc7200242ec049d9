import Policy
import SourceText

/// `--format text`: compiler-style output for a terminal.
///
/// Input diagnostics come first (rendered by `DiagnosticRenderer`), then failing
/// findings, then waived ones, each as
///
/// ```
/// error[DATA-001]: restricted data would be processed in Philippines
///   --> plans/support.yaml:18:20
///    |
/// 18 |       - { country: PH, city: Manila, … }
///    |                    ^^
///    = help: Keep restricted data in the company's own country.
///    = because: location.country == company.country ↦ "PH" == "US"
/// ```
///
/// and a closing summary line. ANSI colours only when `options.colored`; control
/// characters in values from plans and rules are shown escaped (`TerminalSafeText`).
enum TextReporter {
    static func render(_ report: CheckReport, options: ReportOptions) -> String {
        let ansi = ANSI(enabled: options.colored)
        let renderer = DiagnosticRenderer(colored: options.colored)
        var out = ""
        for diagnostic in report.diagnostics {
            out += renderer.render(options.displayed(diagnostic)) + "\n"
        }
        let findings = report.findings
        for finding in findings.filter(\.isFailing) + findings.filter({ !$0.isFailing }) {
            out += header(finding, ansi: ansi) + "\n" + body(finding, options: options) + "\n"
        }
        let summary = SummaryText.line(report)
        out += report.summary.failing > 0 || report.hasInputErrors ? ansi.bold(summary) : summary
        return out + "\n"
    }

    /// `error[DATA-001]: message`.
    static func header(_ finding: Finding, ansi: ANSI) -> String {
        let label = "\(finding.severity.rawValue)[\(TerminalSafeText.escaped(finding.rule))]"
        return ansi.severity(label, finding.severity) + ": "
            + ansi.bold(indentingContinuation(TerminalSafeText.escaped(finding.message), by: label.count + 2))
    }

    /// Everything under the header: location arrow, snippet, waiver, help and the values
    /// behind a failed assert; each line ends in a newline.
    static func body(_ finding: Finding, options: ReportOptions) -> String {
        let ansi = ANSI(enabled: options.colored)
        let width = finding.location.map { String($0.start.line).count } ?? 2
        let arrowIndent = String(repeating: " ", count: width)
        let noteIndent = String(repeating: " ", count: width + 1)
        var out = ""
        if let location = finding.location {
            let path = TerminalSafeText.escaped(options.displayPath(location.path))
            out += arrowIndent + ansi.blue("-->") + " \(path):\(location.start.line):\(location.start.column)\n"
            out += DiagnosticRenderer(colored: options.colored).snippet(location, severity: finding.severity)
        }
        func note(_ label: String, _ text: String, separator: String = ": ") {
            let prefix = noteIndent + ansi.bold("= " + label) + separator
            out += prefix + indentingContinuation(TerminalSafeText.escaped(text), by: noteIndent.count + 2 + label.count + separator.count) + "\n"
        }
        if let waiver = finding.waiver {
            let ticket = waiver.ticket.map { " (\($0))" } ?? ""
            let text = "by \(waiver.approvedBy) until \(waiver.expires)\(ticket): \(waiver.reason)"
            if finding.isFailing { note("note", "was waived " + text) } else { note("waived", text, separator: " ") }
        }
        if let remediation = finding.remediation { note("help", remediation) }
        for because in finding.because { note("because", "\(because.expression) ↦ \(because.value)") }
        return out
    }

    /// Later lines of a multi-line text indented to line up under the first.
    static func indentingContinuation(_ text: String, by count: Int) -> String {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        return lines.enumerated().map { index, line in
            index == 0 ? String(line) : String(repeating: " ", count: count) + line
        }.joined(separator: "\n")
    }
}

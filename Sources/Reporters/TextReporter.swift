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
/// then the `shore.yaml` overrides in force (if any) and a closing summary line (with
/// the new, known and fixed counts of a baseline run). ANSI colours only when `options.colored`; control and
/// bidi characters in values from plans and rules are shown escaped, and line breaks in
/// them as `\n`, so no value can start a line of its own (`TerminalSafeText`).
struct TextReporter: Reporter {
    let options: ReportOptions

    func write(_ report: CheckReport, to sink: TextSink) {
        Self.write(report, options: options, to: sink)
    }

    static func write(_ report: CheckReport, options: ReportOptions, to sink: TextSink) {
        let ansi = ANSI(enabled: options.colored)
        let renderer = DiagnosticRenderer(colored: options.colored)
        for diagnostic in report.diagnostics {
            sink.write(renderer.render(options.displayed(diagnostic)) + "\n")
        }
        for failing in [true, false] {
            for finding in report.allFindings where finding.isFailing == failing {
                sink.write(header(finding, ansi: ansi) + "\n" + body(finding, options: options) + "\n")
            }
        }
        if let files = SummaryText.ruleFiles(report, displayPath: options.displayPath) {
            sink.write(TerminalSafeText.escaped(files) + "\n")
        }
        if let changes = SummaryText.policyChanges(report) {
            sink.write(ansi.bold("policy changes") + ": " + TerminalSafeText.escaped(changes) + "\n")
        }
        let summary = SummaryText.line(report)
        sink.write((report.summary.failing > 0 || report.hasInputErrors ? ansi.bold(summary) : summary) + "\n")
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
        func note(_ label: String, _ text: String, separator: String = ": ", multiline: Bool = false) {
            let prefix = noteIndent + ansi.bold("= " + label) + separator
            let safe = multiline ? TerminalSafeText.multiline(text) : TerminalSafeText.escaped(text)
            out += prefix + indentingContinuation(safe, by: noteIndent.count + 2 + label.count + separator.count) + "\n"
        }
        if let waiver = finding.waiver {
            let ticket = waiver.ticket.map { " (\($0))" } ?? ""
            let text = "by \(waiver.approvedBy) until \(waiver.expires)\(ticket): \(waiver.reason)"
            if finding.isFailing { note("note", "was waived " + text) } else { note("waived", text, separator: " ") }
        }
        if let remediation = finding.remediation { note("help", remediation, multiline: true) }
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

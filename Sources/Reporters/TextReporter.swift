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
        let out = UTF8Text(capacity: 1 << 14)
        for failing in [true, false] {
            for plan in report.plans where !plan.findings.isEmpty {
                let findings = plan.findings
                ParallelRendering.write(count: findings.count, to: sink, buffer: out) { range, out in
                    var out = out
                    var paths = DisplayPathMemo(options: options)
                    // The findings are read in place and the ones of this pass taken once
                    // each: a finding taken from the array costs a dozen reference counts,
                    // and every pass looks at every finding.
                    findings.withUnsafeBufferPointer { findings in
                        for i in range where findings[i].isFailing == failing {
                            let finding = findings[i]
                            appendHeader(finding, ansi: ansi, to: &out)
                            out.append(byte: 0x0A)
                            appendBody(finding, options: options, paths: &paths, to: &out)
                            out.append(byte: 0x0A)
                        }
                    }
                }
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
        var out = UTF8Text(capacity: 256)
        appendHeader(finding, ansi: ansi, to: &out)
        return out.text
    }

    static func appendHeader(_ finding: Finding, ansi: ANSI, to out: inout UTF8Text) {
        let rule = TerminalSafeText.escaped(finding.rule)
        let severity = finding.severity.rawValue
        ansi.appendStart(of: ansi.severityCode(finding.severity), to: &out)
        out.append(severity)
        out.append(byte: 0x5B)
        out.append(rule)
        out.append(byte: 0x5D)
        ansi.appendEnd(to: &out)
        out.append(": " as StaticString)
        ansi.appendStart(of: ANSI.boldCode, to: &out)
        // Escaped, the message has no line break left: it stays on the header's line.
        out.append(TerminalSafeText.escaped(finding.message))
        ansi.appendEnd(to: &out)
    }

    /// Everything under the header: location arrow, snippet, waiver, help and the values
    /// behind a failed assert; each line ends in a newline.
    static func body(_ finding: Finding, options: ReportOptions) -> String {
        var out = UTF8Text(capacity: 1024)
        var paths = DisplayPathMemo(options: options)
        appendBody(finding, options: options, paths: &paths, to: &out)
        return out.text
    }

    static func appendBody(_ finding: Finding, options: ReportOptions, paths: inout DisplayPathMemo,
                           to out: inout UTF8Text) {
        let ansi = ANSI(enabled: options.colored)
        var width = 2
        if let location = finding.location {
            width = location.start.line.decimalWidth
            out.appendSpaces(width)
            ansi.appendStart(of: ANSI.blueCode, to: &out)
            out.append("-->" as StaticString)
            ansi.appendEnd(to: &out)
            out.append(byte: 0x20)
            out.append(paths.terminalSafe(location.path))
            out.append(byte: 0x3A)
            out.append(int: location.start.line)
            out.append(byte: 0x3A)
            out.append(int: location.start.column)
            out.append(byte: 0x0A)
            DiagnosticRenderer(colored: options.colored).appendSnippet(location, severity: finding.severity, to: &out)
        }
        let noteIndent = width + 1
        func startNote(_ label: StaticString, separator: StaticString = ": ") {
            out.appendSpaces(noteIndent)
            ansi.appendStart(of: ANSI.boldCode, to: &out)
            out.append("= " as StaticString)
            out.append(label)
            ansi.appendEnd(to: &out)
            out.append(separator)
        }
        // An escaped value has no line break left (`TerminalSafeText`): it is one line.
        func note(_ label: StaticString, _ text: String, separator: StaticString = ": ") {
            startNote(label, separator: separator)
            out.append(TerminalSafeText.escaped(text))
            out.append(byte: 0x0A)
        }
        if let waiver = finding.waiver {
            let ticket = waiver.ticket.map { " (\($0))" } ?? ""
            let text = "by \(waiver.approvedBy) until \(waiver.expires)\(ticket): \(waiver.reason)"
            if finding.isFailing { note("note", "was waived " + text) } else { note("waived", text, separator: " ") }
        }
        if let remediation = finding.remediation {
            // A rule author's text keeps its line breaks, later lines lined up under the first.
            startNote("help")
            out.append(indentingContinuation(TerminalSafeText.multiline(remediation), by: noteIndent + 8))
            out.append(byte: 0x0A)
        }
        for because in finding.because {
            startNote("because")
            out.append(TerminalSafeText.escaped(because.expression))
            out.append(" ↦ " as StaticString)
            out.append(TerminalSafeText.escaped(because.value))
            out.append(byte: 0x0A)
        }
    }

    /// Later lines of a multi-line text indented to line up under the first.
    static func indentingContinuation(_ text: String, by count: Int) -> String {
        let isBreak: (UInt8) -> Bool = { $0 == 0x0A || $0 == 0x0D }
        if !(text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isBreak) } ?? text.utf8.contains(where: isBreak)) {
            return text
        }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        return lines.enumerated().map { index, line in
            index == 0 ? String(line) : String(repeating: " ", count: count) + line
        }.joined(separator: "\n")
    }
}

import Policy
import SourceText

/// `--format markdown`: a pull-request comment.
///
/// A heading and the summary line, the input problems as a list, a table of failing
/// findings (severity, rule, message, `file:line`, engagement, country, provider), and
/// the waived findings in a second table inside a collapsed `<details>` block. The
/// `shore.yaml` overrides in force are listed under "Policy changes"; a baseline run
/// heads the table "New since baseline" and lists what was fixed under "Fixed since
/// baseline". Every
/// value from the plan or the rules goes through `MarkdownEscaping.cell`, so no value
/// can break a table row or inject HTML.
struct MarkdownReporter: Reporter {
    let options: ReportOptions

    func write(_ report: CheckReport, to sink: TextSink) {
        Self.write(report, options: options, to: sink)
    }

    static let findingColumns = ["Severity", "Rule", "Message", "Where", "Engagement", "Country", "Provider"]
    static let fixedColumns = ["Rule", "Message", "Where"]
    static let waivedColumns = ["Severity", "Rule", "Message", "Where", "Waived by", "Until", "Reason"]

    static func write(_ report: CheckReport, options: ReportOptions, to sink: TextSink) {
        let summary = report.summary
        sink.write("## Shore policy check\n\n")
        sink.write("**" + MarkdownEscaping.cell(SummaryText.line(report)) + "**\n")
        if !report.policyChanges.isEmpty {
            sink.write("\n### Policy changes\n\n")
            sink.write("shore.yaml overrides " + SummaryText.counted(report.policyChanges.count, "rule") + ":\n\n")
            for change in report.policyChanges {
                sink.write("- " + MarkdownEscaping.cell(change.rule) + ": " + MarkdownEscaping.cell(change.change) + "\n")
            }
        }
        if !report.diagnostics.isEmpty {
            sink.write("\n### Input problems\n\n")
            for diagnostic in report.diagnostics {
                sink.write("- " + diagnosticLine(diagnostic, options: options) + "\n")
            }
        }
        // Lazy views: the rows are made one at a time as the table is written.
        let failing = report.allFindings.lazy.filter(\.isFailing)
        let waived = report.allFindings.lazy.filter { !$0.isFailing }
        if report.baseline != nil { sink.write("\n### New since baseline\n") }
        if summary.failing == 0 {
            sink.write("\nNo failing findings.\n")
        } else {
            sink.write("\n")
            table(findingColumns, rows: failing.map { finding in
                [finding.severity.rawValue, finding.rule, finding.message, place(finding, options: options),
                 finding.engagement ?? "", finding.country ?? "", finding.provider ?? ""]
            }, to: sink)
        }
        if summary.waived > 0 {
            sink.write("\n<details>\n<summary>" + MarkdownEscaping.cell(SummaryText.counted(summary.waived, "waived finding"))
                + "</summary>\n\n")
            table(waivedColumns, rows: waived.map { finding in
                [finding.severity.rawValue, finding.rule, finding.message, place(finding, options: options),
                 finding.waiver?.approvedBy ?? "", finding.waiver?.expires ?? "", finding.waiver?.reason ?? ""]
            }, to: sink)
            sink.write("\n</details>\n")
        }
        if let baseline = report.baseline {
            sink.write("\n### Fixed since baseline\n\n")
            if baseline.fixed.isEmpty {
                sink.write("Nothing fixed.\n")
            } else {
                table(fixedColumns, rows: baseline.fixed.lazy.map { entry in
                    [entry.rule, entry.message, entry.file.map { file in entry.line.map { "\(file):\($0)" } ?? file } ?? entry.plan ?? ""]
                }, to: sink)
            }
        }
    }

    /// A GFM table; every cell is escaped.
    static func table(_ header: [String], rows: some Sequence<[String]>, to sink: TextSink) {
        sink.write(row(header) + "|" + String(repeating: " --- |", count: header.count) + "\n")
        for cells in rows { sink.write(row(cells)) }
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(MarkdownEscaping.cell).joined(separator: " | ") + " |\n"
    }

    /// `file:line`, or the plan id when the finding has no location.
    static func place(_ finding: Finding, options: ReportOptions) -> String {
        guard let location = finding.location else { return finding.plan }
        return "\(options.displayPath(location.path)):\(location.start.line)"
    }

    static func diagnosticLine(_ diagnostic: Diagnostic, options: ReportOptions) -> String {
        var text = "**" + diagnostic.severity.rawValue + "** " + MarkdownEscaping.cell(diagnostic.code.rawValue)
        if let location = diagnostic.location {
            text += " at " + MarkdownEscaping.cell("\(options.displayPath(location.path)):\(location.start.line):\(location.start.column)")
        }
        text += ": " + MarkdownEscaping.cell(diagnostic.message)
        if let help = diagnostic.help { text += " (help: " + MarkdownEscaping.cell(help) + ")" }
        return text
    }
}

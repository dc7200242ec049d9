import Policy
import SourceText

/// `--format markdown`: a pull-request comment.
///
/// A heading and the summary line, the input problems as a list, a table of failing
/// findings (severity, rule, message, `file:line`, engagement, country, provider), and
/// the waived findings in a second table inside a collapsed `<details>` block. Every
/// value from the plan or the rules goes through `MarkdownEscaping.cell`, so no value
/// can break a table row or inject HTML.
enum MarkdownReporter {
    static let findingColumns = ["Severity", "Rule", "Message", "Where", "Engagement", "Country", "Provider"]
    static let waivedColumns = ["Severity", "Rule", "Message", "Where", "Waived by", "Until", "Reason"]

    static func render(_ report: CheckReport, options: ReportOptions) -> String {
        var out = "## Shore policy check\n\n"
        out += "**" + MarkdownEscaping.cell(SummaryText.line(report)) + "**\n"
        if !report.diagnostics.isEmpty {
            out += "\n### Input problems\n\n"
            for diagnostic in report.diagnostics {
                out += "- " + diagnosticLine(diagnostic, options: options) + "\n"
            }
        }
        let failing = report.findings.filter(\.isFailing)
        let waived = report.findings.filter { !$0.isFailing }
        if failing.isEmpty {
            out += "\nNo failing findings.\n"
        } else {
            out += "\n" + table(findingColumns, rows: failing.map { finding in
                [finding.severity.rawValue, finding.rule, finding.message, place(finding, options: options),
                 finding.engagement ?? "", finding.country ?? "", finding.provider ?? ""]
            })
        }
        if !waived.isEmpty {
            out += "\n<details>\n<summary>" + MarkdownEscaping.cell(SummaryText.counted(waived.count, "waived finding"))
                + "</summary>\n\n"
            out += table(waivedColumns, rows: waived.map { finding in
                [finding.severity.rawValue, finding.rule, finding.message, place(finding, options: options),
                 finding.waiver?.approvedBy ?? "", finding.waiver?.expires ?? "", finding.waiver?.reason ?? ""]
            })
            out += "\n</details>\n"
        }
        return out
    }

    /// A GFM table; every cell is escaped.
    static func table(_ header: [String], rows: [[String]]) -> String {
        var out = row(header) + "|" + String(repeating: " --- |", count: header.count) + "\n"
        for cells in rows { out += row(cells) }
        return out
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
        var text = "**" + diagnostic.severity.rawValue + "** " + MarkdownEscaping.cell(diagnostic.code)
        if let location = diagnostic.location {
            text += " at " + MarkdownEscaping.cell("\(options.displayPath(location.path)):\(location.start.line):\(location.start.column)")
        }
        text += ": " + MarkdownEscaping.cell(diagnostic.message)
        if let help = diagnostic.help { text += " (help: " + MarkdownEscaping.cell(help) + ")" }
        return text
    }
}

import Policy

/// Placeholder until the Markdown reporter lands: lists the findings one per line.
enum MarkdownReporter {
    static func render(_ report: CheckReport, options: ReportOptions) -> String {
        report.findings.map { "\($0.severity.rawValue)[\($0.rule)]: \($0.message)" }.joined(separator: "\n") + "\n"
    }
}

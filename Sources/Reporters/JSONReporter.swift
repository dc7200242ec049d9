import Policy

/// Placeholder until the JSON reporter lands: lists the findings one per line.
enum JSONReporter {
    static func render(_ report: CheckReport, options: ReportOptions) -> String {
        report.findings.map { "\($0.severity.rawValue)[\($0.rule)]: \($0.message)" }.joined(separator: "\n") + "\n"
    }
}

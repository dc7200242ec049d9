import Policy
import SourceText

/// The one-line summary shared by the text and Markdown reports:
/// `9 failing (7 errors, 2 warnings), 1 waived in 1 plan, 10 rules`.
enum SummaryText {
    static func line(_ report: CheckReport) -> String {
        let summary = report.summary
        var out = "\(summary.failing) failing"
        let parts = [Severity.error, .warning, .info].compactMap { severity -> String? in
            let count = summary.bySeverity[severity] ?? 0
            return count == 0 ? nil : counted(count, noun(severity))
        }
        if !parts.isEmpty { out += " (" + parts.joined(separator: ", ") + ")" }
        out += ", \(summary.waived) waived in " + counted(summary.plans, "plan") + ", " + counted(summary.rules, "rule")
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.filter { $0.severity == .warning }.count
        let input = [(errors, "input error"), (warnings, "input warning")].filter { $0.0 > 0 }.map { counted($0.0, $0.1) }
        if !input.isEmpty { out += "; " + input.joined(separator: ", ") }
        return out
    }

    /// `1 plan`, `2 plans`; `info` does not take an s.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) " + (count == 1 || noun == "info" ? noun : noun + "s")
    }

    private static func noun(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "info"
        }
    }
}

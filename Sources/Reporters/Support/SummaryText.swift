import Policy
import SourceText

/// The one-line summary shared by the text and Markdown reports:
/// `9 failing (7 errors, 2 warnings), 1 waived in 1 plan, 10 rules`, then
/// `; baseline: 1 new, 8 known, 2 fixed` for a baseline run.
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
        if let baseline = report.baseline { out += "; baseline: " + baselineCounts(baseline) }
        return out
    }

    /// `1 new, 8 known, 2 fixed`.
    static func baselineCounts(_ baseline: BaselineComparison) -> String {
        "\(baseline.new) new, \(baseline.known) known, \(baseline.fixed.count) fixed"
    }

    /// `shore.yaml overrides 2 rules: DATA-001 severity error → info; DATA-005 disabled`,
    /// or nil when the rules ran as written.
    static func policyChanges(_ report: CheckReport) -> String? {
        guard !report.policyChanges.isEmpty else { return nil }
        return "shore.yaml overrides " + counted(report.policyChanges.count, "rule") + ": "
            + report.policyChanges.map(\.summary).joined(separator: "; ")
    }

    /// Where the rules came from: `rules: builtin (31 rules in 6 files), rules/own.yaml (1
    /// rule)`; the built-in pack's files are counted together when all of them are loaded.
    /// Nil when no rule file was read.
    static func ruleFiles(_ report: CheckReport, displayPath: (String) -> String) -> String? {
        let files = report.ruleFiles
        guard !files.isEmpty else { return nil }
        let builtin = files.filter { BuiltinPack.isSelector($0.path) }
        var parts: [String] = []
        if !builtin.isEmpty, builtin.count == BuiltinPack.names.count {
            parts.append("builtin (" + counted(builtin.reduce(0) { $0 + $1.rules }, "rule") + " in " + counted(builtin.count, "file") + ")")
        } else {
            parts += builtin.map { "\($0.path) (" + counted($0.rules, "rule") + ")" }
        }
        let own = files.filter { !BuiltinPack.isSelector($0.path) }
        parts += own.prefix(8).map { "\(displayPath($0.path)) (" + counted($0.rules, "rule") + ")" }
        if own.count > 8 { parts.append("and " + counted(own.count - 8, "more file")) }
        return "rules: " + parts.joined(separator: ", ")
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

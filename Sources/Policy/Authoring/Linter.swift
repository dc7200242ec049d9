import SourceText
import YAML

/// What `shore lint` found in a set of rule files.
public struct LintReport: Sendable {
    /// The rule files read.
    public let files: [String]
    /// Rules that loaded: every rule that compiled, also when errors in other rules
    /// keep the set from being used.
    public let ruleCount: Int
    /// Every diagnostic, info included, sorted by location.
    public let diagnostics: [Diagnostic]

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }

    /// 0 clean or warnings only; 2 on errors.
    public var exitCode: Int32 { diagnostics.containsErrors ? 2 : 0 }
}

/// Checks rule files: everything rule loading checks (YAML, schema, CEL syntax and
/// types, duplicate ids, YAML-split expressions), its info diagnostics too, and the
/// lint-only checks (`LintChecks`). Nothing here prints.
public enum Linter {
    /// Lints the rules `entries` name: files, folders, `builtin` or `builtin:NAME`.
    public static func lint(paths entries: [String]) -> LintReport {
        let named = RuleFiles.sources(for: entries)
        if named.sources.isEmpty {
            return LintReport(files: [], ruleCount: 0,
                              diagnostics: named.diagnostics.isEmpty ? [RuleFiles.noneFound(under: entries)] : named.diagnostics)
        }
        let report = lint(sources: named.sources)
        return LintReport(files: report.files, ruleCount: report.ruleCount,
                          diagnostics: (named.diagnostics + report.diagnostics).sortedByLocation())
    }

    public static func lint(sources: [RuleSource]) -> LintReport {
        let loaded = RuleLoader().load(sources: sources)
        var diagnostics = loaded.diagnostics
        if let rules = loaded.rules {
            diagnostics += LintChecks.unusedSets(rules, usage: loaded.setUsage)
            diagnostics += LintChecks.constantExpressions(rules)
        }
        return LintReport(files: sources.map(\.path), ruleCount: loaded.compiledRuleCount,
                          diagnostics: diagnostics.sortedByLocation())
    }
}

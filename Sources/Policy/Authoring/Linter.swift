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
    /// Lints the rule files `entries` named (`RuleFiles.sources(for:)`), with the
    /// problems found naming them.
    public static func lint(_ sources: [RuleSource], entryProblems: [Diagnostic], entries: [String]) -> LintReport {
        if sources.isEmpty {
            return LintReport(files: [], ruleCount: 0,
                              diagnostics: entryProblems.isEmpty ? [RuleFiles.noneFound(under: entries)] : entryProblems)
        }
        let report = lint(sources: sources)
        return LintReport(files: report.files, ruleCount: report.ruleCount,
                          diagnostics: (entryProblems + report.diagnostics).sortedByLocation())
    }

    /// Lints the given rule files, read through `yaml` (an editor passes its unsaved text).
    public static func lint(sources: [RuleSource], yaml: YAMLLoader = YAMLLoader()) -> LintReport {
        var request = InputRequest(rules: sources)
        request.yaml = yaml
        request.keepsRuleInfo = true
        return report(InputLoader.load(request).ruleLoad, files: sources.map(\.path))
    }

    /// The lint report of rules already loaded from `files` (with their info diagnostics).
    public static func report(_ loaded: RuleLoadResult, files: [String]) -> LintReport {
        var diagnostics = loaded.diagnostics
        if let rules = loaded.rules {
            diagnostics += LintChecks.unusedSets(rules, usage: loaded.setUsage)
            diagnostics += LintChecks.constantExpressions(rules)
            diagnostics += LintChecks.planWideSearches(rules)
        }
        return LintReport(files: files, ruleCount: loaded.compiledRuleCount, diagnostics: diagnostics.sortedByLocation())
    }
}

import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText
import TestScratch

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A path inside the repository.
func repoPath(_ relative: String) -> String {
    repositoryRoot.appendingPathComponent(relative).path
}

/// Loads plan text as `plan.yaml` with a fixed "today".
func loadPlan(_ text: String, classifications: [String] = Classifications.defaultScale) -> PlanLoadResult {
    PlanLoader(classifications: classifications, today: CivilDate(year: 2026, month: 12, day: 1)!)
        .load(text: text, path: "plan.yaml")
}

/// The findings of one rule, `for: scope` with `assert`, on `plan`, evaluated on one
/// thread with a base budget of `budget` steps.
func findingsOfOneRule(for scope: String, assert: String, on plan: Plan, budget: Int = 100_000) throws -> [Finding] {
    let loaded = loadRules("""
        policy: p
        rules:
          - id: R1
            for: \(scope)
            assert: "\(assert)"
        """)
    #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
    let rules = try #require(loaded.rules)
    return Evaluator(rules: rules, options: EvaluationOptions(budget: budget, parallel: false)).check(plan)
}

/// The findings of the example rules (`examples/rules`) on `plan`, evaluated on one thread.
func exampleRuleFindings(_ plan: Plan) throws -> [Finding] {
    let rules = try #require(RuleLoader().load(paths: [repoPath("examples/rules")]).rules)
    return Evaluator(rules: rules, options: EvaluationOptions(parallel: false)).check(plan)
}

/// `code@line:column` of each diagnostic.
func codes(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { d in "\(d.code)@" + (d.location.map { "\($0.start.line):\($0.start.column)" } ?? "-") }
}

/// A minimal valid plan; `engagement` is spliced in as the only engagement's extra lines.
func minimalPlan(company: String = "{ name: Acme, country: US, timezone: America/New_York }", engagement: String = "") -> String {
    """
    plan: p
    date: 2026-12-01
    company: \(company)
    engagements:
      - id: e1
        provider: { name: P, kind: agency, country: PH }
        locations:
          - { country: PH, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 10 }
    \(engagement)
    """
}

/// Writes files into a fresh temporary folder and returns its path.
func temporaryFolder(_ files: [String: String]) throws -> String {
    let folder = TestScratch.url.appendingPathComponent("shore-\(UUID().uuidString)")
    for (name, text) in files {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return folder.path
}

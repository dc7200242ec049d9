import Foundation
import Testing
@testable import ShoreCLI

@Suite("shore check")
struct CheckCommandTests {
    @Test func theSharedExampleFailsWithExitOne() {
        let run = shore(["check", "examples/plans/support-expansion-2027.yaml", "--rules", "examples/rules"])
        #expect(run.code == 1)
        #expect(run.out.hasSuffix("9 failing (7 errors, 2 warnings), 1 waived in 1 plan, 10 rules\n"))
        #expect(run.out.contains("  --> examples/plans/support-expansion-2027.yaml:18:20"))
    }

    @Test func theBuiltInPackIsUsedInAFolderWithoutRules() throws {
        let folder = try temporaryFolder("empty")
        let run = shore(["check", repoPath("examples/plans/clean-eu-support.yaml")], in: folder)
        #expect(run.code == 0, "\(run.out)\(run.err)")
        #expect(run.out.contains("0 failing"))
    }

    @Test func failOnAndShoreYaml() throws {
        let folder = try temporaryFolder("failon")
        try FileManager.default.copyItem(atPath: repoPath("examples/rules"), toPath: folder + "/rules")
        let plan = repoPath("examples/plans/support-expansion-2027.yaml")
        #expect(shore(["check", plan, "--fail-on", "none"], in: folder).code == 0)
        try "fail_on: none\noverrides:\n  QC-001: { enabled: false }\n".write(toFile: folder + "/shore.yaml", atomically: true, encoding: .utf8)
        let configured = shore(["check", plan, "--format", "json"], in: folder)
        #expect(configured.code == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(configured.out.utf8)) as? [String: Any])
        let rules = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(!rules.isEmpty)
        #expect(rules.filter { $0 == "QC-001" }.count == 1)  // only the expired waiver, not the two violations
        #expect(shore(["check", plan, "--fail-on", "warning"], in: folder).code == 1)
        try "overrides:\n  QC-01: { enabled: false }\n".write(toFile: folder + "/shore.yaml", atomically: true, encoding: .utf8)
        let typo = shore(["check", plan], in: folder)
        #expect(typo.code == 2)
        #expect(typo.out.contains("shore.yaml:2:3: error[config.unknown-rule]"), "\(typo.out)")
        #expect(typo.out.contains("did you mean 'QC-001'?"))
    }

    @Test func aBaselineHidesKnownFindingsAfterAnEditThatShiftsEveryLine() throws {
        let folder = try temporaryFolder("baseline")
        let original = try String(contentsOfFile: repoPath("examples/plans/support-expansion-2027.yaml"), encoding: .utf8)
        try original.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        let rules = repoPath("examples/rules")
        let first = shore(["check", "plan.yaml", "--rules", rules, "--format", "json", "--output", "baseline.json"], in: folder)
        #expect(first.code == 1)
        // Shift every line, and add one new problem.
        let edited = "# reviewed 2026-12-02\n\n" + original.replacingOccurrences(
            of: "  - id: brand-design", with: "  - id: ops-kenya\n    provider: { name: Savanna Data Labs, kind: agency, country: KE }\n    locations:\n      - { country: KE, timezone: Africa/Nairobi, headcount: 2 }\n\n  - id: brand-design")
        try edited.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        let second = shore(["check", "plan.yaml", "--rules", rules, "--baseline", "baseline.json"], in: folder)
        #expect(second.code == 1)
        #expect(second.out.contains("ops-kenya"))
        #expect(!second.out.contains("tier1-support"))
        let broken = shore(["check", "plan.yaml", "--rules", rules, "--baseline", "missing.json"], in: folder)
        #expect(broken.code == 2)
        #expect(broken.out.contains("baseline.unreadable"))
    }

    /// `shore.yaml` that weakens the policy says so, and a baseline run says what it hid.
    @Test func policyChangesAndBaselineCountsAreReported() throws {
        let folder = try temporaryFolder("visible")
        try FileManager.default.copyItem(atPath: repoPath("examples/rules"), toPath: folder + "/rules")
        let original = try String(contentsOfFile: repoPath("examples/plans/support-expansion-2027.yaml"), encoding: .utf8)
        try original.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        try "overrides:\n  DATA-001: { severity: info }\n  COUNTRY-002: { enabled: false }\n"
            .write(toFile: folder + "/shore.yaml", atomically: true, encoding: .utf8)
        let changed = shore(["check", "plan.yaml"], in: folder)
        #expect(changed.out.contains("policy changes: shore.yaml overrides 2 rules: COUNTRY-002: disabled; DATA-001: severity error → info\n"))
        try FileManager.default.removeItem(atPath: folder + "/shore.yaml")
        #expect(shore(["check", "plan.yaml", "--output", "baseline.json"], in: folder).code == 1)
        // Fix one problem (the Kenyan location's hours), keep the rest.
        let fixed = original.replacingOccurrences(of: "timezone: Africa/Nairobi, hours: \"08:00-17:00\"",
                                                  with: "timezone: Africa/Nairobi, hours: \"16:00-23:59\"")
        #expect(fixed != original)
        try fixed.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        let run = shore(["check", "plan.yaml", "--baseline", "baseline.json"], in: folder)
        #expect(run.code == 0, "\(run.out)")
        #expect(run.out.hasSuffix("0 failing, 0 waived in 1 plan, 10 rules; baseline: 0 new, 9 known, 1 fixed\n"), "\(run.out)")
        let markdown = shore(["check", "plan.yaml", "--baseline", "baseline.json", "--format", "markdown"], in: folder)
        #expect(markdown.out.contains("### Fixed since baseline\n\n| Rule | Message | Where |\n| --- | --- | --- |\n| TZ-001 |"), "\(markdown.out)")
    }

    @Test func usageErrorsExitTwo() {
        let run = shore(["check"])
        #expect(run.code == 2)
        #expect(run.err.contains("Missing expected argument"))
        #expect(shore(["check", "x.yaml", "--format", "pdf"]).code == 2)
    }

    @Test func invalidInputStillPrintsTheJSONObject() throws {
        let folder = try temporaryFolder("invalid")
        try "plan: p\ncompany: { name: A, country: UK, timezone: Europe/London }\nengagements: []\n"
            .write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        let run = shore(["check", "plan.yaml", "--rules", repoPath("examples/rules"), "--format", "json"], in: folder)
        #expect(run.code == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.first?["code"] as? String == "plan.unknown-country")
        #expect(errors.first?["line"] as? Int == 2)
    }
}

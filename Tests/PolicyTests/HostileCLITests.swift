import Foundation
import Testing
@testable import Policy
@testable import ShoreCLI

/// `shore check` on hostile input: exit 2 with every error listed (not only the
/// first), findings of the good plans still reported; evaluation errors fail closed.
@Suite("Hostile input through shore check")
struct HostileCLITests {
    static let rule = ruleFile("    for: location\n    assert: location.overlap_hours >= 4.0")
    /// A valid plan whose one location overlaps the company's day by 0 hours (fails `rule`).
    static let failingPlan = minimalPlan().replacingOccurrences(of: "21:00-06:00", with: "09:00-17:00")

    @Test func twoBadPlansAndAGoodOneAreAllReported() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", Self.rule)
        scratch.write("a-bad.yaml", minimalPlan(company: "{ name: Acme, country: UK, timezone: America/New_York }"))
        scratch.write("b-bad.yaml", "plan: p\ncompany: [\n")
        scratch.write("c-good.yaml", Self.failingPlan)
        let outcome = runCheck(["a-bad.yaml", "b-bad.yaml", "c-good.yaml"], in: scratch)
        #expect(outcome.exitCode == 2, "\(outcome.output)")
        #expect(outcome.errors == ["plan.unknown-country@a-bad.yaml:3:33", "yaml.syntax@b-bad.yaml:3:1"])
        #expect(outcome.findings.map(\.rule) == ["R-1"])
        #expect(outcome.findings.first?.location.map { ($0.path as NSString).lastPathComponent } == "c-good.yaml")
    }

    /// The machine contract: with invalid input `--format json` still prints the report,
    /// every error located, and the good plan's findings.
    @Test func theJSONReportListsEveryErrorAndTheGoodPlansFindings() throws {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", Self.rule)
        scratch.write("a-bad.yaml", minimalPlan(company: "{ name: Acme, country: UK, timezone: America/New_York }"))
        scratch.write("b-bad.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("plan: p\r\ncompany: [\r\n".utf8))
        scratch.write("c-good.yaml", Self.failingPlan)
        let io = CommandIO.capturing(workingDirectory: scratch.path)
        let code = ShoreMain.run(["check", "--rules", "rules", "--format", "json", "a-bad.yaml", "b-bad.yaml", "c-good.yaml"], io: io)
        #expect(code == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(io.standardOutput.utf8)) as? [String: Any],
                                "\(io.standardOutput)\(io.standardError)")
        let errors = (json["errors"] as? [[String: Any]] ?? []).map { e in
            let file = ((e["file"] as? String) ?? "-") as NSString
            return "\(e["code"] ?? "?")@\(file.lastPathComponent):\(e["line"] ?? "-"):\(e["column"] ?? "-")"
        }
        #expect(errors == ["plan.unknown-country@a-bad.yaml:3:33", "yaml.syntax@b-bad.yaml:3:1"])
        let findings = json["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["rule"] as? String } == ["R-1"])
    }

    @Test func everyKindOfBadPlanInOneRun() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", Self.rule)
        scratch.write("empty.yaml", "")
        scratch.write("binary.yaml", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 56))
        scratch.write("nul.yaml", bytes: Array("plan: p\u{0}\n".utf8))
        scratch.write("utf8.yaml", bytes: Array("plan: ".utf8) + [0xC3, 0x28] + [0x0A])
        scratch.write("deep.yaml", "plan: " + String(repeating: "[", count: 100_000))
        scratch.write("good.yaml", Self.failingPlan)
        try? FileManager.default.createDirectory(atPath: scratch.path + "/folder.yaml", withIntermediateDirectories: true)
        let plans = ["empty.yaml", "binary.yaml", "nul.yaml", "utf8.yaml", "deep.yaml", "folder.yaml", "missing.yaml", "good.yaml"]
        let outcome = runCheck(plans, in: scratch)
        #expect(outcome.exitCode == 2, "\(outcome.output)")
        #expect(outcome.errors == [
            "yaml.empty@empty.yaml:1:1", "yaml.invalid-character@binary.yaml:1:1", "yaml.invalid-character@nul.yaml:1:8",
            "yaml.invalid-utf8@utf8.yaml:1:8", "yaml.too-deep@deep.yaml:1:262", "io.is-directory@folder.yaml:1:1",
            "io.unreadable@missing.yaml:1:1",
        ])
        #expect(outcome.findings.map(\.rule) == ["R-1"])
    }

    @Test func aMissingAttributeFailsTheRunWithExit1() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", ruleFile("    for: engagement\n    assert: engagement.attributes.missing_key == 'x'"))
        scratch.write("plan.yaml", minimalPlan())
        let outcome = runCheck(["plan.yaml"], in: scratch)
        #expect(outcome.exitCode == 1, "\(outcome.output)")
        #expect(outcome.errors == [])
        #expect(outcome.findings.map(\.kind) == [.evaluationError])
        #expect(outcome.findings.map(\.severity) == [.error])
        #expect(outcome.findings.map(\.status) == [.failing])
        #expect(outcome.findings.first?.message.contains("missing_key") == true, "\(outcome.findings)")
    }

    @Test func aBadRuleAndABadPlanAreBothReported() {
        let scratch = Scratch()
        scratch.write("rules/a.yaml", ruleFile("    for: location\n    assert: location.contry == 'US'"))
        scratch.write("rules/b.yaml", ruleFile("    for: plan\n    assert: " + String(repeating: "(", count: 10_000) + "true", id: "R-2"))
        scratch.write("plan.yaml", minimalPlan(company: "{ name: Acme, country: UK, timezone: America/New_York }"))
        let outcome = runCheck(["plan.yaml"], in: scratch)
        #expect(outcome.exitCode == 2, "\(outcome.output)")
        #expect(outcome.errors == ["rules.cel-type@a.yaml:5:22", "rules.cel-syntax@b.yaml:5:263", "plan.unknown-country@plan.yaml:3:33"])
    }

    @Test func theRunTimeoutIsAnErrorNotAPass() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", Self.rule)
        scratch.write("plan.yaml", Self.failingPlan)
        let outcome = runCheck(["plan.yaml"], arguments: ["--timeout", "0.000001"],
                               evaluation: EvaluationOptions(deadline: .now - .seconds(1)), in: scratch)
        #expect(outcome.exitCode == 2, "\(outcome.output)")
        #expect(outcome.errors == ["run.timeout@-"])
        #expect(outcome.report.diagnostics.first?.message.contains("plan.yaml") == true)
        #expect(runCheck(["plan.yaml"], arguments: ["--timeout", "-1"], in: scratch).exitCode == 2)
        #expect(runCheck(["plan.yaml"], arguments: ["--timeout", "nan"], in: scratch).exitCode == 2)
        let generous = runCheck(["plan.yaml"], arguments: ["--timeout", "600"], in: scratch)
        #expect(generous.exitCode == 1, "\(generous.output)")
        #expect(generous.errors == [])
    }

    @Test func aTimeoutInsideALargePlanStopsTheEvaluation() throws {
        let loaded = loadPlan(planWith(engagements: 3_000))
        let plan = try #require(loaded.plan)
        let rules = try #require(loadRules(ruleFile("    for: engagement\n    assert: engagement.headcount > 100")).rules)
        let past = ContinuousClock.now - .seconds(1)
        for parallel in [false, true] {
            let (findings, timedOut) = Evaluator(rules: rules, options: EvaluationOptions(parallel: parallel, deadline: past))
                .checkWithinDeadline(plan)
            #expect(timedOut)
            #expect(findings.count < 3_000)
        }
        let (all, timedOut) = Evaluator(rules: rules).checkWithinDeadline(plan)
        #expect(!timedOut)
        #expect(all.count == 3_000)
    }
}

/// A rule set that checks nothing must not let plans pass: no rules at all, or every
/// rule disabled, is an input error (exit 2), and the plans' own errors are still listed.
@Suite("A policy without rules is an error, not a pass")
struct EmptyPolicyTests {
    @Test func aRuleFileWithNoRulesIsLocatedAtItsRulesList() {
        let scratch = Scratch()
        scratch.write("rules/empty.yaml", "policy: nothing-yet\nrules: []\n")
        scratch.write("bad.yaml", minimalPlan(company: "{ name: Acme, country: UK, timezone: America/New_York }"))
        scratch.write("good.yaml", HostileCLITests.failingPlan)
        let outcome = runCheck(["bad.yaml", "good.yaml"], in: scratch)
        #expect(outcome.exitCode == 2, "\(outcome.output)")
        #expect(outcome.errors == ["rules.empty@empty.yaml:2:8", "plan.unknown-country@bad.yaml:3:33"])
        #expect(outcome.findings.isEmpty)
    }

    @Test func packsWithOnlySetsAreFineWhenAnotherPackHasRules() {
        let scratch = Scratch()
        scratch.write("rules/sets.yaml", "policy: shared\nsets:\n  approved: [US, CA]\n")
        scratch.write("rules/r.yaml", HostileCLITests.rule)
        scratch.write("good.yaml", HostileCLITests.failingPlan)
        let outcome = runCheck(["good.yaml"], in: scratch)
        #expect(outcome.exitCode == 1, "\(outcome.output)")
        #expect(outcome.errors.isEmpty)
        #expect(outcome.findings.map(\.rule) == ["R-1"])
    }

    /// Through the library too: a request without rule files is an error, not a pass.
    @Test func aCheckRequestWithoutRuleFilesIsAnError() {
        let scratch = Scratch()
        scratch.write("good.yaml", HostileCLITests.failingPlan)
        let report = CheckRunner.run(CheckRequest(plans: [scratch.path + "/good.yaml"], rules: []))
        #expect(report.diagnostics.map(\.code) == [.rulesNone])
        #expect(report.exitCode == 2)
        #expect(report.findings.isEmpty)
    }

    @Test func everyRuleDisabledIsAnError() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", HostileCLITests.rule + "\n    enabled: false\n")
        scratch.write("good.yaml", HostileCLITests.failingPlan)
        let outcome = runCheck(["good.yaml"], in: scratch)
        #expect(outcome.exitCode == 2, "\(outcome.output)")
        #expect(outcome.errors == ["rules.all-disabled@r.yaml:6:14"])
        // Disabled through shore.yaml instead: the same error, at the rule's id.
        scratch.write("rules/r.yaml", HostileCLITests.rule)
        scratch.write("shore.yaml", "overrides:\n  R-1:\n    enabled: false\n")
        let viaConfig = runCheck(["good.yaml"], in: scratch)
        #expect(viaConfig.exitCode == 2, "\(viaConfig.output)")
        #expect(viaConfig.output.contains("r.yaml:3:9: error[rules.all-disabled]: the only rule, R-1, is disabled"), "\(viaConfig.output)")
    }
}

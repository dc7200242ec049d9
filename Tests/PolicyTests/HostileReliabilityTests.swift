import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import ShoreCLI
@testable import SourceText
@testable import YAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 18's input defects: each input that used to pass as clean, be dropped, hang or
/// blow up is now a located, coded error (or warning), and each test failed before.
@Suite("Hostile input: no wrong pass, no lost file, no hang")
struct HostileReliabilityTests {
    static let today = CivilDate(year: 2026, month: 12, day: 1)!

    /// Any location outside the company's country is a finding.
    static let onshoreRule = ruleFile("    for: location\n    assert: location.country == company.country")

    // MARK: 1. Checked sums

    static let bigHeadcounts = """
        plan: p
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York }
        engagements:
          - id: e1
            provider: { name: P, kind: agency, country: PH }
            locations:
              - { country: PH, timezone: Asia/Manila, headcount: 9223372036854775807 }
          - id: e2
            provider: { name: Q, kind: agency, country: IN }
            locations:
              - { country: IN, timezone: Asia/Kolkata, headcount: 1 }

        """

    @Test func aHeadcountPastTheLimitIsAnError() {
        let result = loadPlan(Self.bigHeadcounts)
        #expect(codes(result.diagnostics) == ["plan.headcount-too-large@8:58"])
        #expect(result.plan == nil)
    }

    @Test func aTotalThatWouldWrapIsAnErrorNotANegativeCount() {
        // With the per-location limit lifted, the sums themselves must still be checked.
        var loader = PlanLoader(today: Self.today)
        loader.maxHeadcount = .max
        let across = loader.load(text: Self.bigHeadcounts, path: "plan.yaml")
        #expect(codes(across.diagnostics) == ["plan.headcount-overflow@12:59"])
        #expect(across.plan == nil)
        let within = loader.load(text: Self.bigHeadcounts.replacingOccurrences(of: """
              - id: e2
                provider: { name: Q, kind: agency, country: IN }
                locations:

            """, with: ""), path: "plan.yaml")
        #expect(codes(within.diagnostics) == ["plan.headcount-overflow@9:59"])
        #expect(within.plan == nil)
    }

    @Test func anOverflowingPlanFailsTheGate() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", ruleFile("    for: country\n    assert: country.headcount_share <= 0.4"))
        scratch.write("plan.yaml", Self.bigHeadcounts)
        let outcome = runCheck(["plan.yaml"], in: scratch)
        #expect(outcome.exitCode == 2, "\(outcome.output)")
        #expect(outcome.errors == ["plan.headcount-too-large@plan.yaml:8:58"])
    }

    @Test func aCostPastTheLimitIsAnError() {
        let result = loadPlan(minimalPlan(engagement: "    cost: { annual: 1e300, currency: USD }"))
        #expect(codes(result.diagnostics) == ["plan.cost-too-large@9:21"])
        #expect(result.plan == nil)
    }

    // MARK: 2. One provider name, one provider

    static func providers(_ first: String, _ second: String) -> String {
        """
        plan: p
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York }
        engagements:
          - id: e1
            provider: \(first)
            locations: [{ country: US, timezone: America/New_York, headcount: 10 }]
          - id: e2
            provider: \(second)
            locations: [{ country: US, timezone: America/New_York, headcount: 10 }]
            cost: { annual: 5000000, currency: USD }

        """
    }

    @Test func aProviderNameWithTwoCountriesIsAnErrorInEitherOrder() throws {
        let us = "{ name: Initech, kind: captive, country: US }"
        let cu = "{ name: Initech, kind: agency, country: CU }"
        for (first, second) in [(us, cu), (cu, us)] {
            let result = loadPlan(Self.providers(first, second))
            #expect(codes(result.diagnostics) == ["plan.provider-conflict@9:38"])
            let conflict = try #require(result.diagnostics.first)
            #expect(conflict.message.contains("kind") && conflict.message.contains("country"), "\(conflict.message)")
            #expect(conflict.notes.map { $0.location?.start.line } == [6])
            #expect(result.plan == nil)
        }
        let same = loadPlan(Self.providers(us, us))
        #expect(codes(same.diagnostics) == [])
        #expect(same.plan?.providers.map(\.engagements) == [["e1", "e2"]])
    }

    /// Either field alone makes the conflict, and the message names only that field.
    @Test func aProviderNameWithOneOtherFieldIsAnError() throws {
        let first = "{ name: Initech, kind: captive, country: US }"
        for (second, field, other) in [("{ name: Initech, kind: captive, country: CA }", "country", "kind"),
                                       ("{ name: Initech, kind: agency, country: US }", "kind", "country")] {
            let result = loadPlan(Self.providers(first, second))
            #expect(codes(result.diagnostics).count == 1, "\(field)")
            let conflict = try #require(result.diagnostics.first)
            #expect(conflict.code == .planProviderConflict)
            #expect(conflict.message.contains("\(field) ") && !conflict.message.contains("\(other) "), "\(conflict.message)")
            #expect(result.plan == nil)
        }
    }

    // MARK: 3. Rule files are found, or reported

    @Test func ruleFilesInAnyCaseThroughLinkedFoldersAndOutsideFixtures() {
        let scratch = Scratch()
        let root = scratch.path
        scratch.write("rules/a.yaml", ruleFile("    assert: true", id: "R-A"))
        scratch.write("rules/B.YAML", ruleFile("    assert: true", id: "R-B"))
        scratch.write("rules/sub/c.Yml", ruleFile("    assert: true", id: "R-C"))
        scratch.write("rules/fixtures/plan.yaml", "plan: x")
        scratch.write("rules/a.test.yaml", "tests: []")
        scratch.write("rules/notes.txt", "not a rule")
        scratch.write("other/d.yaml", ruleFile("    assert: true", id: "R-D"))
        #expect(symlink("../other", root + "/rules/linked") == 0)
        #expect(symlink("../other", root + "/other/loop") == 0)   // a cycle: entered once
        #expect(RuleFiles.find(under: [root + "/rules"]) == [
            root + "/rules/B.YAML", root + "/rules/a.yaml", root + "/rules/linked/d.yaml", root + "/rules/sub/c.Yml",
        ])
        #expect(RuleFiles.findTests(under: [root + "/rules"]) == [root + "/rules/a.test.yaml"])
        // `fixtures` counts only below the folder given: a checkout under …/fixtures/… is searched.
        scratch.write("fixtures/company/q.yaml", ruleFile("    assert: true", id: "R-Q"))
        #expect(RuleFiles.find(under: [root + "/fixtures/company"]) == [root + "/fixtures/company/q.yaml"])
    }

    @Test func aBrokenLinkInTheRulesFolderIsAnError() {
        let scratch = Scratch()
        scratch.write("rules/a.yaml", Self.onshoreRule)
        #expect(symlink("gone.yaml", scratch.path + "/rules/moved.yaml") == 0)
        #expect(symlink("gone-folder", scratch.path + "/rules/more") == 0)
        scratch.write("plan.yaml", minimalPlan())
        let outcome = runCheck(["plan.yaml"], in: scratch)
        #expect(outcome.exitCode == 2, "\(outcome.output)")
        #expect(outcome.errors == ["io.broken-link@more:1:1", "io.broken-link@moved.yaml:1:1"])
    }

    @Test func theReportSaysWhichRuleFilesGaveHowManyRules() {
        let scratch = Scratch()
        scratch.write("rules/a.yaml", """
            policy: a
            rules:
              - { id: A-1, for: plan, assert: "true" }
              - { id: A-2, for: plan, assert: "true", enabled: false }

            """)
        scratch.write("rules/b.yaml", ruleFile("    for: plan\n    assert: \"true\"", id: "B-1"))
        scratch.write("plan.yaml", minimalPlan())
        let outcome = runCheck(["plan.yaml"], in: scratch)
        #expect(outcome.errors == [])
        #expect(outcome.report.ruleFiles == [
            RuleFileSummary(path: scratch.path + "/rules/a.yaml", rules: 2, enabled: 1),
            RuleFileSummary(path: scratch.path + "/rules/b.yaml", rules: 1, enabled: 1),
        ])
    }

    // MARK: 5. Waiver expiry and plan waivers

    static let backdated = """
        plan: p
        date: 1970-01-01
        company: { name: Acme, country: US, timezone: America/New_York }
        engagements:
          - id: e1
            provider: { name: P, kind: agency, country: PH }
            locations: [{ country: PH, timezone: Asia/Manila, headcount: 10 }]
        waivers:
          - { rule: R-1, reason: legacy, approved_by: cfo, expires: 2020-01-01 }

        """

    @Test func aBackdatedPlanDoesNotReviveAnExpiredWaiver() {
        let scratch = Scratch()
        let rules = scratch.write("rules/r.yaml", Self.onshoreRule)
        let plan = scratch.write("plan.yaml", Self.backdated)
        func run(_ today: CivilDate) -> CheckReport {
            CheckRunner.run(CheckRequest(plans: [plan], rules: [.file(rules)], today: today))
        }
        let now = run(Self.today)
        #expect(now.findings.map { "\($0.kind.rawValue):\($0.status)" }.sorted() == ["violation:failing", "waiver-expired:failing"])
        #expect(now.exitCode == 1)
        #expect(run(CivilDate(year: 2019, month: 6, day: 1)!).exitCode == 0)
        // The same through the command line, with --as-of for a reproducible run.
        let io = { CommandIO.capturing(workingDirectory: scratch.path) }
        #expect(ShoreMain.run(["check", "--rules", "rules", "--as-of", "2019-06-01", "plan.yaml"], io: io()) == 0)
        #expect(ShoreMain.run(["check", "--rules", "rules", "--as-of", "2026-12-01", "plan.yaml"], io: io()) == 1)
        #expect(ShoreMain.run(["check", "--rules", "rules", "plan.yaml"], io: io()) == 1)
        #expect(ShoreMain.run(["check", "--rules", "rules", "--as-of", "yesterday", "plan.yaml"], io: io()) == 2)
    }

    @Test func aGateCanForbidWaiversInsideThePlan() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", Self.onshoreRule)
        scratch.write("plan.yaml", Self.backdated.replacingOccurrences(of: "2020-01-01", with: "2099-01-01"))
        scratch.write("w.yaml", "waivers:\n  - { rule: R-1, reason: ok, approved_by: cfo, expires: 2099-01-01 }\n")
        let allowed = CommandIO.capturing(workingDirectory: scratch.path)
        #expect(ShoreMain.run(["check", "--rules", "rules", "plan.yaml"], io: allowed) == 0)
        scratch.write("shore.yaml", "waivers: { plan: forbid }\n")
        let forbidden = CommandIO.capturing(workingDirectory: scratch.path)
        #expect(ShoreMain.run(["check", "--rules", "rules", "plan.yaml"], io: forbidden) == 2)
        #expect(forbidden.standardOutput.contains("plan.yaml:9:5: error[waiver.plan-forbidden]"), "\(forbidden.standardOutput)")
        // A waiver file is still honoured.
        scratch.write("shore.yaml", "waivers: { files: [w.yaml], plan: forbid }\n")
        scratch.write("plan.yaml", Self.backdated.components(separatedBy: "waivers:")[0])
        let viaFile = CommandIO.capturing(workingDirectory: scratch.path)
        #expect(ShoreMain.run(["check", "--rules", "rules", "plan.yaml"], io: viaFile) == 0, "\(viaFile.standardOutput)")
        let config = ConfigLoader.load(path: scratch.write("bad.yaml", "waivers: { plan: never }\n"))
        #expect(codes(config.diagnostics) == ["config.invalid-value@1:18"])
    }

    // MARK: 9. Pipes and devices are refused, not waited on

    @Test func aFIFOAnywhereIsRefusedAtOnce() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", Self.onshoreRule)
        scratch.write("plan.yaml", minimalPlan())
        for name in ["fifo-plan.yaml", "rules/fifo-rules.yaml", "fifo-waivers.yaml", "fifo-config.yaml", "fifo-baseline.json"] {
            #expect(mkfifo(scratch.path + "/" + name, 0o600) == 0)
        }
        let planOutcome = runCheck(["fifo-plan.yaml", "plan.yaml"], in: scratch)
        #expect(planOutcome.exitCode == 2)
        #expect(planOutcome.errors == ["io.not-a-file@fifo-rules.yaml:1:1", "io.not-a-file@fifo-plan.yaml:1:1"])
        let waivers = WaiverReader.load(path: scratch.path + "/fifo-waivers.yaml")
        #expect(codes(waivers.diagnostics) == ["io.not-a-file@1:1"])
        let config = ConfigLoader.load(path: scratch.path + "/fifo-config.yaml")
        #expect(codes(config.diagnostics) == ["io.not-a-file@1:1"])
        for arguments in [["--waivers", "fifo-waivers.yaml"], ["--config", "fifo-config.yaml"], ["--baseline", "fifo-baseline.json"]] {
            let io = CommandIO.capturing(workingDirectory: scratch.path)
            #expect(ShoreMain.run(["check"] + arguments + ["plan.yaml"], io: io) == 2)
            #expect((io.standardOutput + io.standardError).contains("io.not-a-file"), "\(arguments)")
        }
        if case .failure(let diagnostic) = Baseline.load(path: scratch.path + "/fifo-baseline.json") {
            #expect(diagnostic.code == .ioNotAFile)
        } else {
            Issue.record("a FIFO baseline was read")
        }
    }

    // MARK: 11. Waiver matching is linear and under the deadline

    /// `count` engagements in PH (each a finding of the onshore rule) and one waiver per
    /// engagement; the findings before waivers, and the plan.
    static func waivedPlan(_ count: Int) throws -> (findings: [Finding], plan: Plan) {
        var text = planWith(engagements: count) + "waivers:\n"
        for i in 0..<count {
            text += "  - { rule: R-1, engagement: e\(i), reason: r, approved_by: a, expires: 2099-01-01 }\n"
        }
        let plan = try #require(loadPlan(text).plan)
        let rules = try #require(loadRules(onshoreRule).rules)
        let findings = Evaluator(rules: rules, options: EvaluationOptions(waivers: WaiverPolicy(allowPlanWaivers: false)))
            .check(plan)
        #expect(findings.count == count)
        return (findings, plan)
    }

    @Test func waiverMatchingWorkGrowsLinearly() throws {
        func work(_ count: Int) throws -> Int {
            var (findings, plan) = try Self.waivedPlan(count)
            var work = 0
            #expect(WaiverMatcher.apply(plan.waivers, to: &findings, plan: plan, policy: WaiverPolicy(),
                                        deadline: nil, work: &work))
            #expect(findings.count { $0.status == .waived } == count)
            return work
        }
        let small = try work(250)
        let large = try work(1_000)
        #expect(large <= 4 * small + small / 4, "work \(small) at 250, \(large) at 1,000")
    }

    @Test func waiverMatchingStopsAtTheDeadline() throws {
        var (findings, plan) = try Self.waivedPlan(200)
        var work = 0
        #expect(!WaiverMatcher.apply(plan.waivers, to: &findings, plan: plan, policy: WaiverPolicy(),
                                     deadline: .now - .seconds(1), work: &work))
        #expect(work == 64)
    }

    @Test func theReviewHasATimeoutToo() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", Self.onshoreRule)
        scratch.write("plan.yaml", minimalPlan())
        let io = CommandIO.capturing(workingDirectory: scratch.path)
        #expect(ShoreMain.run(["review", "--rules", "rules", "--timeout", "0.000001", "plan.yaml"], io: io) == 2)
        #expect(io.standardError.contains("run.timeout"), "\(io.standardError)")
        let generous = CommandIO.capturing(workingDirectory: scratch.path)
        #expect(ShoreMain.run(["review", "--rules", "rules", "--timeout", "600", "plan.yaml"], io: generous) == 1)
    }

    // MARK: 12. Baselines

    static func baseline(_ text: String, limits: YAMLLimits = .default) -> String {
        let scratch = Scratch()
        let path = scratch.write("baseline.json", text)
        switch Baseline.load(path: path, limits: limits) {
        case .success(let baseline): return "ok " + baseline.fingerprints.sorted().joined(separator: ",")
        case .failure(let d): return d.code.rawValue + "@" + (d.location.map { "\($0.start.line):\($0.start.column)" } ?? "-")
        }
    }

    @Test func baselinesAreCheckedAndOnlyFingerprintsKept() {
        #expect(Self.baseline(#"{"version": 1, "findings": [{"fingerprint": "abc", "more": {"fingerprint": "nested"}}, {"fingerprint": "d\u0065f"}]}"#)
                == "ok abc,def")
        #expect(Self.baseline(#"{"version": 2, "findings": []}"#) == "baseline.unsupported-version@1:1")
        #expect(Self.baseline(#"{"findings": []}"#) == "baseline.unsupported-version@1:1")
        #expect(Self.baseline(#"{"version": 1, "findings": {}}"#) == "baseline.invalid@1:1")
        #expect(Self.baseline(#"{"version": 1, "findings": [}"#) == "baseline.invalid@1:29")
        #expect(Self.baseline(#"{"version": 1, "findings": [{"fingerprint": 01}]}"#) == "baseline.invalid@1:45")
        #expect(Self.baseline(#"{"version": 1, "findings": [], "findings": [{"fingerprint": "a"}]}"#) == "baseline.invalid@1:32")
        #expect(Self.baseline(#"{"version": 1, "findings": [{"fingerprint": "a", "fingerprint": "b"}]}"#) == "baseline.invalid@1:50")
        #expect(Self.baseline("{\"version\": 1,\n\"findings\": [" + String(repeating: "[", count: 100_000))
                == "baseline.too-deep@2:268")
        #expect(Self.baseline(#"{"version": 1, "findings": []}"#, limits: YAMLLimits(maxFileBytes: 10))
                == "yaml.file-too-large@1:1")
    }

    // MARK: 15. Time zones

    @Test func aZoneOfAnotherCountryIsAWarning() {
        let result = loadPlan(minimalPlan().replacingOccurrences(of: "timezone: Asia/Manila", with: "timezone: America/New_York"))
        #expect(codes(result.diagnostics) == ["plan.timezone-country@8:34"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.plan != nil)
        // Links and zones shared since 1970 belong to their countries.
        for (country, zone) in [("IN", "Asia/Calcutta"), ("NO", "Europe/Berlin"), ("NO", "Europe/Oslo"), ("US", "US/Eastern"), ("PH", "UTC")] {
            let ok = loadPlan(minimalPlan().replacingOccurrences(of: "country: PH, timezone: Asia/Manila", with: "country: \(country), timezone: \(zone)"))
            #expect(codes(ok.diagnostics) == [], "\(country) \(zone)")
        }
    }

    @Test func zonesOutsideTheTZDatabaseAreRejected() {
        for zone in ["SystemV/EST5", "SystemV/AST4ADT"] {
            let result = loadPlan(minimalPlan().replacingOccurrences(of: "timezone: Asia/Manila", with: "timezone: \(zone)"))
            #expect(codes(result.diagnostics) == ["plan.unknown-timezone@8:34"], "\(zone)")
            #expect(result.plan == nil)
        }
        #expect(TimeZones.isKnown("America/New_York") && TimeZones.isKnown("US/Eastern") && TimeZones.isKnown("UTC"))
    }

    // MARK: 16. Plan ids

    @Test func twoPlansWithOneIdAreAnError() {
        let scratch = Scratch()
        scratch.write("rules/r.yaml", Self.onshoreRule)
        scratch.write("a.yaml", minimalPlan())
        scratch.write("b.yaml", minimalPlan())
        let outcome = runCheck(["a.yaml", "b.yaml"], in: scratch)
        #expect(outcome.exitCode == 2)
        #expect(outcome.errors == ["plan.duplicate-id@b.yaml:1:7"])
    }

    // MARK: 17. Rule tests that check nothing

    @Test func aRuleTestThatSelectsNoRuleIsAnError() throws {
        let folder = try temporaryFolder([
            "rules.yaml": Self.onshoreRule,
            "rules.test.yaml": """
                tests:
                  - name: checks nothing
                    plan: { plan: t, date: 2026-12-01, company: { name: A, country: US, timezone: America/New_York }, engagements: [] }
                    rules: []
                    expect: []

                """,
        ])
        let report = RuleTestRunner.run(RuleTestRequest(
            rules: RuleFiles.find(under: [folder]).map(RuleSource.file),
            tests: RuleFiles.findTests(under: [folder]), today: Self.today))
        #expect(codes(report.diagnostics) == ["test.no-rules@4:12"])
        #expect(report.exitCode == 2)
    }
}

import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText


@Suite("Rule test runner")
struct RuleTestRunnerTests {
    static let today = CivilDate(year: 2026, month: 12, day: 1)!

    static let rule = """
        policy: p
        rules:
          - id: R-1
            title: Work stays onshore
            for: location
            assert: location.country == company.country
            message: "{{ engagement.id }} in {{ location.country }}"
          - id: R-2
            title: Everything has an SLA
            severity: warning
            for: engagement
            assert: "'sla' in engagement.controls"

        """

    static let plan = """
        plan: t
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York }
        engagements:
          - id: e1
            provider: { name: P, kind: agency, country: PH }
            locations: [{ country: PH, headcount: 1 }, { country: IN, headcount: 1 }]
            controls: [sla]

        """

    static func run(_ tests: String, extra: [String: String] = [:]) throws -> RuleTestReport {
        var files = ["rules.yaml": rule, "fixtures/plan.yaml": plan, "rules.test.yaml": tests]
        files.merge(extra) { $1 }
        let folder = try temporaryFolder(files)
        return RuleTestRunner.run(RuleTestRequest(
            rules: RuleFiles.find(under: [folder]).map(RuleSource.file),
            tests: RuleFiles.findTests(under: [folder]), today: today))
    }

    @Test func theStarterPackPassesItsOwnTests() {
        let report = RuleTestRunner.run(RuleTestRequest(
            rules: RuleFiles.find(under: [repoPath("rules")]).map(RuleSource.file),
            tests: RuleFiles.findTests(under: [repoPath("rules")]), today: Self.today))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.failed == 0, "\(report.results.filter { !$0.passed }.map { ([$0.name] + $0.failureDetails).joined(separator: "\n") })")
        #expect(report.passed >= 46)
        #expect(report.exitCode == 0)
    }

    @Test func exactExpectationsPassAndUnspecifiedKeysAreWildcards() throws {
        let report = try Self.run("""
            tests:
              - name: both sites
                plan: fixtures/plan.yaml
                expect:
                  - { rule: R-1, engagement: e1, country: PH, status: failing, severity: error }
                  - { rule: R-1 }
              - name: narrowed to R-2
                plan: fixtures/plan.yaml
                rules: [R-2]
                expect: []
            """)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.results.map(\.passed) == [true, true])
        #expect(report.exitCode == 0)
    }

    @Test func missingAndUnexpectedFindingsFailWithExpectedVersusActual() throws {
        let report = try Self.run("""
            tests:
              - name: wrong country
                plan: fixtures/plan.yaml
                rules: [R-1]
                expect:
                  - { rule: R-1, country: PH }
                  - { rule: R-1, country: MX }
            """)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let result = try #require(report.results.first)
        #expect(!result.passed)
        #expect(result.missing.map(\.country) == ["MX"])
        #expect(result.unexpected.map(\.country) == ["IN"])
        let details = result.failureDetails.joined(separator: "\n")
        #expect(details.contains("expected (2):"))
        #expect(details.contains("actual (2):"))
        #expect(details.contains("    R-1 country=MX kind=violation"))
        #expect(details.contains("    R-1 engagement=e1 country=IN kind=violation status=failing severity=error"))
        #expect(details.contains("missing (expected, not reported):"))
        #expect(details.contains("unexpected (reported, not expected):"))
        #expect(report.exitCode == 1)
    }

    @Test func kindDefaultsToViolation() throws {
        let report = try Self.run("""
            tests:
              - name: an expired waiver
                rules: [R-2]
                plan:
                  plan: w
                  date: 2026-12-01
                  company: { name: Acme, country: US, timezone: America/New_York }
                  engagements:
                    - id: e1
                      provider: { name: P, kind: in-house, country: US }
                      locations: [{ country: US, timezone: America/New_York, headcount: 1 }]
                  waivers:
                    - { rule: R-2, reason: r, approved_by: me, expires: 2026-01-01 }
                expect:
                  - { rule: R-2, engagement: e1 }
            """)
        let result = try #require(report.results.first)
        #expect(!result.passed)
        #expect(result.unexpected.map(\.kind) == [.waiverExpired])
    }

    @Test func aBroadExpectationDoesNotTakeTheFindingANarrowOneNeeds() {
        // Greedy matching would give the PH finding to `{ rule: R-1 }` and report the
        // narrow PH expectation missing.
        let broad = ExpectedFinding(rule: "R-1")
        let narrow = ExpectedFinding(rule: "R-1", country: "PH")
        let loaded = PlanLoader(today: Self.today).load(text: Self.plan, path: "plan.yaml")
        guard let plan = loaded.plan,
              let rules = RuleLoader().load(sources: [.embedded("r.yaml", text: Self.rule)]).rules else {
            Issue.record("fixtures do not load")
            return
        }
        var set = rules
        set.rules = set.rules.filter { $0.id == "R-1" }
        let findings = Evaluator(rules: set).check(plan)
        #expect(findings.map(\.country) == ["PH", "IN"])
        let (missing, unexpected) = RuleTestRunner.compare(expected: [broad, narrow], actual: findings)
        #expect(missing.isEmpty && unexpected.isEmpty)
    }

    @Test func invalidTestFilesGiveLocatedDiagnostics() throws {
        let report = try Self.run("""
            tests:
              - name: typo in an expectation
                plan: fixtures/plan.yaml
                expect:
                  - { rule: R-1, contry: PH }
              - name: unknown rule
                plan: fixtures/plan.yaml
                rules: [R-3]
                expect: []
              - name: missing plan file
                plan: fixtures/nope.yaml
                expect: []
              - name: bad kind
                plan: fixtures/plan.yaml
                expect: [{ rule: R-1, kind: violaton }]
              - plan: fixtures/plan.yaml
                expect: []
            """)
        let found = codes(report.diagnostics)
        #expect(found.contains("test.unknown-key@5:22"), "\(found)")
        #expect(found.contains("test.unknown-rule@8:13"), "\(found)")
        #expect(found.contains("test.missing-plan@11:11"), "\(found)")
        #expect(found.contains("test.invalid-value@15:33"), "\(found)")
        #expect(found.contains("test.missing-field@16:5"), "\(found)")
        let typo = try #require(report.diagnostics.first { $0.code == .testUnknownKey })
        #expect(typo.help == "did you mean 'country'?")
        #expect(report.exitCode == 2)
        // Every test that could not run is reported as failed, not dropped.
        #expect(report.results.map(\.name) == ["typo in an expectation", "unknown rule", "missing plan file", "bad kind",
                                               "the test at line 16"])
        #expect(report.results.map(\.notRun) == ["the test is invalid", "the test is invalid", "the test's plan is invalid",
                                                 "the test is invalid", "the test is invalid"])
        #expect(report.failed == 5)
    }

    @Test func anInvalidInlinePlanIsLocatedInTheTestFile() throws {
        let report = try Self.run("""
            tests:
              - name: inline plan with a bad country
                plan:
                  plan: bad
                  date: 2026-12-01
                  company: { name: Acme, country: UK, timezone: Europe/London }
                  engagements: []
                expect: []
            """)
        let diagnostic = try #require(report.diagnostics.first { $0.code == .planUnknownCountry })
        #expect(diagnostic.location?.path.hasSuffix("rules.test.yaml") == true)
        #expect(diagnostic.location?.start == SourcePosition(line: 6, column: 39))
        #expect(report.results.first?.passed == false)
        #expect(report.exitCode == 2)
    }

    @Test func anUndatedPlanIsAWarningOnly() throws {
        let report = try Self.run("""
            tests:
              - name: undated
                rules: [R-1]
                plan:
                  plan: u
                  company: { name: Acme, country: US, timezone: America/New_York }
                  engagements: []
                expect: []
            """)
        #expect(codes(report.diagnostics) == ["test.plan-without-date@5:7"])
        #expect(report.diagnostics.first?.severity == .warning)
        #expect(report.exitCode == 0)
    }

    @Test func brokenRulesStopTheRun() throws {
        let report = try Self.run("tests: []\n", extra: ["rules.yaml": "policy: p\nrules:\n  - id: R-1\n    for: location\n    assert: location.contry == 'US'\n"])
        #expect(report.diagnostics.contains { $0.code.area == "rules" })
        #expect(report.results.isEmpty)
        #expect(report.exitCode == 2)
    }
}

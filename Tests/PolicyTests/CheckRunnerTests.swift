import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText

/// Checks `plan` against `rules` (both YAML text) in a temporary folder.
func check(plan: String, rules: String, waivers: String? = nil, failOn: Severity? = .error) throws -> CheckReport {
    var files = ["plan.yaml": plan, "rules/r.yaml": rules]
    if let waivers { files["waivers.yaml"] = waivers }
    let folder = try temporaryFolder(files)
    return CheckRunner.run(CheckRequest(
        plans: [folder + "/plan.yaml"], rules: RuleFiles.find(under: [folder + "/rules"]).map(RuleSource.file),
        waiverFiles: waivers == nil ? [] : [folder + "/waivers.yaml"], failOn: failOn,
        today: CivilDate(year: 2026, month: 12, day: 1)!))
}

@Suite("Checking: fail closed, waivers, exit codes")
struct CheckRunnerTests {
    @Test func anEvaluationErrorIsAFindingNotAPass() throws {
        let report = try check(plan: minimalPlan(engagement: "    attributes: { cost_center: A1 }"), rules: """
        policy: p
        rules:
          - id: ATTR-001
            severity: warning
            for: engagement
            assert: engagement.attributes.budget_owner == 'finance'
        """, failOn: .warning)
        let finding = try #require(report.findings.first)
        #expect(finding.kind == .evaluationError)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("budget_owner"))
        #expect(report.exitCode == 1)
    }

    @Test func waiversActiveExpiredAndUnused() throws {
        let rules = """
        policy: p
        rules:
          - { id: OFF-001, for: location, assert: "!location.offshore", message: "offshore in {{ location.country }}" }
        """
        let waivers = """
        waivers:
          - { rule: OFF-001, engagement: e1, reason: r, approved_by: CISO, expires: 2027-01-31 }
          - { rule: OFF-001, engagement: e1, country: IN, reason: r, approved_by: CISO, expires: 2027-01-31 }
          - { rule: OFF-001, engagement: e1, reason: old, approved_by: CISO, expires: 2026-11-30 }
          - { rule: OFF-001, plan: another-plan, reason: r, approved_by: CISO, expires: 2030-01-01 }
        """
        let report = try check(plan: minimalPlan(), rules: rules, waivers: waivers)
        let kinds = report.findings.map { "\($0.kind.rawValue)/\($0.status.rawValue)/\($0.severity.rawValue)" }.sorted()
        #expect(kinds == ["violation/waived/error", "waiver-expired/failing/warning", "waiver-unused/failing/info"])
        let waived = try #require(report.findings.first { $0.status == .waived })
        #expect(waived.waiver?.expires == "2027-01-31")
        #expect(report.exitCode == 0)
        #expect(report.summary.failing == 2)
    }

    /// Each kind of waiver waives exactly the findings it names: the whole rule, one
    /// engagement, one country, an engagement in a country. Near misses by one field
    /// waive nothing and are reported unused.
    @Test func eachKindOfWaiverWaivesWhatItNames() throws {
        // e1 in PH and IN, e2 in IN and MX.
        let plan = minimalPlan(engagement: """
                  - { country: IN, timezone: Asia/Kolkata, hours: "18:00-03:00", headcount: 10 }
              - id: e2
                provider: { name: Q, kind: agency, country: IN }
                locations:
                  - { country: IN, timezone: Asia/Kolkata, hours: "18:00-03:00", headcount: 10 }
                  - { country: MX, timezone: America/Mexico_City, hours: "09:00-17:00", headcount: 10 }
            """)
        let rules = """
        policy: p
        rules:
          - { id: A-001, for: location, assert: "!location.offshore" }
          - { id: B-001, for: location, assert: "!location.offshore" }
          - { id: C-001, for: location, assert: "!location.offshore" }
          - { id: D-001, for: location, assert: "!location.offshore" }
        """
        let waivers = """
        waivers:
          - { rule: A-001, reason: r, approved_by: CISO, expires: 2030-01-31 }
          - { rule: B-001, engagement: e2, reason: r, approved_by: CISO, expires: 2030-01-31 }
          - { rule: C-001, country: IN, reason: r, approved_by: CISO, expires: 2030-01-31 }
          - { rule: D-001, engagement: e1, country: IN, reason: r, approved_by: CISO, expires: 2030-01-31 }
          - { rule: D-001, engagement: e2, country: PH, reason: r, approved_by: CISO, expires: 2030-01-31 }
          - { rule: B-001, engagement: e3, reason: r, approved_by: CISO, expires: 2030-01-31 }
          - { rule: C-001, country: MY, reason: r, approved_by: CISO, expires: 2030-01-31 }
        """
        let report = try check(plan: plan, rules: rules, waivers: waivers)
        let waived = report.findings.filter { $0.status == .waived }
            .map { "\($0.rule) \($0.engagement ?? "-") \($0.country ?? "-")" }.sorted()
        #expect(waived == ["A-001 e1 IN", "A-001 e1 PH", "A-001 e2 IN", "A-001 e2 MX",
                           "B-001 e2 IN", "B-001 e2 MX", "C-001 e1 IN", "C-001 e2 IN", "D-001 e1 IN"], "\(waived)")
        let unused = report.findings.filter { $0.kind == .waiverUnused }.map(\.message)
        #expect(unused == ["the waiver of D-001 for engagement e2, country PH matches no finding; remove it",
                           "the waiver of B-001 for engagement e3 matches no finding; remove it",
                           "the waiver of C-001 for country MY matches no finding; remove it"], "\(unused)")
    }

    /// Rules over free-form `attributes` with optional values: no `has()` chains, and
    /// an absent attribute is a value (`orValue`), not an evaluation error.
    @Test func optionalValuesReadFreeFormAttributes() throws {
        let rules = """
        policy: p
        rules:
          - id: ATTR-001
            for: engagement
            assert: engagement.?attributes.cost_center.orValue("none") != "none"
            message: "{{ engagement.id }}: cost centre {{ engagement.?attributes.cost_center.orValue('none') }}"
          - id: ATTR-002
            for: engagement
            assert: "!engagement.?attributes.budget_owner.hasValue() || engagement.attributes.budget_owner == 'finance'"
        """
        let with = try check(plan: minimalPlan(engagement: "    attributes: { cost_center: A1, budget_owner: finance }"), rules: rules)
        #expect(with.findings.isEmpty, "\(with.findings.map(\.message))")
        let without = try check(plan: minimalPlan(), rules: rules)
        #expect(without.findings.map(\.rule) == ["ATTR-001"], "\(without.findings.map(\.message))")
        #expect(without.findings.first?.kind == .violation)
        #expect(without.findings.first?.message == "e1: cost centre none")
        let other = try check(plan: minimalPlan(engagement: "    attributes: { budget_owner: sales }"), rules: rules)
        #expect(other.findings.map(\.rule).sorted() == ["ATTR-001", "ATTR-002"], "\(other.findings.map(\.message))")
    }

    /// An unused waiver of a rule that is not loaded says so (with the likely id), not
    /// merely that it matches no finding.
    @Test func waiverOfARuleNotLoadedSaysSo() throws {
        let rules = """
        policy: p
        rules:
          - { id: OFF-001, for: location, assert: "location.offshore" }
        """
        let waivers = """
        waivers:
          - { rule: OFF-01, reason: r, approved_by: CISO, expires: 2030-01-31 }
          - { rule: OFF-001, country: IN, reason: r, approved_by: CISO, expires: 2030-01-31 }
        """
        let report = try check(plan: minimalPlan(), rules: rules, waivers: waivers)
        let messages = report.findings.filter { $0.kind == .waiverUnused }.map(\.message)
        #expect(messages == [
            "the waiver of OFF-01 waives a rule that is not loaded (did you mean 'OFF-001'?); correct its rule id or load the rule",
            "the waiver of OFF-001 for country IN matches no finding; remove it",
        ], "\(messages)")
    }

    @Test func failOnDecidesTheExitCode() throws {
        let rules = """
        policy: p
        rules:
          - { id: W-1, severity: warning, for: location, assert: "!location.offshore" }
        """
        #expect(try check(plan: minimalPlan(), rules: rules, failOn: .error).exitCode == 0)
        #expect(try check(plan: minimalPlan(), rules: rules, failOn: .warning).exitCode == 1)
        #expect(try check(plan: minimalPlan(), rules: rules, failOn: .info).exitCode == 1)
        #expect(try check(plan: minimalPlan(), rules: rules, failOn: nil).exitCode == 0)
        #expect(try check(plan: "plan: [", rules: rules, failOn: nil).exitCode == 2)
    }

    @Test func severalBadFilesAreAllReported() throws {
        let folder = try temporaryFolder([
            "a.yaml": minimalPlan(company: "{ name: A, country: UK, timezone: Europe/London }"),
            "b.yaml": "plan: b\ncompany: [\n",
            "c.yaml": minimalPlan(),
            "rules/r.yaml": "policy: p\nrules:\n  - { id: R, for: plan, assert: 'plan.id == \"p\"' }\n",
        ])
        let report = CheckRunner.run(CheckRequest(
            plans: ["a.yaml", "b.yaml", "c.yaml"].map { folder + "/" + $0 },
            rules: RuleFiles.find(under: [folder + "/rules"]).map(RuleSource.file)))
        #expect(report.diagnostics.map(\.code) == [.planUnknownCountry, .yamlSyntax])
        #expect(report.plans.map(\.plan.id) == ["p"])
        #expect(report.exitCode == 2)
    }

    @Test func fingerprintsSurviveAnEditThatShiftsEveryLine() throws {
        let rules = """
        policy: p
        rules:
          - { id: OFF-001, for: location, assert: "!location.offshore" }
        """
        let before = try check(plan: minimalPlan(), rules: rules)
        let edited = "# a new comment at the top\n# and another\n" + minimalPlan()
            .replacingOccurrences(of: "engagements:\n", with: "engagements:\n  - id: e0\n    provider: { name: Q, kind: in-house, country: US }\n    locations: [{ country: US, timezone: America/New_York, headcount: 3 }]\n")
        let after = try check(plan: edited, rules: rules)
        let old = try #require(before.findings.first)
        let new = try #require(after.findings.first)
        #expect(old.location?.start.line != new.location?.start.line)
        #expect(old.fingerprint == new.fingerprint)
        let baseline = Baseline(fingerprints: [old.fingerprint])
        #expect(baseline.filter(after).findings.isEmpty)
    }
}

@Suite("Time-zone overlap in plans")
struct OverlapInPlanTests {
    func overlap(date: String, company: String, location: String) throws -> Double {
        let text = """
        plan: p
        date: \(date)
        company: \(company)
        engagements:
          - id: e1
            provider: { name: P, kind: agency, country: PH }
            locations:
              - \(location)
        """
        let result = loadPlan(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.plan?.engagements.first?.locations.first?.overlapHours)
    }

    let newYork = "{ name: A, country: US, timezone: America/New_York, hours: \"09:00-17:00\" }"

    @Test func daylightSavingMovesTheOverlap() throws {
        let oslo = "{ country: NO, timezone: Europe/Oslo, hours: \"09:00-17:00\", headcount: 1 }"
        #expect(try overlap(date: "2026-12-01", company: newYork, location: oslo) == 2.0)
        #expect(try overlap(date: "2027-07-01", company: newYork, location: oslo) == 2.0)
        // Between the US and EU switches only one side is on summer time.
        #expect(try overlap(date: "2027-03-20", company: newYork, location: oslo) == 3.0)
    }

    @Test func mexicoHasNoDaylightSaving() throws {
        let mexico = "{ country: MX, timezone: America/Mexico_City, hours: \"08:00-17:00\", headcount: 1 }"
        #expect(try overlap(date: "2027-07-01", company: newYork, location: mexico) == 7.0)
        #expect(try overlap(date: "2026-12-01", company: newYork, location: mexico) == 8.0)
    }

    @Test func halfHourOffsetsAndShiftsAcrossMidnight() throws {
        let kolkataNight = "{ country: IN, timezone: Asia/Kolkata, hours: \"18:00-03:00\", headcount: 1 }"
        #expect(try overlap(date: "2026-12-01", company: newYork, location: kolkataNight) == 7.5)
        let bengaluru = "{ country: IN, timezone: Asia/Kolkata, hours: \"10:00-19:00\", headcount: 1 }"
        #expect(try overlap(date: "2026-12-01", company: newYork, location: bengaluru) == 0.0)
        let manila = "{ country: PH, timezone: Asia/Manila, hours: \"21:00-06:00\", headcount: 1 }"
        #expect(try overlap(date: "2026-12-01", company: newYork, location: manila) == 8.0)
    }
}

import CEL
@testable import Policy
@testable import Reference
import Testing

/// A rule's "because" lines are kept per rule and thread (`Explanation.Cache`) and looked
/// up by the values of the operands that read the plan, and its messages are shared by
/// their bytes (`MessageMemo`): a finding must get exactly the lines and message a fresh
/// memo would make for it, whatever the memo held before.
@Suite("Because cache: kept lines are the lines of the finding's own values")
struct BecauseCacheTests {
    /// Rules whose operands are strings, numbers (int and double), bools, lists of
    /// strings, objects and lists of objects, on every example plan.
    static let rules = """
        policy: p
        sets:
          approved: [US, CA, MX, PH, IN, NO, GB, IE, PL, PT]
        rules:
          - id: R-STRING
            for: location
            assert: location.country in approved
            message: "{{ location.city }} ({{ location.country }}) is not approved"
          - id: R-DOUBLE
            for: location
            assert: location.overlap_hours >= 12.0
            message: "{{ location.city }} overlaps by {{ location.overlap_hours }} h"
          - id: R-INT
            for: location
            assert: location.headcount < 2
          - id: R-BOOL
            for: location
            assert: location.offshore == location.domestic
          - id: R-LIST
            for: engagement
            assert: "['audit-rights', 'sla', 'iso27001'].all(c, c in engagement.controls)"
          - id: R-OBJECTS
            for: engagement
            assert: engagement.languages.all(l, l.code == 'xx') && engagement.provider.kind == 'none'
          - id: R-TWO
            for: location
            assert: location.country == company.country
        """

    /// Every finding of every rule, evaluated with one shared cache of `slotCount` slots,
    /// beside the lines a fresh cache makes for the same subject.
    static func compare(slotCount: Int) throws -> (findings: Int, differing: [String]) {
        let rules = try #require(loadRules(rules).rules)
        var findings = 0
        var differing: [String] = []
        for name in ["global-operations-2027", "support-expansion-2027", "rheinland-insurer-2027", "thames-bank-2027"] {
            let plan = try #require(PlanLoader(today: CivilDate(year: 2026, month: 11, day: 29)!)
                .load(path: repoPath("examples/plans/\(name).yaml")).plan)
            let subjects = PlanSubjects(plan)
            let programs = rules.programs.programs(rules.enabledRules, of: rules).map { $0.forPlan(plan.id) }
            var slots: [CELValue] = []
            for program in programs {
                var shared = RuleMemo(because: Explanation.Cache(slotCount: slotCount), messages: MessageMemo(slotCount: slotCount))
                for subject in subjects.all(program.rule.scope) {
                    var fresh = RuleMemo()
                    let kept = Evaluator.evaluate(program, subjects, subject, budget: 100_000, slots: &slots, memo: &shared)
                    let made = Evaluator.evaluate(program, subjects, subject, budget: 100_000, slots: &slots, memo: &fresh)
                    #expect((kept == nil) == (made == nil))
                    guard let kept, let made else { continue }
                    findings += 1
                    if utf8(kept.because) != utf8(made.because) {
                        differing.append("\(program.rule.id) \(kept.path ?? ""): \(kept.because) instead of \(made.because)")
                    }
                    if Array(kept.message.utf8) != Array(made.message.utf8) {
                        differing.append("\(program.rule.id) \(kept.path ?? ""): '\(kept.message)' instead of '\(made.message)'")
                    }
                }
            }
        }
        return (findings, differing)
    }

    @Test(arguments: [1, 2, 256])
    func aSharedCacheGivesTheLinesAFreshOneGives(slotCount: Int) throws {
        let (findings, differing) = try Self.compare(slotCount: slotCount)
        #expect(findings > 50, "the rules find something on the example plans: \(findings)")
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }

    /// Two texts that are canonically equivalent but spelled with other bytes (a
    /// precomposed ö, and o with a combining diaeresis) are different values: each
    /// finding shows its own bytes, not those of the first one cached.
    @Test func canonicallyEquivalentTextsAreShownAsWritten() throws {
        let composed = "Malm\u{F6}", decomposed = "Malmo\u{308}"
        let plan = try #require(loadPlan("""
            plan: p
            date: 2026-12-01
            company: { name: Acme, country: US, timezone: America/New_York }
            engagements:
              - id: e1
                provider: { name: P, kind: agency, country: SE }
                locations:
                  - { country: SE, city: "\(composed)", timezone: Europe/Stockholm, hours: "09:00-17:00", headcount: 10 }
                  - { country: SE, city: "\(decomposed)", timezone: Europe/Stockholm, hours: "09:00-17:00", headcount: 10 }
            """).plan)
        let rules = try #require(loadRules("""
            policy: p
            rules:
              - id: R-CITY
                for: location
                assert: location.city == 'Lund'
                message: "{{ location.city }} is not Lund"
            """).rules)
        let findings = Evaluator(rules: rules, options: EvaluationOptions(parallel: false)).check(plan)
        #expect(findings.count == 2)
        let shown = findings.compactMap { $0.because.first.map { Array($0.value.utf8) } }
        #expect(shown == [Array("\"\(composed)\" == \"Lund\"".utf8), Array("\"\(decomposed)\" == \"Lund\"".utf8)])
        #expect(findings.map { Array($0.message.utf8) } == [Array("\(composed) is not Lund".utf8), Array("\(decomposed) is not Lund".utf8)])
    }
}

/// A finding's lines as bytes: `String`'s `==` would let a line with a canonically
/// equivalent but differently written value pass for the finding's own.
private func utf8(_ lines: [Because]) -> [[UInt8]] {
    lines.flatMap { [Array($0.expression.utf8), Array($0.value.utf8)] }
}

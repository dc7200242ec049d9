import CEL
import Foundation
@testable import Policy
@testable import Reference
import Testing

/// Rule programs are planned once per rule set: checking another plan (or the same one
/// again) plans nothing, and only explaining builds traced plans, once.
@Suite("Compile once: programs are planned per rule set, tracing only for explain")
struct CompileOnceTests {
    static func plan(_ name: String) throws -> Plan {
        let loaded = PlanLoader(today: CivilDate(year: 2026, month: 11, day: 29)!)
            .load(path: repoPath("examples/plans/\(name).yaml"))
        return try #require(loaded.plan)
    }

    @Test func checkingMorePlansPlansNothingMore() throws {
        let counter = CELPlanCounter()
        try CELPlanCounter.$current.withValue(counter) {
            let rules = try #require(RuleLoader().load(paths: [repoPath("examples/rules")]).rules)
            let loaded = counter.plain
            #expect(loaded >= rules.rules.count, "every assert is planned when it is compiled")
            #expect(counter.traced == 0, "loading rules builds no traced plan")

            let evaluator = Evaluator(rules: rules, options: EvaluationOptions(parallel: false))
            let first = evaluator.check(try Self.plan("support-expansion-2027"))
            #expect(!first.isEmpty)
            #expect(first.contains { !$0.because.isEmpty })
            let afterFirstCheck = counter.plain

            let again = evaluator.check(try Self.plan("support-expansion-2027"))
            let other = evaluator.check(try Self.plan("global-operations-2027"))
            #expect(!other.isEmpty)
            #expect(again == first)
            #expect(counter.plain == afterFirstCheck, "a second and third plan plan no expression again")
            #expect(counter.traced == 0, "a check traces nothing")

            // A copy of the rule set with an override shares the programs.
            var overridden = rules
            for i in overridden.rules.indices { overridden.rules[i].severity = .info }
            let infos = Evaluator(rules: overridden, options: EvaluationOptions(parallel: false))
                .check(try Self.plan("support-expansion-2027"))
            #expect(infos.map(\.fingerprint) == first.map(\.fingerprint))
            #expect(infos.filter { $0.kind == .violation }.allSatisfy { $0.severity == .info })
            #expect(counter.plain == afterFirstCheck)
        }
    }

    @Test func explainTracesEachExpressionOnce() throws {
        let counter = CELPlanCounter()
        try CELPlanCounter.$current.withValue(counter) {
            let rules = try #require(RuleLoader().load(paths: [repoPath("examples/rules")]).rules)
            let plan = try Self.plan("support-expansion-2027")
            let rule = try #require(rules.rules.first { $0.scope == .location })
            let first = try Explainer.explain(ruleID: rule.id, in: rules, plan: plan).get()
            #expect(first.items.count > 1, "the rule is explained on several locations")
            let traced = counter.traced
            #expect(traced >= 1 && traced <= 2, "the assert (and `when`) traced: \(traced)")
            let planned = counter.plain
            _ = try Explainer.explain(ruleID: rule.id, in: rules, plan: plan).get()
            #expect(counter.traced == traced)
            #expect(counter.plain == planned)
        }
    }

    /// The "because" lines come from the checked assert's sub-programs: a comparison shows
    /// its two operands' values; an assert whose operand is not whole on its own
    /// (`!(…)` is recorded without its `)`) shows the fields it reads, as before.
    @Test func becauseLinesOfComparisonsAndOfNegatedOperands() throws {
        let rules = try #require(loadRules("""
            policy: p
            rules:
              - id: R-AND
                for: engagement
                assert: '!(engagement.provider.country in ["XX"]) && engagement.locations.all(l, l.country == "ZZ")'
              - id: R-IN
                for: location
                assert: 'location.country in ["ZZ", "YY"]'
            """).rules)
        let findings = Evaluator(rules: rules, options: EvaluationOptions(parallel: false))
            .check(try Self.plan("support-expansion-2027"))
        let and = try #require(findings.first { $0.rule == "R-AND" })
        #expect(and.because.map(\.expression) == ["engagement.provider", "engagement.locations"])
        let inSet = findings.filter { $0.rule == "R-IN" }
        #expect(inSet.count > 1)
        for finding in inSet {
            #expect(finding.because.map(\.expression) == ["location.country in [\"ZZ\", \"YY\"]"])
            #expect(finding.because.first?.value == "\"\(finding.country ?? "")\" in [\"ZZ\", \"YY\"]")
        }
    }
}

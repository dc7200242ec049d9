import CEL
@testable import Policy
import Testing

/// A check builds the engagements' CEL objects a block at a time and lets each block go
/// before the next: the objects it holds at once do not grow with the plan.
@Suite("Evaluation window: a check holds one block of engagement objects at a time")
struct EvaluationWindowTests {
    /// A plan of `count` engagements, each with two locations and a data item.
    static func planText(engagements count: Int) -> String {
        var text = """
        plan: many
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York, hours: "09:00-17:00" }
        engagements:

        """
        for i in 0..<count {
            text += """
              - id: e\(i)
                provider: { name: P\(i % 7), kind: agency, country: PH }
                locations:
                  - { country: PH, city: Manila, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 10 }
                  - { country: \(i % 2 == 0 ? "US" : "IN"), timezone: Asia/Kolkata, hours: "10:00-19:00", headcount: 5 }
                data:
                  - { name: records, classification: restricted, personal: true, subjects: [US] }

            """
        }
        return text
    }

    @Test func aCheckHoldsOneBlockOfEngagementObjects() throws {
        let rules = try #require(RuleLoader().load(paths: [repoPath("examples/rules")]).rules)
        let plan = try #require(loadPlan(Self.planText(engagements: 3 * Evaluator.blockSize + 17)).plan)
        let counter = EngagementObjectCounter()
        let findings = EngagementObjectCounter.$current.withValue(counter) {
            Evaluator(rules: rules, options: EvaluationOptions(parallel: false)).check(plan)
        }
        #expect(findings.count > plan.engagements.count, "the example rules find something on most engagements")
        #expect(counter.built == plan.engagements.count, "each engagement's object is built once")
        // One block, and the last object read before it, still in the thread's buffer of
        // variable values until the next evaluation refills it.
        #expect(counter.mostAlive <= Evaluator.blockSize + 1,
                "at most one block's objects at a time, not the plan's \(plan.engagements.count): \(counter.mostAlive)")
        #expect(counter.alive == 0, "every object is let go once its block is checked")
    }

    /// `plan.engagements` lists every engagement whichever block is being checked, and is
    /// built once for the whole check.
    @Test func planEngagementsIsWholeInEveryBlock() throws {
        let rules = try #require(loadRules("""
            policy: p
            rules:
              - id: EVERY
                for: location
                assert: plan.engagements.size() == 1
                message: "{{ plan.engagements.size() }} engagements"
              - id: SEEN
                for: engagement
                assert: plan.engagements.exists(e, e.id == engagement.id) && false
            """).rules)
        let count = 2 * Evaluator.blockSize + 5
        let plan = try #require(loadPlan(Self.planText(engagements: count)).plan)
        let counter = EngagementObjectCounter()
        let findings = EngagementObjectCounter.$current.withValue(counter) {
            Evaluator(rules: rules, options: EvaluationOptions(parallel: false)).check(plan)
        }
        let every = findings.filter { $0.rule == "EVERY" }
        #expect(every.count == 2 * count)
        #expect(every.allSatisfy { $0.message == "\(count) engagements" && $0.kind == .violation })
        let seen = findings.filter { $0.rule == "SEEN" }
        #expect(seen.count == count && seen.allSatisfy { $0.kind == .violation })
        #expect(counter.built == 2 * count, "the blocks' objects, and the whole list once")
    }
}

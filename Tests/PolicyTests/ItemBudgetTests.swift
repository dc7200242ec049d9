import Testing
@testable import Policy
@testable import Reference

/// A rule over the whole plan (or over one country's or provider's engagements) gets
/// budget for a pass over what it spans, so it is evaluated on a large plan instead of
/// becoming an `evaluation-error`; a loop inside a loop over the plan still runs out, and
/// a rule that runs per location keeps the base budget.
@Suite("Evaluation budget per item")
struct ItemBudgetTests {
    /// 1,000 engagements of one provider, one location each.
    static let plan: Plan = {
        let engagements = (0..<1_000).map { i in
            """
              - id: e\(i)
                provider: { name: One Provider, kind: agency, country: PH }
                locations: [{ country: PH, headcount: 2 }]
            """
        }
        let text = "plan: p\ndate: 2026-12-01\ncompany: { name: Acme, country: US, timezone: America/New_York }\nengagements:\n"
            + engagements.joined(separator: "\n")
        return loadPlan(text).plan!
    }()

    /// The kinds of the findings of one rule on `plan`, with a base budget of 1,000 steps.
    func kinds(_ scope: String, _ assert: String) throws -> [FindingKind] {
        try findingsOfOneRule(for: scope, assert: assert, on: Self.plan, budget: 1_000).map(\.kind)
    }

    @Test func aPlanRuleMayReadEveryEngagement() throws {
        #expect(try kinds("plan", "plan.engagements.all(e, e.headcount > 0)") == [])
        #expect(try kinds("plan", "plan.engagements.all(e, e.headcount > 2)") == [.violation])
    }

    @Test func aProviderRuleMayReadEachOfItsEngagements() throws {
        #expect(try kinds("provider", "provider.engagements.all(id, id.startsWith('e'))") == [])
    }

    @Test func aLoopInsideALoopOverThePlanStillRunsOut() throws {
        #expect(try kinds("plan", "plan.engagements.all(e, plan.engagements.all(f, f.headcount > 0))") == [.evaluationError])
    }

    @Test func aPerLocationSearchOfThePlanKeepsTheBaseBudget() throws {
        let found = try kinds("location", "plan.engagements.all(e, e.headcount > 0)")
        #expect(found.count == 1_000)
        #expect(found.allSatisfy { $0 == .evaluationError })
    }
}

import Testing
@testable import Policy

/// A plan of more than `Parallel.threshold` engagements is read in chunks on several
/// threads and the chunks are joined: the engagements must come out in plan order, each
/// once, and a problem in any chunk must be reported where it is, in file order.
@Suite("Large plans are read in order")
struct LargePlanModelTests {
    static func plan(engagements count: Int, unknownCountryAt bad: Set<Int> = []) -> String {
        var text = "plan: large\ndate: 2026-12-01\ncompany: { name: Acme, country: US, timezone: America/New_York }\nengagements:\n"
        for i in 0..<count {
            let country = bad.contains(i) ? "XX" : (i % 3 == 0 ? "PH" : "CO")
            text += "  - { id: e\(i), provider: { name: P\(i % 7) \(country), kind: agency, country: \(country) }, locations: [{ country: \(country), headcount: \(1 + i % 5) }] }\n"
        }
        return text
    }

    @Test func engagementsComeOutInPlanOrder() throws {
        let count = Parallel.threshold + 401
        let result = loadPlan(Self.plan(engagements: count))
        let plan = try #require(result.plan, "\(result.diagnostics.prefix(3))")
        #expect(plan.engagements.count == count)
        #expect(plan.engagements.map(\.id) == (0..<count).map { "e\($0)" })
        #expect(plan.engagements.map(\.index) == Array(0..<count))
        #expect(plan.engagements.map(\.place.span.start.line) == (0..<count).map { $0 + 5 })
        #expect(plan.providers.count == 14)
        #expect(plan.countries.map(\.code) == ["PH", "CO"])
    }

    @Test func problemsInEveryChunkAreReportedInFileOrder() {
        let count = Parallel.threshold + 401
        let bad: Set<Int> = [3, count / 2, count - 1]
        let result = loadPlan(Self.plan(engagements: count, unknownCountryAt: bad))
        let lines = result.diagnostics.compactMap { $0.location?.start.line }
        #expect(Set(lines) == Set(bad.map { $0 + 5 }), "\(result.diagnostics.prefix(5))")
        #expect(lines == lines.sorted())
    }
}

import Testing
@testable import Policy

/// A country's and a provider's lists (`engagements`, `controls`, `work_countries`,
/// `owners`) are made the first time a rule reads them (`Lazy`): what a rule reads must
/// be exactly the aggregate's lists, on every read.
@Suite("Country and provider lists")
struct AggregateListsTests {
    static let plan: Plan = loadPlan("""
        plan: p
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York }
        engagements:
          - id: e1
            provider: { name: One, kind: agency, country: PH, owners: [{ country: SG, share: 60 }] }
            locations: [{ country: PH, headcount: 2 }, { country: IN, headcount: 1 }]
            controls: [soc2, iso27001]
          - id: e2
            provider: { name: One, kind: agency, country: PH, owners: [{ country: SG, share: 60 }] }
            locations: [{ country: PH, headcount: 3 }]
            controls: [soc2, dpa]
          - id: e3
            provider: { name: Two, kind: contractor, country: IN }
            locations: [{ country: IN, headcount: 1 }]
        """).plan!

    /// The subjects of `scope` for which `assert` is false.
    func failing(_ scope: String, _ assert: String) throws -> [String] {
        try findingsOfOneRule(for: scope, assert: assert, on: Self.plan)
            .map { "\($0.kind.rawValue) \($0.provider ?? $0.country ?? "-")" }
    }

    @Test func aProviderReadsItsLists() throws {
        let lists = "provider.name == 'One' ? provider.engagements == ['e1', 'e2'] && provider.controls == ['soc2', 'iso27001', 'dpa'] && provider.work_countries == ['PH', 'IN'] && provider.owners.size() == 1 : provider.engagements == ['e3'] && provider.controls == [] && provider.owners == []"
        #expect(try failing("provider", lists) == [])
        // Read twice in one expression, the same lists.
        #expect(try failing("provider", "provider.engagements == provider.engagements && provider.engagements.size() > 0") == [])
        // A near miss: the order the engagements are written in.
        #expect(try failing("provider", "provider.name != 'One' || provider.engagements == ['e2', 'e1']") == ["violation One"])
    }

    @Test func aCountryReadsItsEngagements() throws {
        #expect(try failing("country", "country.code == 'PH' ? country.engagements == ['e1', 'e2'] : country.engagements == ['e1', 'e3']") == [])
        #expect(try failing("country", "country.code != 'IN' || country.engagements == ['e3']") == ["violation IN"])
    }
}

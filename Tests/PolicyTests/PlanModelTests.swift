import Testing
import Foundation
@testable import Policy
@testable import Reference
@testable import SourceText

/// The facts a compliance reviewer asks about: regions, home and territories, regimes,
/// owners and groups, subcontractors, financial-sector facts, currencies.
@Suite("Plan model: regions, territories, regimes, owners, subcontractors, currencies")
struct PlanModelTests {
    static func plan(company: String = "{ name: Acme, country: US, timezone: America/New_York }",
                     engagements: String) -> PlanLoadResult {
        loadPlan("plan: p\ndate: 2026-12-01\ncompany: \(company)\nengagements:\n\(engagements)")
    }

    // MARK: Home and territories

    /// Puerto Rico is home for a US company: domestic, not offshore, not a foreign
    /// country in the aggregates; the Philippines stays offshore.
    @Test func puertoRicoIsDomesticForAUSCompany() throws {
        let result = Self.plan(engagements: """
          - id: sj
            provider: { name: P, kind: agency, country: PR }
            locations:
              - { country: PR, timezone: America/Puerto_Rico, headcount: 10 }
          - id: mnl
            provider: { name: Q, kind: agency, country: PH }
            locations:
              - { country: PH, headcount: 10 }
        """)
        let plan = try #require(result.plan, "\(result.diagnostics)")
        let pr = plan.engagements[0].locations[0]
        #expect(pr.domestic && !pr.offshore)
        #expect(!plan.engagements[0].offshore)
        #expect(plan.engagements[0].model == .outsourced)
        #expect(plan.engagements[1].locations[0].offshore)
        #expect(plan.countries.map { "\($0.code) \($0.domestic)" } == ["PR true", "PH false"])
    }

    /// Réunion is home for a French company, Åland for a Finnish one; Hong Kong is not
    /// home for a Chinese one (its own legal regime).
    @Test(arguments: [("RE", "FR", true), ("AX", "FI", true), ("FO", "DK", true), ("HK", "CN", false), ("MO", "CN", false),
                      ("FR", "RE", true), ("GU", "FR", false), ("DE", "FR", false)])
    func homeIncludesDomesticTerritories(country: String, home: String, domestic: Bool) {
        #expect(Territories.isDomestic(country, home: home) == domestic)
    }

    // MARK: Regions

    @Test func aRegionIsCheckedAgainstItsCountry() throws {
        let result = Self.plan(engagements: """
          - id: e
            provider: { name: P, kind: agency, country: CN }
            locations:
              - { country: CN, region: CN-XJ, timezone: Asia/Urumqi, headcount: 5 }
              - { country: CN, region: xj, timezone: Asia/Shanghai, headcount: 5 }
              - { country: CN, region: UA-43, timezone: Asia/Shanghai, headcount: 5 }
              - { country: UA, region: Krym, timezone: Europe/Kyiv, headcount: 5 }
        """)
        #expect(codes(result.diagnostics) == ["plan.unknown-region@9:32", "plan.unknown-region@10:32", "plan.unknown-region@11:32"])
        #expect(result.diagnostics[0].message == "'xj' is not an ISO 3166-2 code; did you mean 'CN-XJ' (Xinjiang Uygur Zizhiqu)?")
        #expect(result.diagnostics[0].help == "write 'CN-XJ'")
        #expect(result.diagnostics[1].message == "'UA-43' is a region of UA, not of CN")
        #expect(result.diagnostics[2].help == "write 'UA-43'")
    }

    // MARK: Regimes

    @Test(arguments: [("DE", ["eu", "eea"]), ("NO", ["eea"]), ("GB", ["uk"]), ("US", ["us"]), ("PR", ["us"]),
                      ("RE", ["eu", "eea"]), ("JP", ["jp"]), ("CH", ["ch"])])
    func regimesDefaultToTheCountrys(country: String, regimes: [String]) {
        #expect(Regimes.defaults(for: country) == regimes)
    }

    /// An EU subsidiary of a US group adds `us`; a wrong id gets the fix.
    @Test func aPlanAddsRegimes() throws {
        let ok = Self.plan(company: "{ name: A, country: IE, regimes: [us, eu] }", engagements: """
          - id: e
            provider: { name: P, kind: agency, country: IN }
            locations: [{ country: IN, headcount: 1 }]
        """)
        #expect(try #require(ok.plan, "\(ok.diagnostics)").company.regimes == ["eu", "eea", "us"])
        let bad = Self.plan(company: "{ name: A, country: IE, regimes: [US, gb, mars] }", engagements: """
          - id: e
            provider: { name: P, kind: agency, country: IN }
            locations: [{ country: IN, headcount: 1 }]
        """)
        #expect(codes(bad.diagnostics) == ["plan.unknown-regime@3:44", "plan.unknown-regime@3:48", "plan.unknown-regime@3:52"])
        #expect(bad.diagnostics.map(\.help) == ["write 'us'", "write 'uk'", nil])
    }

    // MARK: Owners, groups, LEI

    @Test func ownersGroupsAndLEIsAreChecked() throws {
        let result = Self.plan(engagements: """
          - id: e1
            provider:
              name: P
              kind: agency
              country: AE
              owners: [{ country: RU, share: 60 }, { country: AE, share: 50 }]
              lei: HWUPKR0MPOU8FGXBT395
            locations: [{ country: AE, headcount: 1 }]
          - id: e2
            provider: { name: Q, kind: agency, country: AE, lei: HWUPKR0MPOU8FGXBT394, owners: [{ country: CY, share: 101 }] }
            locations: [{ country: AE, headcount: 1 }]
        """)
        #expect(codes(result.diagnostics) == ["plan.owner-shares-over-100@10:15", "plan.invalid-lei@11:12", "plan.invalid-share@14:111"])
        #expect(result.diagnostics[0].message == "the owners' shares add up to 110.0%, more than 100%")
        #expect(result.diagnostics[1].message.contains("check digits"))
    }

    /// Spend is also summed per group, so three subsidiaries of one group at 20% each
    /// show the group at 60%.
    @Test func groupsAggregateSpend() throws {
        let result = Self.plan(engagements: """
          - { id: a, provider: { name: A1, kind: agency, country: IN, group: G }, locations: [{ country: IN, headcount: 1 }], cost: { annual: 20, currency: USD } }
          - { id: b, provider: { name: A2, kind: agency, country: IN, group: G }, locations: [{ country: IN, headcount: 1 }], cost: { annual: 20, currency: USD } }
          - { id: c, provider: { name: B, kind: agency, country: IN }, locations: [{ country: IN, headcount: 1 }], cost: { annual: 60, currency: USD } }
        """)
        let plan = try #require(result.plan, "\(result.diagnostics)")
        #expect(plan.providers.map { "\($0.name) \($0.group) \($0.costShare) \($0.groupCostShare)" }
                == ["A1 G 0.2 0.4", "A2 G 0.2 0.4", "B B 0.6 0.6"])
    }

    // MARK: Subcontractors and financial facts

    @Test func subcontractorsAreReadAndTheirDataChecked() throws {
        let result = Self.plan(engagements: """
          - id: e
            provider: { name: P, kind: contractor, country: PL }
            locations: [{ country: PL, headcount: 3 }]
            data: [{ name: claims, classification: confidential, personal: true, storage_countries: [DE], records: 120000 }]
            subcontractors:
              - { name: S, country: BY, functions: [testing], data: [claims] }
              - { name: T, country: PR, region: PR-PR, data: [claim] }
            critical_or_important: true
            ict: true
            notified: { date: 2026-11-01, supervisor: Fed }
        """)
        #expect(codes(result.diagnostics) == ["plan.unknown-region@11:41", "plan.unknown-data-item@11:55"])
        #expect(result.diagnostics[1].message == "'claim' is not one of this engagement's data items (claims)")
        #expect(result.diagnostics[1].help == "write 'claims'")
        let fixed = Self.plan(engagements: """
          - id: e
            provider: { name: P, kind: contractor, country: PL }
            locations: [{ country: PL, headcount: 3 }]
            data: [{ name: claims, classification: confidential, personal: true, storage_countries: [DE], records: 120000 }]
            subcontractors:
              - { name: S, country: BY, functions: [testing], data: [claims] }
              - { name: T, country: PR }
            critical_or_important: true
            ict: true
            notified: { date: 2026-11-01, supervisor: Fed }
        """)
        let e = try #require(fixed.plan, "\(fixed.diagnostics)").engagements[0]
        #expect(e.subcontractors.map { "\($0.name) \($0.country) \($0.domestic) \($0.data)" } == ["S BY false [\"claims\"]", "T PR true []"])
        #expect(e.criticalOrImportant && e.ict && e.notified?.supervisor == "Fed")
        #expect(e.data[0].storageCountries == ["DE"] && e.data[0].records == 120_000 && !e.data[0].deidentified)
    }

    // MARK: Currencies

    /// 310M INR and 10M USD with reporting currency USD: the INR provider's share is its
    /// converted cost over the converted total (2025 ECB averages: 1 EUR = 1.13 USD =
    /// 98.5239 INR), not 310 / 320.
    @Test func sharesAreInTheReportingCurrency() throws {
        let result = Self.plan(company: "{ name: Acme, country: US, timezone: America/New_York, currency: USD }", engagements: """
          - { id: a, provider: { name: Bangalore Co, kind: agency, country: IN }, locations: [{ country: IN, headcount: 1 }], cost: { annual: 310000000, currency: INR } }
          - { id: b, provider: { name: Austin Co, kind: agency, country: US }, locations: [{ country: US, timezone: America/Chicago, headcount: 1 }], cost: { annual: 10000000, currency: USD } }
        """)
        let plan = try #require(result.plan, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty)
        let inrInUSD = 310_000_000 / 98.5239 * 1.13
        let expected = inrInUSD / (inrInUSD + 10_000_000)
        let share = try #require(plan.providers.first?.costShare)
        #expect(abs(share - expected) < 0.001)
        #expect(share > 0.25 && share < 0.27)
        #expect(abs((plan.engagements[0].cost?.converted ?? 0) - inrInUSD) < 1)
        #expect(plan.company.currency == "USD")
    }

    /// The plan's own rate wins over the built-in one.
    @Test func aPlansRatesAreLaidOverTheBuiltInOnes() throws {
        let result = Self.plan(company: "{ name: A, country: US, timezone: America/New_York, currency: USD, fx: { INR: 100, KES: 130 } }", engagements: """
          - { id: a, provider: { name: X, kind: agency, country: IN }, locations: [{ country: IN, headcount: 1 }], cost: { annual: 1000, currency: INR } }
          - { id: b, provider: { name: Y, kind: agency, country: KE }, locations: [{ country: KE, headcount: 1 }], cost: { annual: 1300, currency: KES } }
        """)
        let plan = try #require(result.plan, "\(result.diagnostics)")
        #expect(plan.engagements.map { $0.cost?.converted ?? -1 } == [10, 10])
    }

    /// An unknown currency, and one with no rate, are errors at the currency; nothing
    /// is summed silently.
    @Test func aCurrencyWithoutARateIsAnErrorAtItsPosition() throws {
        let result = Self.plan(company: "{ name: A, country: US, timezone: America/New_York, currency: USD }", engagements: """
          - { id: a, provider: { name: X, kind: agency, country: KE }, locations: [{ country: KE, headcount: 1 }], cost: { annual: 1, currency: KES } }
          - { id: b, provider: { name: Y, kind: agency, country: IN }, locations: [{ country: IN, headcount: 1 }], cost: { annual: 1, currency: inr } }
        """)
        #expect(result.plan == nil)
        #expect(codes(result.diagnostics) == ["plan.unknown-exchange-rate@5:137", "plan.unknown-currency@6:137"])
        #expect(result.diagnostics[0].help == "add the rate to the company: `fx: { KES: <KES per 1 USD> }` (or to shore.yaml's `fx:`)")
        #expect(result.diagnostics[1].help == "write 'INR'")
    }

    /// Without `company.currency`, mixed currencies are converted to the first cost's
    /// currency, with a warning that says so and how to choose.
    @Test func mixedCurrenciesWithoutAReportingCurrencyAreConvertedWithAWarning() throws {
        let result = Self.plan(engagements: """
          - { id: a, provider: { name: X, kind: agency, country: IN }, locations: [{ country: IN, headcount: 1 }], cost: { annual: 98.5239, currency: INR } }
          - { id: b, provider: { name: Y, kind: agency, country: DE }, locations: [{ country: DE, timezone: Europe/Berlin, headcount: 1 }], cost: { annual: 1, currency: EUR } }
        """)
        let plan = try #require(result.plan, "\(result.diagnostics)")
        #expect(codes(result.diagnostics) == ["plan.mixed-currencies@6:162"])
        #expect(result.diagnostics[0].message == "costs are given in INR and EUR; shares convert them to INR, the first cost's currency")
        #expect(plan.company.currency == "INR")
        #expect(abs((plan.engagements[1].cost?.converted ?? 0) - 98.5239) < 1e-9)
        #expect(abs((plan.providers.first?.costShare ?? 0) - 0.5) < 1e-9)
    }
}

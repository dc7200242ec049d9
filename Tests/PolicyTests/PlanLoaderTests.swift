import Testing
import Foundation
@testable import Policy
@testable import Reference
@testable import SourceText

@Suite("Plan loading and derived facts")
struct PlanLoaderTests {
    @Test func theSharedExampleLoadsWithItsDerivedFacts() throws {
        let result = PlanLoader().load(path: repoPath("examples/plans/support-expansion-2027.yaml"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = try #require(result.plan)
        #expect(plan.id == "support-expansion-2027")
        #expect(plan.date == CivilDate(year: 2026, month: 12, day: 1))
        #expect(plan.engagements.map(\.id) == ["tier1-support", "app-maintenance", "brand-design", "back-office", "data-labeling"])
        #expect(plan.engagements.map(\.model) == [.offshoreOutsourced, .offshoreOutsourced, .offshoreOutsourced, .offshoreCaptive, .offshoreOutsourced])
        let overlaps = plan.engagements.flatMap { $0.locations.map(\.overlapHours) }
        #expect(overlaps == [8.0, 0.0, 2.0, 8.0, 0.0])
        #expect(plan.engagements[2].provider.country == "NO")
        #expect(plan.engagements[0].data.map(\.level) == [3, 4])
        #expect(plan.engagements[3].languages.map(\.level.ordinal) == [7, 4])
        #expect(plan.countries.map(\.code) == ["PH", "IN", "NO", "MX", "KE"])
        let mexico = try #require(plan.countries.first { $0.code == "MX" })
        #expect(mexico.headcount == 70)
        #expect(abs(mexico.headcountShare - 70.0 / 166.0) < 1e-12)
        let captive = try #require(plan.providers.first { $0.name == "Acme Mexico" })
        #expect(abs(captive.costShare - 1_200_000 / 2_790_000) < 1e-12)
        #expect(plan.waivers.map(\.rule) == ["TZ-001", "QC-001"])
        #expect(plan.company.languages == ["en"])
    }

    @Test func everyCodeIsCheckedWithASuggestion() throws {
        let text = """
        plan: p
        date: 2026-13-01
        company: { name: Acme, country: UK, timezone: Europe/Londn, hours: "9-5" }
        engagements:
          - id: e1
            provider: { name: P, kind: agncy, country: EL }
            locations:
              - { country: PH, timezone: Asia/Manila, headcount: 10 }
            data:
              - { name: d, classification: secret }
            languages:
              - { code: eng, level: c1 }
        """
        let result = loadPlan(text)
        #expect(result.plan == nil)
        #expect(codes(result.diagnostics) == [
            "plan.invalid-date@2:7",
            "plan.unknown-country@3:33",
            "plan.unknown-timezone@3:47",
            "plan.invalid-hours@3:68",
            "plan.invalid-value@6:32",
            "plan.unknown-country@6:48",
            "plan.unknown-classification@10:36",
            "plan.unknown-language@12:17",
            "plan.unknown-cefr-level@12:29",
        ])
        let uk = try #require(result.diagnostics.first { $0.code == .planUnknownCountry })
        #expect(uk.help == "write 'GB'")
        #expect(result.diagnostics.first { $0.code == .planInvalidValue }?.help == "write 'agency'")
    }

    @Test func unknownAndDerivedKeysAndDuplicateIDs() throws {
        let text = """
        plan: p
        company: { name: Acme, country: US, timezone: America/New_York }
        engagements:
          - id: e1
            provider: { name: P, kind: agency, country: PH }
            locations:
              - { country: PH, timezone: Asia/Manila, hedcount: 10, offshore: true }
          - id: e1
            provider: { name: P, kind: agency, country: PH }
            locations: [{ country: PH, headcount: 1 }]
            attributes: { anything: goes, nested: { ok: 1 } }
        """
        let result = loadPlan(text)
        #expect(codes(result.diagnostics) == [
            "plan.missing-field@7:9",
            "plan.unknown-key@7:47",
            "plan.derived-field@7:61",
            "plan.duplicate-engagement@8:9",
        ])
        #expect(result.diagnostics[1].help == "did you mean 'headcount'?")
    }

    @Test func norwayUnquotedIsNorway() throws {
        let result = loadPlan(minimalPlan(company: "{ name: Acme, country: NO }"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.plan?.company.country == "NO")
        #expect(result.plan?.company.timezone == "Europe/Oslo")
        #expect(result.plan?.company.languages == ["no"])
    }

    @Test func wrongTypesEverywhere() throws {
        let text = """
        plan: [a]
        company: { name: Acme, country: 12, timezone: America/New_York }
        engagements:
          - id: e1
            customer_facing: yes
            markets: US
            provider: P
            locations:
              - { country: PH, timezone: Asia/Manila, headcount: many }
        """
        let result = loadPlan(text)
        #expect(codes(result.diagnostics) == [
            "plan.wrong-type@1:7",
            "plan.wrong-type@2:33",
            "plan.wrong-type@5:22",
            "plan.wrong-type@6:14",
            "plan.wrong-type@7:15",
            "plan.wrong-type@9:58",
        ])
        #expect(result.diagnostics[2].help?.contains("true or false") == true)
    }

    @Test func aCountryWithSeveralZonesNeedsATimezone() {
        let result = loadPlan(minimalPlan(company: "{ name: Acme, country: US }"))
        #expect(codes(result.diagnostics) == ["plan.missing-timezone@3:33"])
    }

    /// Cost shares add annual costs as numbers: two currencies are a warning (the plan is
    /// still checked), at the first cost in another currency; one currency is silent.
    @Test func costsInTwoCurrenciesAreAWarning() throws {
        let text = try String(contentsOfFile: repoPath("examples/plans/clean-eu-support.yaml"), encoding: .utf8)
        #expect(loadPlan(text).diagnostics.isEmpty)
        var lines = text.components(separatedBy: "\n")
        lines[42] = lines[42].replacingOccurrences(of: "currency: EUR", with: "currency: SEK")
        let mixed = loadPlan(lines.joined(separator: "\n"))
        #expect(codes(mixed.diagnostics) == ["plan.mixed-currencies@43:39"])
        #expect(mixed.diagnostics.first?.severity == .warning)
        #expect(mixed.diagnostics.first?.notes.first?.location?.start.line == 28)
        #expect(mixed.plan != nil)
    }
}

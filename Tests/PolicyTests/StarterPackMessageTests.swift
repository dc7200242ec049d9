import Testing
import Foundation
@testable import Policy
@testable import Reference

/// The starter pack's messages say exactly what is missing and show shares rounded, not truncated.
/// Rule tests (rules/*.test.yaml) pin which findings fire; these pin what the findings say.
@Suite("Starter pack messages")
struct StarterPackMessageTests {
    static func check(_ path: String) -> CheckReport {
        CheckRunner.run(CheckRequest(plans: [path], rules: BuiltinPack.sources,
                                     today: CivilDate(year: 2026, month: 12, day: 1)!))
    }

    /// Checks a plan given as YAML text (written to a temporary folder).
    static func check(planText: String) throws -> CheckReport {
        check(try temporaryFolder(["plan.yaml": planText]) + "/plan.yaml")
    }

    static func message(_ report: CheckReport, _ rule: String, engagement: String? = nil,
                        provider: String? = nil) -> String? {
        report.findings.first { f in
            f.rule == rule && (engagement == nil || f.engagement == engagement)
                && (provider == nil || f.message.contains(provider!))
        }?.message
    }

    @Test func transferMessagesNameOnlyWhatIsMissing() throws {
        let report = Self.check(repoPath("rules/fixtures/data-protection-triggers.yaml"))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        // SCCs signed, TIA missing: only the TIA is named.
        #expect(Self.message(report, "DATA-002", engagement: "eea-sccs-without-tia") ==
            "eea-sccs-without-tia would process personal data of EEA residents in India, which has no EU "
            + "adequacy decision, without a transfer impact assessment")
        #expect(Self.message(report, "DATA-002", engagement: "eea-in-india")?
            .hasSuffix("without SCCs or BCRs and a transfer impact assessment") == true)
        // EU SCCs and a TIA are there: only the UK tool is missing.
        #expect(Self.message(report, "DATA-004", engagement: "uk-with-eu-sccs")?
            .hasSuffix("which has no UK adequacy regulations, without the IDTA, UK Addendum or BCRs") == true)
        #expect(Self.message(report, "DATA-004", engagement: "uk-in-india")?
            .hasSuffix("without the IDTA, UK Addendum or BCRs and a transfer risk assessment") == true)
        #expect(Self.message(report, "DATA-003", engagement: "uk-in-us") ==
            "uk-in-us would process personal data of UK residents in the United States at a recipient not "
            + "shown to be certified under the Data Privacy Framework, without the IDTA or UK Addendum")
        #expect(Self.message(report, "DATA-009", engagement: "eea-in-us-sccs-no-tia")
            == "eea-in-us-sccs-no-tia relies on the partial adequacy of United States for personal data of EEA "
            + "residents without confirming the recipient is within the decision's scope and without a transfer "
            + "impact assessment")
        #expect(Self.message(report, "DATA-009", engagement: "uk-in-canada")?
            .contains("personal data of UK residents") == true)
    }

    /// Transfers follow the exporter's law: a German company sending its US customers' data to India.
    @Test func transfersFollowTheExportersLaw() throws {
        let plan = """
        plan: exporter
        date: 2026-12-01
        company: { name: Rhein Shop GmbH, country: DE, timezone: Europe/Berlin }
        engagements:
          - id: us-orders-india
            provider: { name: Pune Ops, kind: agency, country: IN }
            locations: [{ country: IN, city: Pune, headcount: 10 }]
            data: [{ name: US customer orders, classification: confidential, personal: true, subjects: [US] }]
            controls: [dpa, bcr]
        """
        let report = try Self.check(planText: plan)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(Self.message(report, "DATA-002", engagement: "us-orders-india") ==
            "us-orders-india would process personal data exported under the GDPR (the company is bound by EEA law) "
            + "in India, which has no EU adequacy decision, without a transfer impact assessment")
    }

    @Test func languageMessagesNameTheMissingLanguages() throws {
        let report = Self.check(repoPath("rules/fixtures/language-culture-triggers.yaml"))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(Self.message(report, "LANG-002", engagement: "support-ch-de") ==
            "support-ch-de does not cover every customer language at C1 or above: Switzerland (missing fr, it)")
        #expect(Self.message(report, "LANG-001", engagement: "support-ch-gsw") ==
            "support-ch-gsw speaks no customer language of Switzerland (de, fr, it) at C1 or above")
    }

    /// Shares are rounded, never truncated, and a share just above a limit shows enough
    /// decimals to be visibly above it (40.04%, not 40.0%).
    @Test(arguments: [
        (403, 597, 506_000, 494_000, "Philippines would hold 40.3% of all headcount (403 people), more than 40%",
         "Manila Contact Co would receive 50.6% of the spend, more than 50%"),
        (1001, 1499, 500_400, 499_600, "Philippines would hold 40.04% of all headcount (1001 people), more than 40%",
         "Manila Contact Co would receive 50.04% of the spend, more than 50%"),
    ])
    func concentrationSharesAreRoundedNotTruncated(
        offshore: Int, onshore: Int, offshoreCost: Int, onshoreCost: Int, headcountMessage: String, spendMessage: String
    ) throws {
        let plan = """
        plan: share-boundary
        date: 2026-12-01
        company: { name: Acme Corp, country: US, timezone: America/New_York }
        engagements:
          - id: manila-support
            provider: { name: Manila Contact Co, kind: agency, country: PH }
            locations: [{ country: PH, city: Manila, headcount: \(offshore) }]
            cost: { annual: \(offshoreCost), currency: USD }
          - id: onshore-support
            provider: { name: Ohio Staffing, kind: agency, country: US }
            locations: [{ country: US, city: Columbus, timezone: America/New_York, headcount: \(onshore) }]
            cost: { annual: \(onshoreCost), currency: USD }
        """
        let report = try Self.check(planText: plan)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(Self.message(report, "CONC-001") == headcountMessage)
        #expect(Self.message(report, "CONC-002") == spendMessage)
    }
}

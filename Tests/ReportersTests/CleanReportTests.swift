import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Policy
@testable import Reporters
import Testing

/// A plan with no findings: every format still says so sensibly.
@Suite("A clean report")
struct CleanReportTests {
    static let cleanPlan = """
        plan: clean
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York, hours: "09:00-17:00" }
        engagements:
          - id: brand-design
            provider: { name: Ingrid Solberg, kind: freelancer, country: NO }
            locations:
              - { country: NO, city: Oslo, timezone: Europe/Oslo, hours: "09:00-17:00", headcount: 1 }
            data:
              - { name: marketing assets, classification: public }
            languages:
              - { code: en, level: C2 }
            controls: [nda]
            cost: { annual: 60000, currency: USD }
          - id: onshore
            provider: { name: Boston Ops, kind: agency, country: US }
            locations:
              - { country: US, timezone: America/New_York, hours: "09:00-17:00", headcount: 10 }
            controls: [audit-rights, sla]
            cost: { annual: 60000, currency: USD }
        """

    @Test func everyFormatReportsNothingFailing() throws {
        let (report, directory) = try checkPlan(Self.cleanPlan)
        #expect(report.findings.isEmpty && report.diagnostics.isEmpty, "\(report.findings.map(\.rule)) \(report.diagnostics)")
        let options = testOptions(workingDirectory: directory)
        let text = ReportRenderer.render(report, as: .text, options: options)
        #expect(text.hasPrefix("rules: ") && text.hasSuffix("\n0 failing, 0 waived in 1 plan, 10 rules\n"), "\(text)")
        #expect(text.split(separator: "\n").count == 2)
        #expect(ReportRenderer.render(report, as: .github, options: options) == "")
        #expect(ReportRenderer.render(report, as: .markdown, options: options).contains("\nNo failing findings.\n"))
        let json = try jsonObject(ReportRenderer.render(report, as: .json, options: options))
        #expect((json["findings"] as? [Any])?.isEmpty == true)
        let sarif = try jsonObject(ReportRenderer.render(report, as: .sarif, options: options))
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
        let xml = try XMLDocument(data: Data(ReportRenderer.render(report, as: .junit, options: options).utf8), options: [])
        let suite = try #require(try xml.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "tests")?.stringValue == "10")
        #expect(suite.attribute(forName: "failures")?.stringValue == "0")
        #expect(try suite.nodes(forXPath: "testcase[not(*)]").count == 10)
    }
}

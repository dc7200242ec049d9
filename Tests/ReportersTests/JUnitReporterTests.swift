import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Policy
import Reporters
import Testing

@Suite("JUnit reporter")
struct JUnitReporterTests {
    static func parse(_ xml: String) throws -> XMLDocument {
        try XMLDocument(data: Data(xml.utf8), options: [])
    }

    static func attribute(_ node: XMLNode, _ name: String) -> String? {
        (node as? XMLElement)?.attribute(forName: name)?.stringValue
    }

    @Test func oneSuitePerPlanWithTheRightCounts() throws {
        let report = exampleReport()
        let document = try Self.parse(ReportRenderer.render(report, as: .junit, options: testOptions()))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        #expect(suites.count == 1)
        let suite = try #require(suites.first)
        #expect(Self.attribute(suite, "name") == "support-expansion-2027")
        // 10 findings + one passing case for each of the 3 enabled rules without findings.
        #expect(Self.attribute(suite, "tests") == "13")
        #expect(Self.attribute(suite, "failures") == "9")
        #expect(Self.attribute(suite, "skipped") == "1")
        #expect(Self.attribute(suite, "errors") == "0")
        let cases = try suite.nodes(forXPath: "testcase")
        #expect(cases.count == 13)
        #expect(try suite.nodes(forXPath: "testcase/failure").count == 9)
        #expect(try suite.nodes(forXPath: "testcase/skipped").count == 1)
        let passing = try suite.nodes(forXPath: "testcase[not(*)]").compactMap { Self.attribute($0, "classname") }
        let rulesWithFindings = Set(report.findings.map(\.rule))
        let expectedPassing = (report.rules?.enabledRules ?? []).map(\.id).filter { !rulesWithFindings.contains($0) }
        #expect(passing == expectedPassing)
        let failure = try #require(try suite.nodes(forXPath: "testcase[@classname='DATA-001']/failure").first)
        #expect(Self.attribute(failure, "type") == "error")
        #expect(Self.attribute(failure, "message") == "restricted data would be processed in Philippines")
        #expect(failure.stringValue?.contains("--> examples/plans/support-expansion-2027.yaml:18:20") == true)
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "13")
    }

    @Test func inputErrorsFormTheirOwnSuite() throws {
        let (report, directory) = try checkPlan(badCountryPlan)
        let document = try Self.parse(ReportRenderer.render(report, as: .junit, options: testOptions(workingDirectory: directory)))
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite[@name='shore: input']").first)
        #expect(Self.attribute(suite, "errors") == "1")
        let error = try #require(try suite.nodes(forXPath: "testcase/error").first)
        #expect(Self.attribute(error, "type") == "plan.unknown-country")
    }

    @Test func twoPlansGiveTwoSuitesAndTheTotals() throws {
        let clean = try writeTemporary(CleanReportTests.cleanPlan, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(atPath: clean) }
        let report = CheckRunner.run(CheckRequest(
            plans: [repoPath("examples/plans/support-expansion-2027.yaml"), clean],
            rules: RuleFiles.find(under: [repoPath("examples/rules")]).map(RuleSource.file),
            today: fixedToday))
        let document = try Self.parse(ReportRenderer.render(report, as: .junit, options: testOptions()))
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        #expect(suites.compactMap { Self.attribute($0, "name") } == ["support-expansion-2027", "clean"])
        #expect(suites.compactMap { Self.attribute($0, "tests") } == ["13", "10"])
        #expect(suites.compactMap { Self.attribute($0, "failures") } == ["9", "0"])
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "23")
        #expect(root.attribute(forName: "failures")?.stringValue == "9")
        let text = ReportRenderer.render(report, as: .text, options: testOptions())
        #expect(text.hasSuffix("9 failing (7 errors, 2 warnings), 1 waived in 2 plans, 10 rules\n"))
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Policy
@testable import Reporters
@testable import SourceText
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
        // The 2 warnings are below --fail-on error: skipped, not failed.
        #expect(Self.attribute(suite, "failures") == "7")
        #expect(Self.attribute(suite, "skipped") == "3")
        #expect(Self.attribute(suite, "errors") == "0")
        let cases = try suite.nodes(forXPath: "testcase")
        #expect(cases.count == 13)
        #expect(try suite.nodes(forXPath: "testcase/failure").count == 7)
        #expect(try suite.nodes(forXPath: "testcase/skipped").count == 3)
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
        #expect(suites.compactMap { Self.attribute($0, "failures") } == ["7", "0"])
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "tests")?.stringValue == "23")
        #expect(root.attribute(forName: "failures")?.stringValue == "7")
        let text = ReportRenderer.render(report, as: .text, options: testOptions())
        #expect(text.hasSuffix("9 failing (7 errors, 2 warnings), 1 waived in 2 plans, 10 rules\n"))
    }

    /// A finding below `--fail-on` does not fail the JUnit run (the gate passes), but
    /// stays visible: a skipped case saying why, with the details in `system-out`.
    @Test(arguments: [(Severity?.some(.error), 7, 3), (.some(.warning), 9, 1), (.some(.info), 9, 1), (nil, 0, 10)])
    func findingsBelowTheGateAreSkippedNotFailed(_ failOn: Severity?, _ failures: Int, _ skipped: Int) throws {
        let report = CheckRunner.run(CheckRequest(
            plans: [repoPath("examples/plans/support-expansion-2027.yaml")],
            rules: RuleFiles.find(under: [repoPath("examples/rules")]).map(RuleSource.file),
            failOn: failOn, today: fixedToday))
        let document = try Self.parse(ReportRenderer.render(report, as: .junit, options: testOptions()))
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "failures")?.stringValue == String(failures))
        #expect(root.attribute(forName: "skipped")?.stringValue == String(skipped))
        #expect(try document.nodes(forXPath: "//testcase/failure").count == failures)
        let belowGate = try document.nodes(forXPath: "//testcase[system-out]")
        #expect(belowGate.count == 9 - failures)
        for node in belowGate {
            let skip = try #require(try node.nodes(forXPath: "skipped").first)
            let message = try #require(Self.attribute(skip, "message"))
            #expect(message.contains(failOn.map { "below --fail-on \($0.rawValue)" } ?? "--fail-on none"), "\(message)")
            let out = try #require(try node.nodes(forXPath: "system-out").first?.stringValue)
            #expect(out.contains("  --> examples/plans/support-expansion-2027.yaml:"))
        }
    }
}

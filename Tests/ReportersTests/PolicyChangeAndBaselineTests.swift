import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Policy
@testable import Reporters
@testable import SourceText
import Testing

/// A run's policy changes (`shore.yaml` overrides) and baseline counts are in every
/// format, so neither a weakened policy nor a baseline can hide findings silently.
@Suite("Policy changes and baseline counts in every format")
struct PolicyChangeAndBaselineTests {
    /// The example with DATA-001 lowered to info and COUNTRY-002 switched off.
    static func overriddenReport() -> CheckReport {
        CheckRunner.run(CheckRequest(
            plans: [repoPath("examples/plans/support-expansion-2027.yaml")],
            rules: RuleFiles.find(under: [repoPath("examples/rules")]).map(RuleSource.file),
            overrides: ["DATA-001": RuleOverride(severity: .info), "COUNTRY-002": RuleOverride(enabled: false)],
            today: fixedToday))
    }

    static func render(_ report: CheckReport, _ format: OutputFormat) -> String {
        ReportRenderer.render(report, as: format, options: testOptions())
    }

    @Test func theRunRecordsTheChanges() {
        let changes = Self.overriddenReport().policyChanges
        #expect(changes.map(\.summary) == ["COUNTRY-002: disabled", "DATA-001: severity error → info"])
        #expect(exampleReport().policyChanges.isEmpty)
    }

    @Test func textListsTheChangesBeforeTheSummary() {
        let text = Self.render(Self.overriddenReport(), .text)
        #expect(text.contains("\npolicy changes: shore.yaml overrides 2 rules: COUNTRY-002: disabled; DATA-001: severity error → info\n"))
        #expect(!Self.render(exampleReport(), .text).contains("policy changes"))
    }

    @Test func jsonSummaryListsTheOverrides() throws {
        let object = try jsonObject(Self.render(Self.overriddenReport(), .json))
        let overrides = try #require((object["summary"] as? [String: Any])?["overrides"] as? [[String: Any]])
        #expect(overrides.compactMap { $0["rule"] as? String } == ["COUNTRY-002", "DATA-001"])
        #expect(overrides[0]["enabled"] as? Bool == false && overrides[0]["declared_enabled"] as? Bool == true)
        #expect(overrides[1]["severity"] as? String == "info" && overrides[1]["declared_severity"] as? String == "error")
        #expect(overrides[1]["change"] as? String == "severity error → info")
    }

    @Test func sarifInvocationCarriesRuleConfigurationOverrides() throws {
        let sarif = Self.render(Self.overriddenReport(), .sarif)
        let object = try jsonObject(sarif)
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let overrides = try #require(invocation["ruleConfigurationOverrides"] as? [[String: Any]])
        #expect(overrides.count == 2)
        let data = try #require(overrides.first { ($0["descriptor"] as? [String: Any])?["id"] as? String == "DATA-001" })
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let index = try #require((data["descriptor"] as? [String: Any])?["index"] as? Int)
        #expect(rules[index]["id"] as? String == "DATA-001")
        #expect((data["configuration"] as? [String: Any])?["level"] as? String == "note")
        let off = try #require(overrides.first { ($0["descriptor"] as? [String: Any])?["id"] as? String == "COUNTRY-002" })
        #expect((off["configuration"] as? [String: Any])?["enabled"] as? Bool == false)
    }

    @Test func junitGithubAndMarkdownNameTheChanges() throws {
        let report = Self.overriddenReport()
        let document = try XMLDocument(data: Data(Self.render(report, .junit).utf8), options: [])
        let property = try #require(try document.nodes(forXPath: "//property[@name='shore.override.DATA-001']").first as? XMLElement)
        #expect(property.attribute(forName: "value")?.stringValue == "severity error → info")
        let github = Self.render(report, .github)
        #expect(github.contains("::notice title=Policy change::DATA-001: severity error → info (shore.yaml)\n"))
        #expect(github.contains("::notice title=Policy change::COUNTRY-002: disabled (shore.yaml)\n"))
        let markdown = Self.render(report, .markdown)
        #expect(markdown.contains("\n### Policy changes\n\nshore.yaml overrides 2 rules:\n\n- COUNTRY-002: disabled\n- DATA-001: severity error → info\n"))
    }

    @Test(arguments: ReviewReport.formats.formats)
    func theReviewHasAPolicyChangesSection(_ format: OutputFormat) throws {
        let report = Self.overriddenReport()
        let review = ReviewReport.build(report, plan: try #require(report.plans.first), baseDirectory: repositoryRoot)
        #expect(review.policyChanges.count == 2)
        let text = review.render(as: format)
        #expect(text.contains(format == .text ? "POLICY CHANGES" : "Policy changes"))
        #expect(text.contains("COUNTRY-002"))
        #expect(text.contains("severity error → info"))
        let plain = ReviewReport.build(exampleReport(), plan: try #require(exampleReport().plans.first), baseDirectory: repositoryRoot)
        #expect(!plain.render(as: format).contains("olicy changes"))
    }

    // MARK: Baseline

    /// The example against a baseline that knows every finding but the first two,
    /// one finding since fixed, and one of a plan not checked now (not counted).
    static func baselineReport() -> CheckReport {
        let report = exampleReport()
        let known = report.findings.dropFirst(2).map(\.fingerprint)
        let fixed = BaselineFinding(fingerprint: "gone", rule: "DATA-002", message: "old | problem", plan: "support-expansion-2027",
                                    file: "examples/plans/support-expansion-2027.yaml", line: 12)
        let elsewhere = BaselineFinding(fingerprint: "other", rule: "DATA-002", message: "x", plan: "another-plan", file: nil, line: nil)
        return Baseline(fingerprints: Set(known + ["gone", "other"]), findings: [fixed, elsewhere]).filter(report)
    }

    @Test func theComparisonCountsNewKnownAndFixed() throws {
        let comparison = try #require(Self.baselineReport().baseline)
        #expect(comparison.new == 2)
        #expect(comparison.known == 8)
        #expect(comparison.fixed.map(\.fingerprint) == ["gone"])
    }

    @Test func textAndJSONSummariesCarryTheCounts() throws {
        let report = Self.baselineReport()
        #expect(Self.render(report, .text).hasSuffix("; baseline: 2 new, 8 known, 1 fixed\n"))
        let summary = try #require(try jsonObject(Self.render(report, .json))["summary"] as? [String: Any])
        let baseline = try #require(summary["baseline"] as? [String: Any])
        #expect(baseline["new"] as? Int == 2 && baseline["known"] as? Int == 8 && baseline["fixed"] as? Int == 1)
        #expect((baseline["fixed_findings"] as? [[String: Any]])?.first?["rule"] as? String == "DATA-002")
        let plain = try #require(try jsonObject(Self.render(exampleReport(), .json))["summary"] as? [String: Any])
        #expect(plain["baseline"] is NSNull)
    }

    @Test func sarifMarksEveryResultNew() throws {
        let sarif = Self.render(Self.baselineReport(), .sarif)
        let run = try #require((try jsonObject(sarif)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0["baselineState"] as? String == "new" })
        let baseline = try #require((run["properties"] as? [String: Any])?["baseline"] as? [String: Any])
        #expect(baseline["known"] as? Int == 8)
        #expect(!Self.render(exampleReport(), .sarif).contains("baselineState"))
    }

    /// Both SARIF documents validate against the OASIS schema (a skip is reported when
    /// python3 with jsonschema is missing).
    @Test(.enabled(if: runsSchemaChecks, "python3 with the jsonschema package is not installed; SARIF schema validation skipped"),
          arguments: ["overrides", "baseline"])
    func sarifWithOverridesAndBaselineValidates(_ which: String) throws {
        let report = which == "overrides" ? Self.overriddenReport() : Self.baselineReport()
        let result = try SARIFReporterTests.validate(Self.render(report, .sarif))
        #expect(result.status == 0, "\(result.output)")
    }

    /// A run that reports `run.timeout` after the baseline filter keeps the baseline
    /// counts and the overrides: the timeout adds a diagnostic, nothing else changes.
    @Test func aTimeoutKeepsTheBaselineCountsAndOverrides() throws {
        var report = Self.baselineReport()
        report = report.checkingDeadline(.now - .seconds(1), stage: "baseline")
        #expect(report.diagnostics.map(\.code) == [.runTimeout])
        #expect(report.baseline?.known == 8 && report.baseline?.fixed.count == 1)
        let overridden = Self.overriddenReport().checkingDeadline(.now - .seconds(1), stage: "check")
        #expect(overridden.policyChanges.count == 2)
    }

    @Test func markdownHasNewAndFixedSections() {
        let markdown = Self.render(Self.baselineReport(), .markdown)
        #expect(markdown.contains("; baseline: 2 new, 8 known, 1 fixed**\n"))
        #expect(markdown.contains("\n### New since baseline\n\n| Severity |"))
        #expect(markdown.contains("\n### Fixed since baseline\n\n| Rule | Message | Where |\n| --- | --- | --- |\n"
            + "| DATA-002 | old \\| problem | examples/plans/support-expansion-2027.yaml:12 |\n"))
        #expect(!Self.render(exampleReport(), .markdown).contains("baseline"))
    }

    @Test func junitAndGithubCarryTheCounts() throws {
        let report = Self.baselineReport()
        let document = try XMLDocument(data: Data(Self.render(report, .junit).utf8), options: [])
        let known = try #require(try document.nodes(forXPath: "//property[@name='shore.baseline.known']").first as? XMLElement)
        #expect(known.attribute(forName: "value")?.stringValue == "8")
        #expect(Self.render(report, .github).hasSuffix("::notice title=Baseline::2 new, 8 known, 1 fixed\n"))
    }
}

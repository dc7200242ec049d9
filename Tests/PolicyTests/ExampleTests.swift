import Testing
@testable import Policy
@testable import Reference
@testable import SourceText
@testable import YAML

/// The shared example must produce exactly the findings in examples/expected.
@Suite("The shared example")
struct ExampleTests {
    struct Expected: Hashable, CustomStringConvertible {
        let rule: String, severity: String, engagement: String?, country: String?, status: String, kind: String
        var description: String { "\(rule) \(severity) \(engagement ?? "-") \(country ?? "-") \(status) \(kind)" }
    }

    static func expectedFindings() throws -> (exitCode: Int64, findings: [Expected]) {
        let loaded = YAMLLoader().load(path: repoPath("examples/expected/support-expansion-2027.yaml"))
        let root = try #require(loaded.document?.root)
        let findings = try #require(root["findings"]).items.map { item in
            Expected(rule: item["rule"]?.scalar ?? "", severity: item["severity"]?.scalar ?? "",
                     engagement: item["engagement"]?.scalar, country: item["country"]?.scalar,
                     status: item["status"]?.scalar ?? "", kind: item["kind"]?.scalar ?? "violation")
        }
        return (try #require(root["exit_code"]?.int), findings)
    }

    static func run() -> CheckReport {
        CheckRunner.run(CheckRequest(
            plans: [repoPath("examples/plans/support-expansion-2027.yaml")],
            rules: RuleFiles.find(under: [repoPath("examples/rules")]).map(RuleSource.file),
            today: CivilDate(year: 2026, month: 11, day: 29)!))
    }

    @Test func findingsMatchExactly() throws {
        let report = Self.run()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let actual = report.findings.map { f in
            Expected(rule: f.rule, severity: f.severity.rawValue, engagement: f.engagement, country: f.country,
                     status: f.status.rawValue, kind: f.kind.rawValue)
        }
        let expected = try Self.expectedFindings()
        #expect(actual.sorted { $0.description < $1.description } == expected.findings.sorted { $0.description < $1.description })
        #expect(Int64(report.exitCode) == expected.exitCode)
        let summary = report.summary
        #expect(summary.failing == 9)
        #expect(summary.waived == 1)
        #expect(summary.bySeverity[.error] == 7)
        #expect(summary.bySeverity[.warning] == 2)
    }

    @Test func findingsPointAtTheFieldAndExplainTheAssert() throws {
        let report = Self.run()
        let data001 = try #require(report.findings.first { $0.rule == "DATA-001" })
        #expect(data001.message == "restricted data would be processed in Philippines")
        #expect(data001.location?.start == SourcePosition(line: 18, column: 20))
        #expect(data001.path == "engagements[0].locations[0]")
        #expect(data001.because == [Because(expression: "location.country == company.country", value: "\"PH\" == \"US\"")])
        let qc = try #require(report.findings.first { $0.rule == "QC-001" && $0.engagement == "data-labeling" })
        #expect(qc.message == "data-labeling lacks audit-rights")
        #expect(qc.location?.start == SourcePosition(line: 84, column: 15))
        let conc = try #require(report.findings.first { $0.rule == "CONC-001" })
        #expect(conc.message == "Mexico would hold 42% of all headcount")
        let tz = try #require(report.findings.first { $0.rule == "TZ-001" && $0.status == .failing })
        #expect(tz.message == "Nairobi overlaps the company's business day by 0.0 h")
        let waived = try #require(report.findings.first { $0.status == .waived })
        #expect(waived.waiver?.approvedBy == "VP Engineering")
    }
}

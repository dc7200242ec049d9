import Foundation
@testable import Policy
@testable import Reporters
import SourceText
import Testing
@testable import YAML

@Suite("JSON reporter")
struct JSONReporterTests {
    struct Row: Hashable, CustomStringConvertible {
        let rule: String, severity: String, engagement: String?, country: String?, status: String, kind: String
        var description: String { "\(rule) \(severity) \(engagement ?? "-") \(country ?? "-") \(status) \(kind)" }
    }

    static let findingKeys = ["rule", "severity", "status", "kind", "message", "plan", "file", "line", "column", "path",
                              "engagement", "country", "provider", "remediation", "waiver", "fingerprint", "because"]

    @Test func severitiesAndKindsAreWrittenAsTheirContractNames() {
        for severity in Severity.allCases {
            #expect(JSONReporter.quoted(severity).description == JSONText.quote(severity.rawValue))
        }
        for kind in FindingKind.allCases {
            #expect(JSONReporter.quoted(kind).description == JSONText.quote(kind.rawValue))
        }
    }

    @Test func exampleMatchesTheExpectedFindingsAsData() throws {
        let object = try jsonObject(ReportRenderer.render(exampleReport(), as: .json, options: testOptions()))
        #expect(object["version"] as? Int == 1)
        let findings = try #require(object["findings"] as? [[String: Any]])
        let actual = findings.map { f in
            Row(rule: f["rule"] as? String ?? "", severity: f["severity"] as? String ?? "",
                engagement: f["engagement"] as? String, country: f["country"] as? String,
                status: f["status"] as? String ?? "", kind: f["kind"] as? String ?? "")
        }
        let loaded = YAMLLoader().load(path: repoPath("examples/expected/support-expansion-2027.yaml"))
        let root = try #require(loaded.document?.root)
        let expected = try #require(root["findings"]).items.map { item in
            Row(rule: item["rule"]?.scalar ?? "", severity: item["severity"]?.scalar ?? "",
                engagement: item["engagement"]?.scalar, country: item["country"]?.scalar,
                status: item["status"]?.scalar ?? "", kind: item["kind"]?.scalar ?? "violation")
        }
        #expect(actual.sorted { $0.description < $1.description } == expected.sorted { $0.description < $1.description })

        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["plans"] as? Int == 1)
        #expect(summary["rules"] as? Int == 10)
        #expect(summary["failing"] as? Int == 9)
        #expect(summary["waived"] as? Int == 1)
        #expect(summary["by_severity"] as? [String: Int] == ["error": 7, "warning": 2, "info": 0])
        #expect((object["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func everyFindingHasEveryKeyWithNullForAbsentValues() throws {
        let text = ReportRenderer.render(exampleReport(), as: .json, options: testOptions())
        let findings = try #require(try jsonObject(text)["findings"] as? [[String: Any]])
        for finding in findings {
            #expect(Set(finding.keys) == Set(Self.findingKeys))
        }
        let conc = try #require(findings.first { $0["rule"] as? String == "CONC-001" })
        #expect(conc["engagement"] is NSNull)
        #expect(conc["provider"] is NSNull)
        #expect(conc["waiver"] is NSNull)
        #expect(conc["file"] as? String == "examples/plans/support-expansion-2027.yaml")
        #expect(conc["line"] as? Int == 64)
        #expect(conc["column"] as? Int == 9)
        let data001 = try #require(findings.first { $0["rule"] as? String == "DATA-001" })
        let because = try #require(data001["because"] as? [[String: String]])
        #expect(because == [["expression": "location.country == company.country", "value": "\"PH\" == \"US\""]])
        let waived = try #require(findings.first { $0["status"] as? String == "waived" })
        let waiver = try #require(waived["waiver"] as? [String: Any])
        #expect(waiver["approved_by"] as? String == "VP Engineering")
        #expect(waiver["ticket"] as? String == "ENG-2211")
        #expect(waiver["expires"] as? String == "2027-03-31")
        #expect(waiver["line"] as? Int == 90)
        #expect(Set(waiver.keys) == ["reason", "approved_by", "ticket", "expires", "file", "line"])
    }

    @Test func keysAreWrittenInTheContractOrder() throws {
        let text = ReportRenderer.render(exampleReport(), as: .json, options: testOptions())
        let top = ["\"version\"", "\"summary\"", "\"findings\"", "\"errors\""].compactMap { text.range(of: $0)?.lowerBound }
        #expect(top.count == 4 && top == top.sorted())
        let first = try #require(text.range(of: "\"rule\"")).lowerBound
        let positions = Self.findingKeys.compactMap { text.range(of: "\"\($0)\"", range: first..<text.endIndex)?.lowerBound }
        #expect(positions.count == Self.findingKeys.count && positions == positions.sorted())
    }

    @Test func inputErrorsFillTheErrorsList() throws {
        let (report, directory) = try checkPlan(badCountryPlan)
        #expect(report.hasInputErrors)
        let object = try jsonObject(ReportRenderer.render(report, as: .json, options: testOptions(workingDirectory: directory)))
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        let errors = try #require(object["errors"] as? [[String: Any]])
        let error = try #require(errors.first { $0["code"] as? String == "plan.unknown-country" })
        #expect(error["file"] as? String == "plan.yaml")
        #expect(error["line"] as? Int == 6)
        #expect(error["column"] as? Int == 49)
        #expect(error["severity"] as? String == "error")
        #expect((error["message"] as? String)?.contains("'UK'") == true)
        #expect(error["help"] as? String != nil)
    }
}

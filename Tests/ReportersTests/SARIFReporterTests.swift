import Foundation
@testable import Policy
@testable import Reporters
import Testing

@Suite("SARIF reporter")
struct SARIFReporterTests {
    static let schema = repoPath("Tests/ReportersTests/Schemas/sarif-schema-2.1.0.json")

    /// Validates `sarif` with Python's jsonschema (Draft 4, as the schema declares);
    /// returns the validator's status and its list of errors.
    static func validate(_ sarif: String) throws -> (status: Int32, output: String) {
        let file = try writeTemporary(sarif, suffix: ".sarif")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            document = json.load(open(sys.argv[2], encoding="utf-8"))
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(document), key=lambda e: list(e.path))
            for e in errors: print("/".join(map(str, e.path)), e.message)
            sys.exit(1 if errors else 0)
            """
        return try #require(runPython(["-c", script, schema, file]))
    }

    @Test(.enabled(if: runsSchemaChecks, "python3 with the jsonschema package is not installed; SARIF schema validation skipped"))
    func exampleValidatesAgainstTheSARIFSchema() throws {
        let result = try Self.validate(ReportRenderer.render(exampleReport(), as: .sarif, options: testOptions()))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: runsSchemaChecks, "python3 with the jsonschema package is not installed; SARIF schema validation skipped"))
    func inputErrorsAndHostileTextValidateToo() throws {
        for plan in [badCountryPlan, EscapingTests.hostilePlan] {
            let (report, directory) = try checkPlan(plan)
            let result = try Self.validate(ReportRenderer.render(report, as: .sarif, options: testOptions(workingDirectory: directory)))
            #expect(result.status == 0, "\(result.output)")
        }
    }

    @Test func resultsPointAtRulesLocationsAndFingerprints() throws {
        let report = exampleReport()
        let object = try jsonObject(ReportRenderer.render(report, as: .sarif, options: testOptions()))
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Shore")
        #expect(driver["version"] as? String == "1.2.3")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 10)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count)
        for (result, finding) in zip(results, report.findings) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == finding.rule)
            #expect(result["ruleId"] as? String == finding.rule)
            let fingerprints = result["partialFingerprints"] as? [String: String]
            #expect(fingerprints == ["shore/v1": finding.fingerprint])
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "examples/plans/support-expansion-2027.yaml")
            let region = try #require(location["region"] as? [String: Int])
            #expect(region["startLine"] == finding.location?.start.line)
            #expect(region["startColumn"] == finding.location?.start.column)
            let suppressions = result["suppressions"] as? [[String: Any]]
            if finding.isFailing {
                #expect(suppressions == nil)
            } else {
                #expect(suppressions?.first?["kind"] as? String == "external")
                #expect(suppressions?.first?["justification"] as? String == finding.waiver?.reason)
            }
        }
        let data001 = try #require(results.first { $0["ruleId"] as? String == "DATA-001" })
        #expect(data001["level"] as? String == "error")
        let properties = try #require(data001["properties"] as? [String: Any])
        #expect(properties["engagement"] as? String == "tier1-support")
        #expect(properties["country"] as? String == "PH")
        #expect(properties["kind"] as? String == "violation")
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
    }

    @Test func inputErrorsBecomeNotificationsAndAFailedExecution() throws {
        let (report, directory) = try checkPlan(badCountryPlan)
        let object = try jsonObject(ReportRenderer.render(report, as: .sarif, options: testOptions(workingDirectory: directory)))
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        let first = try #require(notifications.first)
        #expect((first["descriptor"] as? [String: String])?["id"] == "plan.unknown-country")
        #expect(first["level"] as? String == "error")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "plan.yaml")
        #expect((location["region"] as? [String: Int])?["startLine"] == 6)
    }

    @Test func absolutePathsBecomeFileURIs() throws {
        let options = ReportOptions(colored: false, toolVersion: "1.2.3", workingDirectory: nil)
        let object = try jsonObject(ReportRenderer.render(exampleReport(), as: .sarif, options: options))
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
        #expect(uri.hasPrefix("file:///"))
        #expect(uri.hasSuffix("/examples/plans/support-expansion-2027.yaml"))
    }
}

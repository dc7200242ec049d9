import Foundation
import Testing
@testable import ShoreCLI
import TestScratch

/// `shore lint` on a pack with one of each problem, in text, JSON and SARIF.
@Suite("shore lint")
struct AuthoringLintCommandTests {
    static let pack = """
    policy: lint-demo
    sets:
      approved: [US, CA]
      forgotten: [PH]
    rules:
      - id: L-001
        for: location
        when: 1 == 2
        assert: location.country in approved
      - id: L-002
        for: engagement
        assert: "'US' in approved"
      - id: L-003
        for: location
        assert: location.offshore == false
        message: "{{ data.name }} leaves home"

    """

    static let split = """
    policy: split
    rules:
      - id: S-001
        for: engagement
        assert: !engagement.offshore
      - id: S-002
        for: engagement
        assert: ['sla'].all(c, c in engagement.controls)

    """

    func folder(_ files: [String: String]) throws -> String {
        let root = try temporaryFolder("lint")
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/rules/" + name))
        }
        return root
    }

    static var clean: String { pack.replacingOccurrences(of: "{{ data.name }}", with: "{{ location.city }}") }

    @Test func outOfScopeVariableInMessageSaysWhichScopeBindsIt() throws {
        let root = try folder(["demo.yaml": Self.pack])
        let result = shore(["lint"], in: root)
        #expect(result.code == 2)
        #expect(result.out.contains("'data' is bound only in rules with `for: data`; this rule is `for: location`"))
        expectGolden(result.out, "lint-scope.txt")
    }

    @Test func textShowsWarnings() throws {
        let root = try folder(["demo.yaml": Self.clean])
        let result = shore(["lint"], in: root)
        #expect(result.code == 0)
        expectGolden(result.out, "lint-demo.txt")
    }

    @Test func warningsOnlyExitZero() throws {
        let root = try folder(["demo.yaml": Self.clean])
        let result = shore(["lint", "--format", "json"], in: root)
        #expect(result.code == 0)
        expectGolden(result.out, "lint-demo.json")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let codes = (json?["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
        #expect(codes == ["lint.unused-set", "lint.constant-when", "lint.constant-assert"])
    }

    @Test func sarifIsValidJSONWithResults() throws {
        let root = try folder(["demo.yaml": Self.clean])
        let result = shore(["lint", "rules", "--format", "sarif"], in: root)
        #expect(result.code == 0)
        expectGolden(result.out, "lint-demo.sarif")
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect(json?["version"] as? String == "2.1.0")
        let runs = json?["runs"] as? [[String: Any]]
        #expect((runs?.first?["results"] as? [Any])?.count == 3)
    }

    /// Validates the SARIF against the official 2.1.0 schema when one is at hand
    /// (anywhere under Tests/, or /work/shared/schemas) and python3 has jsonschema.
    @Test func sarifValidatesAgainstTheSARIFSchema() throws {
        var candidates = ["/work/shared/schemas/sarif-schema-2.1.0.json"]
        if let walker = FileManager.default.enumerator(atPath: repoRoot + "/Tests") {
            for case let path as String in walker where path.hasSuffix("sarif-schema-2.1.0.json") {
                candidates.insert(repoRoot + "/Tests/" + path, at: 0)
            }
        }
        let schema = candidates.first { FileManager.default.fileExists(atPath: $0) }
        guard let schema, let python = TestPython.path, TestPython.hasJSONSchema else {
            // Under CI the validation must run: a skip there would pass a run that checked less.
            #expect(!TestPython.mustRun, "SARIF schema \(schema ?? "missing"), python3 \(TestPython.path ?? "missing") with jsonschema: \(TestPython.hasJSONSchema)")
            return
        }
        let root = try folder(["demo.yaml": Self.clean, "bad.yaml": "policy: [\n"])
        let result = shore(["lint", "--format", "sarif", "--output", "lint.sarif"], in: root)
        #expect(result.code == 2)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", """
            import json, sys
            import jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2]))
            errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(log))
            print("ok" if not errors else "\\n".join(e.message for e in errors))
            """, schema, root + "/lint.sarif"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(data: pipe.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
        process.waitUntilExit()
        #expect(output == "ok\n", "\(output)")
    }

    /// SARIF's `artifactLocation.uri` is a URI reference, in lint's log as in check's:
    /// a space is `%20`, a file outside the working directory a `file://` URI (lint wrote
    /// the raw path before).
    @Test func sarifLocationsAreURIReferences() throws {
        let root = try temporaryFolder("lint uri")
        try FileManager.default.createDirectory(atPath: root + "/my rules", withIntermediateDirectories: true)
        try Data(Self.clean.utf8).write(to: URL(fileURLWithPath: root + "/my rules/demo.yaml"))
        let inside = shore(["lint", "my rules", "--format", "sarif"], in: root)
        #expect(inside.out.contains("\"uri\": \"my%20rules/demo.yaml\""), "\(inside.out)")
        let elsewhere = try temporaryFolder("lint-cwd")
        let outside = shore(["lint", root + "/my rules", "--format", "sarif"], in: elsewhere)
        let encoded = (root + "/my rules/demo.yaml").replacingOccurrences(of: " ", with: "%20")
        #expect(outside.out.contains("\"uri\": \"file://\(encoded)\""), "\(outside.out)")
    }

    @Test func yamlSplitExpressionsAreExplained() throws {
        let root = try folder(["split.yaml": Self.split])
        let result = shore(["lint"], in: root)
        #expect(result.code == 2)
        expectGolden(result.out, "lint-split.txt")
        #expect(result.out.contains("rules.yaml-split-expression"))
        #expect(result.out.contains("because it starts with '!'"))
        #expect(result.out.contains("as a list because it begins with ["))
        #expect(!result.out.contains("missing the required field"))
    }

    @Test func noRulesIsAnError() throws {
        let root = try temporaryFolder("lint-empty")
        let result = shore(["lint"], in: root)
        #expect(result.code == 2)
        #expect(result.err.contains("rules.none"))
        #expect(result.err.contains("shore init"))
    }

    /// With an error in one rule, the summary still counts the rules that loaded.
    @Test func summaryCountsTheRulesThatLoaded() throws {
        let root = try folder(["rules.yaml": """
            policy: p
            rules:
              - { id: R1, for: location, assert: "location.country == 'US'" }
              - { id: R2, for: location, assert: "location.contry == 'US'" }
              - { id: R3, for: engagement, assert: "engagement.headcount > 0" }
            """])
        let result = shore(["lint"], in: root)
        #expect(result.code == 2)
        #expect(result.out.hasSuffix("1 file, 2 rules: 1 error, 0 warnings, 0 info\n"), "\(result.out)")
    }

    /// A set of country codes is checked like a plan's codes; a set of language codes is not.
    @Test func countrySetMembersAreCheckedWithDidYouMean() throws {
        let root = try folder(["rules.yaml": """
            policy: p
            sets:
              approved: [UK, nl, DE]
              norwegian: ["no", nb, nn]
            rules:
              - { id: R1, for: location, assert: "location.country in approved" }
              - { id: R2, for: language, assert: "!(language.code in norwegian)" }
            """])
        let result = shore(["lint"], in: root)
        #expect(result.code == 2)
        #expect(result.out.contains("rules/rules.yaml:3:14: error[rules.unknown-country]: in the set 'approved': 'UK' is not an ISO 3166-1 alpha-2 code"), "\(result.out)")
        #expect(result.out.contains("= help: write 'GB'"), "\(result.out)")
        #expect(result.out.contains("rules/rules.yaml:3:18: error[rules.unknown-country]: in the set 'approved': 'nl'"), "\(result.out)")
        #expect(result.out.contains("= help: write 'NL'"), "\(result.out)")
        #expect(result.out.hasSuffix("1 file, 2 rules: 2 errors, 0 warnings, 0 info\n"), "\(result.out)")
    }
}

@testable import ShoreLSP
import XCTest

/// Plans, tests and YAML: completion of keys and codes, hover on keys, quick fixes for
/// codes, inlay hints, symbols, failing tests and the explain lens.
final class FeatureTests: XCTestCase {
    func testInlayHintsShowTheDerivedFactsBesideTheirFields() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/fixtures/plan.yaml", Project.plan)
        let hints = client.request("textDocument/inlayHint", ["textDocument": ["uri": .string(uri)],
                                                              "range": ["start": ["line": 0, "character": 0], "end": ["line": 99, "character": 0]]])
        XCTAssertEqual(hints["result"]?.array?.map(\.serialized), [
            #"{"kind":1,"label":"offshore-outsourced · 10 people","paddingLeft":true,"position":{"character":15,"line":4}}"#,
            #"{"kind":1,"label":"overlap 0.0 h · offshore","paddingLeft":true,"position":{"character":19,"line":7}}"#,
            #"{"kind":1,"label":"level 2","paddingLeft":true,"position":{"character":32,"line":11}}"#,
        ])
    }

    func testYAMLKeyCompletionFollowsTheSchemaForTheIndentation() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/fixtures/plan.yaml", Project.plan.replacingOccurrences(of: "        headcount: 10\n", with: "        headcount: 10\n        ci\n"))
        let items = client.request("textDocument/completion", LSPHarness.position(uri, 9, 10))["result"]?["items"]?.array ?? []
        XCTAssertEqual(items.compactMap { $0["label"]?.string }, ["country", "region", "city", "timezone", "hours", "headcount"])
        XCTAssertEqual(items[2].serialized,
                       #"{"detail":"text","documentation":{"kind":"markdown","value":"City, for people reading the plan."},"insertText":"city: ","kind":10,"label":"city"}"#)
    }

    func testCountryValuesAreCompletedWithTheirNames() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/fixtures/plan.yaml", Project.plan.replacingOccurrences(of: "      - country: PH", with: "      - country: P"))
        let items = client.request("textDocument/completion", LSPHarness.position(uri, 7, 18))["result"]?["items"]?.array ?? []
        XCTAssertEqual(items.first { $0["label"] == "PH" }?.serialized, #"{"detail":"Philippines","kind":12,"label":"PH"}"#)
        XCTAssertGreaterThan(items.count, 240)
    }

    func testClassificationLevelsAreCompletedInsideLevel() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        let client = LSPHarness()
        let uri = project.uri("rules/demo.yaml")
        client.open(uri, Project.fixedRules.replacingOccurrences(of: "assert: location.country in approved",
                                                                 with: "assert: engagement.data.all(d, d.level <= level('"))
        let items = client.request("textDocument/completion", LSPHarness.position(uri, 7, 53))["result"]?["items"]?.array ?? []
        XCTAssertEqual(items.compactMap { $0["label"]?.string }, ["public", "internal", "confidential", "restricted"])
    }

    func testAnUnknownCountryGetsTheQuickFixShoreSuggests() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/fixtures/plan.yaml", Project.plan.replacingOccurrences(of: "      - country: PH", with: "      - country: UK"))
        let diagnostic = try XCTUnwrap(client.check().first?["params"]?["diagnostics"]?.array?.first)
        XCTAssertEqual(diagnostic["code"], "plan.unknown-country")
        XCTAssertEqual(diagnostic["range"]?.serialized, #"{"end":{"character":19,"line":7},"start":{"character":17,"line":7}}"#)
        let actions = client.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": diagnostic["range"]!, "context": ["diagnostics": [diagnostic]],
        ])
        XCTAssertEqual(actions["result"]?.array?.first?["title"], "Replace with 'GB'")
    }

    func testASplitExpressionIsQuotedByItsQuickFix() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/demo.yaml", Project.fixedRules.replacingOccurrences(of: "assert: location.country in approved", with: "assert: !location.offshore"))
        let diagnostic = try XCTUnwrap(client.check().first?["params"]?["diagnostics"]?.array?.first { $0["code"] == "rules.yaml-split-expression" })
        let actions = client.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": diagnostic["range"]!, "context": ["diagnostics": [diagnostic]],
        ])
        XCTAssertEqual(actions["result"]?.array?.first?["edit"]?["changes"]?[uri]?.serialized,
                       #"[{"newText":"\"!location.offshore\"","range":{"end":{"character":30,"line":7},"start":{"character":12,"line":7}}}]"#)
    }

    func testWaiverFilesAndTheConfigAreCheckedByTheirLoaders() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        let client = LSPHarness()
        let waivers = project.uri("waivers.yaml"), config = project.uri("shore.yaml")
        client.open(waivers, "waivers:\n  - rule: DEMO-001\n    reson: approved\n    approved_by: CISO\n    expires: 2027-01-01\n")
        client.open(config, "rules: [rules]\nfail_on: erorr\n")
        let published = Dictionary(uniqueKeysWithValues: client.check().compactMap { message in
            message["params"]?["uri"]?.string.map { ($0, message["params"]?["diagnostics"]?.array ?? []) }
        })
        XCTAssertEqual(published[waivers]?.map { "\($0["code"]?.string ?? "")@\($0["range"]?["start"]?["line"]?.int ?? -1)" },
                       ["waiver.unknown-key@2", "waiver.missing-field@1"])
        XCTAssertEqual(published[waivers]?.first?["data"], ["replacement": "reason"])
        XCTAssertEqual(published[config]?.map { $0["code"] }, ["config.invalid-value"])
        XCTAssertEqual(published[config]?.first?["data"], ["replacement": "error"])
        // A rule id in a waiver leads to the rule.
        let rule = client.request("textDocument/definition", LSPHarness.position(waivers, 1, 12))["result"]
        XCTAssertEqual(rule?["uri"]?.string, project.uri("rules/demo.yaml"))
    }

    func testReferencesOfARuleFindItsTestsWaiversAndOverrides() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        try "rules: [rules]\noverrides:\n  DEMO-001: { severity: warning }\n".write(toFile: project.path("shore.yaml"), atomically: true, encoding: .utf8)
        let client = LSPHarness()
        let rules = project.uri("rules/demo.yaml")
        client.open(rules, Project.fixedRules)
        let found = client.request("textDocument/references", LSPHarness.position(rules, 4, 10).merging(["context": ["includeDeclaration": true]]))
        XCTAssertEqual(found["result"]?.array?.map { "\($0["uri"]?.string?.split(separator: "/").last ?? ""):\($0["range"]?["start"]?["line"]?.int ?? -1)" },
                       ["demo.yaml:4", "demo.test.yaml:2", "shore.yaml:2"])
    }

    /// Currency codes complete with their names and hover as ISO 4217; a region code
    /// hovers with its name and country.
    func testCurrencyAndRegionCodesCompleteAndHover() throws {
        let plan = Project.plan
            .replacingOccurrences(of: "      - country: PH\n", with: "      - country: PH\n        region: PH-00\n")
            .replacingOccurrences(of: "    data:\n", with: "    cost:\n      annual: 10\n      currency: IN\n    data:\n")
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/fixtures/plan.yaml", plan)
        let items = client.request("textDocument/completion", LSPHarness.position(uri, 12, 18))["result"]?["items"]?.array ?? []
        XCTAssertEqual(items.first { $0["label"] == "INR" }?.serialized, #"{"detail":"Indian Rupee","kind":12,"label":"INR"}"#)
        let region = client.request("textDocument/hover", LSPHarness.position(uri, 8, 18))["result"]?["contents"]?["value"]
        XCTAssertEqual(region, "PH-00: National Capital Region, region of Philippines (ISO 3166-2)")
    }

    /// A workspace whose shore.yaml names `builtin` beside its own rules checks a rule
    /// file with the built-in pack loaded, as `shore check` would: reusing a built-in id
    /// is a duplicate, and `builtin` is never read as a file.
    func testABuiltinEntryInShoreYamlLoadsTheBuiltInPack() throws {
        let project = try Project(rules: Project.fixedRules)
        addTeardownBlock { project.remove() }
        try "rules: [builtin, rules]\n".write(toFile: project.root + "/shore.yaml", atomically: true, encoding: .utf8)
        let client = LSPHarness()
        let uri = project.uri("rules/demo.yaml")
        client.open(uri, Project.fixedRules.replacingOccurrences(of: "DEMO-001", with: "DATA-001"))
        let codes = client.check().filter { $0["params"]?["uri"]?.string == uri }
            .flatMap { $0["params"]?["diagnostics"]?.array ?? [] }.compactMap { $0["code"]?.string }
        XCTAssertEqual(codes, ["rules.duplicate-id"])
    }

    func testHoverOnAPlanKeyGivesItsDescription() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/fixtures/plan.yaml", Project.plan.replacingOccurrences(of: "- id: support", with: "- id: it"))
        XCTAssertEqual(client.request("textDocument/hover", LSPHarness.position(uri, 8, 10))["result"]?.serialized,
                       #"{"contents":{"kind":"markdown","value":"**headcount** — a whole number\n\nPeople working here on this engagement."},"range":{"end":{"character":17,"line":8},"start":{"character":8,"line":8}}}"#)
        let country = client.request("textDocument/hover", LSPHarness.position(uri, 7, 18))["result"]?["contents"]?["value"]
        XCTAssertEqual(country, "PH: Philippines (ISO 3166-1)")
        // An id that happens to be a language code is not one.
        XCTAssertEqual(client.request("textDocument/hover", LSPHarness.position(uri, 4, 9))["result"], .null)
    }

    func testDocumentSymbolsListRulesSetsAndEngagements() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        let client = LSPHarness()
        let rules = project.uri("rules/demo.yaml"), plan = project.uri("rules/fixtures/plan.yaml")
        client.open(rules, Project.fixedRules)
        client.open(plan, Project.plan)
        let ruleSymbols = client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(rules)]])["result"]?.array ?? []
        XCTAssertEqual(ruleSymbols.map { "\($0["name"]?.string ?? "")|\($0["detail"]?.string ?? "")" },
                       ["DEMO-001|Work stays in approved countries", "approved|set of 3"])
        let planSymbols = client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(plan)]])["result"]?.array ?? []
        XCTAssertEqual(planSymbols.first?["name"], "support")
        XCTAssertEqual(planSymbols.first?["children"]?.array?.first?["name"], "PH")
    }

    func testAFailingRuleTestIsADiagnosticAtItsName() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/demo.test.yaml", Project.tests)
        XCTAssertEqual(client.check().first?["params"]?["diagnostics"], [])
        client.change(uri, Project.tests.replacingOccurrences(of: "expect: []", with: "expect: [{ rule: DEMO-001 }]"), version: 2)
        let diagnostic = client.check().first?["params"]?["diagnostics"]?.array?.first
        XCTAssertEqual(diagnostic?["code"], "test.failed")
        XCTAssertEqual(diagnostic?["range"]?.serialized, #"{"end":{"character":25,"line":1},"start":{"character":10,"line":1}}"#)
        XCTAssertEqual(diagnostic?["message"]?.string?.components(separatedBy: "\n").first, "the test 'the plan passes' fails")
    }

    func testTheExplainLensRunsShoreExplainOnTheLastPlanOpened() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        let client = LSPHarness()
        let rules = project.uri("rules/demo.yaml")
        client.open(rules, Project.fixedRules)
        XCTAssertEqual(client.request("textDocument/codeLens", ["textDocument": ["uri": .string(rules)]])["result"], [],
                       "no lens before a plan is opened")
        client.open(project.uri("rules/fixtures/plan.yaml"), Project.plan)
        let lens = client.request("textDocument/codeLens", ["textDocument": ["uri": .string(rules)]])["result"]?.array?.first
        XCTAssertEqual(lens?["command"]?["title"], "Explain on plan.yaml")
        let explained = client.request("workspace/executeCommand", [
            "command": lens?["command"]?["command"] ?? .null, "arguments": lens?["command"]?["arguments"] ?? .null,
        ])["result"]?.string ?? ""
        XCTAssertTrue(explained.hasPrefix("DEMO-001  Work stays in approved countries\n"), explained)
        XCTAssertTrue(explained.contains("1 item: 1 passed"), explained)
    }
}

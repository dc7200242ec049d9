@testable import ShoreLSP
import XCTest

/// The protocol as a client sees it, with the exact JSON the server sends.
final class ProtocolTests: XCTestCase {
    func testInitializeAnswersWithTheCapabilities() {
        let client = LSPHarness(initialize: false)
        let response = client.request("initialize", ["processId": .null, "rootUri": .null, "capabilities": [:]])
        XCTAssertEqual(response.serialized, #"{"id":1,"jsonrpc":"2.0","result":{"capabilities":{"codeActionProvider":{"codeActionKinds":["quickfix"]},"codeLensProvider":{"resolveProvider":false},"completionProvider":{"resolveProvider":false,"triggerCharacters":["."," ","'","\"","("]},"definitionProvider":true,"documentSymbolProvider":true,"executeCommandProvider":{"commands":["shore.explain"]},"hoverProvider":true,"inlayHintProvider":true,"positionEncoding":"utf-16","referencesProvider":true,"textDocumentSync":{"change":2,"openClose":true,"save":{"includeText":false}}},"serverInfo":{"name":"shore","version":"test"}}}"#)
    }

    func testATypoInAFieldIsPublishedAtItsExactRangeWithTheFix() throws {
        let (_, client, uri) = try session(rules: Project.rules, open: "rules/demo.yaml", Project.rules)
        let published = client.check()
        XCTAssertEqual(published.map(\.serialized), [
            #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":[{"code":"rules.cel-type","data":{"replacement":"country"},"message":"undefined field 'contry' in type 'shore.Location'\nhelp: did you mean 'country'?","range":{"end":{"character":27,"line":7},"start":{"character":21,"line":7}},"severity":1,"source":"shore"}],"uri":"\#(uri)","version":1}}"#,
        ])

        // The quick fix replaces the field name.
        let diagnostic = published[0]["params"]!["diagnostics"]!.array![0]
        let actions = client.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": diagnostic["range"]!, "context": ["diagnostics": [diagnostic]],
        ])
        XCTAssertEqual(actions["result"]?.array?.first?["edit"]?.serialized,
                       #"{"changes":{"\#(uri)":[{"newText":"country","range":{"end":{"character":27,"line":7},"start":{"character":21,"line":7}}}]}}"#)

        // The rule set does not load, yet the file's sets are still known to the editor.
        XCTAssertEqual(client.request("textDocument/definition", LSPHarness.position(uri, 7, 33))["result"]?["range"]?.serialized,
                       #"{"end":{"character":10,"line":2},"start":{"character":2,"line":2}}"#)

        // Fixed: an empty list replaces the diagnostic.
        client.change(uri, Project.fixedRules, version: 2)
        XCTAssertEqual(client.check().map(\.serialized), [
            #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":[],"uri":"\#(uri)","version":2}}"#,
        ])
    }

    func testAnIncrementalChangeFixesTheTypoAndRechecksTheOpenTestFile() throws {
        let project = try Project()
        defer { project.remove() }
        let client = LSPHarness()
        let uri = project.uri("rules/demo.yaml"), tests = project.uri("rules/demo.test.yaml")
        client.open(uri, Project.rules)
        client.open(tests, Project.tests)
        XCTAssertEqual(client.check().count, 2)
        client.notify("textDocument/didChange", [
            "textDocument": ["uri": .string(uri), "version": 2],
            "contentChanges": [["range": ["start": ["line": 7, "character": 21], "end": ["line": 7, "character": 27]], "text": "country"]],
        ])
        let published = client.check()
        XCTAssertEqual(published.compactMap { $0["params"]?["uri"]?.string }.sorted(), [tests, uri].sorted())
        XCTAssertTrue(published.allSatisfy { $0["params"]?["diagnostics"] == [] }, published.map(\.serialized).joined())
    }

    func testADuplicateIDInAnotherRuleFileIsRelatedInformation() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        let other = "policy: other\nrules:\n  - id: DEMO-001\n    for: plan\n    assert: plan.id != ''\n"
        try other.write(toFile: project.path("rules/other.yaml"), atomically: true, encoding: .utf8)
        let client = LSPHarness()
        let uri = project.uri("rules/other.yaml")
        client.open(uri, other)
        XCTAssertEqual(client.check().first?["params"]?["diagnostics"]?.serialized,
                       #"[{"code":"rules.duplicate-id","message":"the rule id 'DEMO-001' is defined twice\nhelp: rule ids must be unique across every rule file loaded; rename one","range":{"end":{"character":16,"line":2},"start":{"character":8,"line":2}},"relatedInformation":[{"location":{"range":{"end":{"character":16,"line":4},"start":{"character":8,"line":4}},"uri":"\#(project.uri("rules/demo.yaml"))"},"message":"first defined here"}],"severity":1,"source":"shore"}]"#)
    }

    func testRangesCountUTF16UnitsAfterCharactersOutsideTheBasicPlane() throws {
        let project = try Project()
        defer { project.remove() }
        let client = LSPHarness()
        let uri = project.uri("rules/demo.yaml")
        // '😀' is one Unicode scalar (Shore's column), two UTF-16 units (LSP's) and four UTF-8 bytes.
        client.open(uri, Project.rules.replacingOccurrences(of: "assert: location.contry in approved",
                                                            with: "assert: \"'😀' != location.contry\""))
        let range = client.check().first?["params"]?["diagnostics"]?.array?.first?["range"]
        // `    assert: "'😀' != location.` is 30 UTF-16 units long.
        XCTAssertEqual(range?.serialized, #"{"end":{"character":36,"line":7},"start":{"character":30,"line":7}}"#)
    }

    func testCompletionAfterLocationDotOffersItsFieldsWithTypesAndDocs() throws {
        let (_, client, uri) = try session(rules: Project.rules, open: "rules/demo.yaml", Project.rules.replacingOccurrences(of: "assert: location.contry in approved", with: "assert: location."))
        let items = client.request("textDocument/completion", LSPHarness.position(uri, 7, 21))["result"]?["items"]?.array ?? []
        let country = items.first { $0["label"] == "country" }
        XCTAssertEqual(country?.serialized, #"{"detail":"string","documentation":{"kind":"markdown","value":"ISO 3166-1 alpha-2 code."},"kind":5,"label":"country"}"#)
        XCTAssertEqual(Set(items.filter { $0["kind"] == 5 }.compactMap { $0["label"]?.string }),
                       ["country", "region", "city", "timezone", "hours", "headcount", "domestic", "offshore", "overlap_hours"])
    }

    func testCompletionInsideAMacroKnowsItsVariable() throws {
        let project = try Project()
        defer { project.remove() }
        let client = LSPHarness()
        let uri = project.uri("rules/demo.yaml")
        let text = Project.rules.replacingOccurrences(of: "for: location", with: "for: engagement")
            .replacingOccurrences(of: "assert: location.contry in approved", with: "assert: engagement.data.all(d, d.")
        client.open(uri, text)
        let items = client.request("textDocument/completion", LSPHarness.position(uri, 7, 37))["result"]?["items"]?.array ?? []
        XCTAssertEqual(Set(items.filter { $0["kind"] == 5 }.compactMap { $0["label"]?.string }),
                       ["name", "classification", "personal", "subjects", "categories", "storage_countries", "records", "deidentified", "level"])
    }

    func testCompletionInAMessagePlaceholderAndInABlockScalar() throws {
        let message = Project.fixedRules + "    message: \"{{ location.ci\"\n"
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/demo.yaml", message)
        let inMessage = client.request("textDocument/completion", LSPHarness.position(uri, 8, 28))["result"]?["items"]?.array ?? []
        XCTAssertTrue(inMessage.contains { $0["label"] == "city" }, inMessage.map(\.serialized).joined())

        let block = Project.fixedRules.replacingOccurrences(of: "assert: location.country in approved",
                                                            with: "assert: >-\n      location.country in approved &&\n        location.")
        client.change(uri, block, version: 2)
        let inBlock = client.request("textDocument/completion", LSPHarness.position(uri, 9, 17))["result"]?["items"]?.array ?? []
        XCTAssertEqual(Set(inBlock.filter { $0["kind"] == 5 }.compactMap { $0["label"]?.string }),
                       ["country", "region", "city", "timezone", "hours", "headcount", "domestic", "offshore", "overlap_hours"])
    }

    func testHoverOnASetNameShowsItsMembersAndWhereItIsDefined() throws {
        let (project, client, uri) = try session(rules: Project.fixedRules, open: "rules/demo.yaml", Project.fixedRules)
        let hover = client.request("textDocument/hover", LSPHarness.position(uri, 7, 35))
        XCTAssertEqual(hover["result"]?.serialized,
                       #"{"contents":{"kind":"markdown","value":"```cel\napproved : list(string)\n```\n\n**approved**: 3 members\n\nUS, GB, PH\n\nDefined in \#(project.path("rules/demo.yaml")):3"},"range":{"end":{"character":40,"line":7},"start":{"character":32,"line":7}}}"#)
    }

    func testHoverOnABuiltInSetGivesItsSourceAndDate() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        let client = LSPHarness()
        let uri = project.uri("rules/demo.yaml")
        let text = Project.fixedRules.replacingOccurrences(of: "in approved", with: "in eu")
        client.open(uri, text)
        let value = client.request("textDocument/hover", LSPHarness.position(uri, 7, 33))["result"]?["contents"]?["value"]?.string ?? ""
        XCTAssertTrue(value.contains("**eu**: 27 members"), value)
        XCTAssertTrue(value.contains("Source: "), value)
        XCTAssertTrue(value.contains("(as of "), value)
    }

    func testDefinitionOfASetAndOfARuleIDInATest() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        let client = LSPHarness()
        let rules = project.uri("rules/demo.yaml")
        client.open(rules, Project.fixedRules)
        let set = client.request("textDocument/definition", LSPHarness.position(rules, 7, 35))
        XCTAssertEqual(set["result"]?.serialized,
                       #"{"range":{"end":{"character":10,"line":2},"start":{"character":2,"line":2}},"uri":"\#(rules)"}"#)

        let tests = project.uri("rules/demo.test.yaml")
        client.open(tests, Project.tests)
        let rule = client.request("textDocument/definition", LSPHarness.position(tests, 2, 14))
        XCTAssertEqual(rule["result"]?.serialized,
                       #"{"range":{"end":{"character":16,"line":4},"start":{"character":8,"line":4}},"uri":"\#(rules)"}"#)
        let fixture = client.request("textDocument/definition", LSPHarness.position(tests, 3, 14))
        XCTAssertEqual(fixture["result"]?["uri"]?.string, project.uri("rules/fixtures/plan.yaml"))
        let hover = client.request("textDocument/hover", LSPHarness.position(tests, 2, 14))["result"]?["contents"]?["value"]?.string
        XCTAssertEqual(hover?.components(separatedBy: "\n\n").prefix(2).joined(separator: "|"),
                       "**DEMO-001** — Work stays in approved countries|severity: error · for: location")
    }

    func testShutdownThenExitEndsWithZero() {
        let client = LSPHarness()
        XCTAssertEqual(client.request("shutdown", .null).serialized, #"{"id":2,"jsonrpc":"2.0","result":null}"#)
        XCTAssertEqual(client.request("textDocument/hover", [:]).serialized,
                       #"{"error":{"code":-32600,"message":"the server is shutting down; only 'exit' is accepted"},"id":3,"jsonrpc":"2.0"}"#)
        XCTAssertNil(client.exitCode)
        client.notify("exit", .null)
        XCTAssertEqual(client.exitCode, 0)
    }

    func testExitWithoutShutdownEndsWithOne() {
        let client = LSPHarness()
        client.notify("exit", .null)
        XCTAssertEqual(client.exitCode, 1)
    }
}

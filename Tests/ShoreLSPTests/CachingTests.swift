import Foundation
import XCTest

/// The server reads a workspace's shore.yaml once, not on every request, and loads a
/// rule file once per edit; a change to shore.yaml (typed, or saved) is seen at once.
final class CachingTests: XCTestCase {
    /// The plan costs KES, which has no built-in rate: shore.yaml's `fx:` decides whether
    /// the plan is valid, as it does for `shore check`.
    func testAConfigEditIsSeenAtOnceAndTheConfigIsReadOnce() throws {
        let plan = Project.plan
            .replacingOccurrences(of: "timezone: America/New_York }", with: "timezone: America/New_York, currency: USD }")
            .replacingOccurrences(of: "    data:\n", with: "    cost: { annual: 1000, currency: KES }\n    data:\n")
        let (project, client, uri) = try session(rules: Project.fixedRules, open: "rules/fixtures/plan.yaml", plan)
        func planCodes() -> [String] {
            client.check().filter { $0["params"]?["uri"]?.string == uri }
                .flatMap { $0["params"]?["diagnostics"]?.array ?? [] }.compactMap { $0["code"]?.string }
        }
        XCTAssertEqual(planCodes(), ["plan.unknown-exchange-rate"])
        for line in [4, 5, 6] { _ = client.request("textDocument/hover", LSPHarness.position(uri, line, 8)) }
        XCTAssertEqual(client.workspaceLoads, 1, "every request re-read shore.yaml")

        let config = project.uri("shore.yaml")
        client.open(config, "rules: [rules]\n")
        client.change(config, "rules: [rules]\nfx: { base: USD, rates: { KES: 100 } }\n", version: 2)
        XCTAssertEqual(planCodes(), [])
        client.change(config, "rules: [rules]\n", version: 3)
        XCTAssertEqual(planCodes(), ["plan.unknown-exchange-rate"])
        client.notify("textDocument/didClose", ["textDocument": ["uri": .string(config)]])

        // Saved from elsewhere: the server hears of it by didSave or a watched-file change.
        try "rules: [rules]\nfx: { base: USD, rates: { KES: 100 } }\n"
            .write(toFile: project.path("shore.yaml"), atomically: true, encoding: .utf8)
        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(config)]])
        XCTAssertEqual(planCodes(), [])
    }

    /// An edit to a rule file loads the rules once, for its diagnostics, completion and
    /// hover alike (it was linted, then loaded again for the editor's requests).
    func testARuleEditLoadsTheRulesOnce() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/demo.yaml", Project.fixedRules)
        XCTAssertEqual(client.check().count, 1)
        _ = client.request("textDocument/hover", LSPHarness.position(uri, 8, 24))
        _ = client.request("textDocument/completion", LSPHarness.position(uri, 8, 21))
        XCTAssertEqual(client.ruleLoads, 1)
        client.change(uri, Project.fixedRules.replacingOccurrences(of: "GB", with: "DE"), version: 2)
        XCTAssertEqual(client.check().count, 1)
        _ = client.request("textDocument/hover", LSPHarness.position(uri, 8, 24))
        XCTAssertEqual(client.ruleLoads, 2)
    }

    /// The requests on a document share one parse of it per edit (each parsed the whole
    /// text, 0.24 s a request on a 6 MB plan), and an edit, or the document closed and
    /// opened again with other text, is seen by the next request.
    func testRequestsOnADocumentShareOneParsePerEdit() throws {
        let (_, client, uri) = try session(rules: Project.fixedRules, open: "rules/demo.yaml", Project.fixedRules)
        func symbols() -> [String] {
            client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])["result"]?.array?
                .compactMap { $0["name"]?.string } ?? []
        }
        let before = symbols()
        XCTAssertTrue(before.contains("DEMO-001"), "\(before)")
        for _ in 0..<3 {
            _ = client.request("textDocument/hover", LSPHarness.position(uri, 8, 24))
            _ = client.request("textDocument/completion", LSPHarness.position(uri, 8, 21))
            _ = client.request("textDocument/definition", LSPHarness.position(uri, 8, 34))
        }
        XCTAssertEqual(client.documentParses, 1)

        client.change(uri, Project.fixedRules.replacingOccurrences(of: "DEMO-001", with: "DEMO-002"), version: 2)
        XCTAssertTrue(symbols().contains("DEMO-002"))
        _ = client.request("textDocument/hover", LSPHarness.position(uri, 8, 24))
        XCTAssertEqual(client.documentParses, 2)

        client.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
        client.open(uri, Project.fixedRules.replacingOccurrences(of: "DEMO-001", with: "DEMO-003"), version: 2)
        XCTAssertTrue(symbols().contains("DEMO-003"), "the same version number after a reopen is other text")
    }

    /// A rule file new on disk, opened after its workspace was cached, is linted with the
    /// workspace's rules (it sees their sets), not alone.
    func testANewRuleFileJoinsItsCachedWorkspace() throws {
        let (project, client, _) = try session(rules: Project.fixedRules, open: "rules/demo.yaml", Project.fixedRules)
        _ = client.check()
        let more = """
            policy: more
            rules:
              - { id: MORE-001, for: location, assert: "location.country in approved" }

            """
        try more.write(toFile: project.path("rules/more.yaml"), atomically: true, encoding: .utf8)
        let uri = project.uri("rules/more.yaml")
        client.open(uri, more)
        let codes = client.check().filter { $0["params"]?["uri"]?.string == uri }
            .flatMap { $0["params"]?["diagnostics"]?.array ?? [] }.compactMap { $0["code"]?.string }
        XCTAssertEqual(codes, [])
    }
}

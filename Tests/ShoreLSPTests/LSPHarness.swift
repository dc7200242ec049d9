import Foundation
@testable import ShoreLSP
import XCTest
import TestScratch

/// Drives a `LanguageServer` in-process: sends JSON-RPC messages as the client would
/// (through the framer, as bytes) and keeps everything the server sent back.
final class LSPHarness {
    private(set) var sent: [JSON] = []
    private var server: LanguageServer!
    private var nextID = 1

    init(initialize: Bool = true) {
        server = LanguageServer(version: "test") { [unowned self] in self.sent.append($0) }
        if initialize {
            _ = request("initialize", ["processId": .null, "rootUri": .null, "capabilities": [:]])
            notify("initialized", [:])
        }
    }

    var exitCode: Int32? { server.exitCode }
    /// How often the server loaded rules, and workspaces (their shore.yaml).
    var ruleLoads: Int { server.analyzer.ruleLoads }
    var workspaceLoads: Int { server.analyzer.workspaceLoads }
    /// How often the server parsed an open document for a request.
    var documentParses: Int { server.analyzer.documentParses }
    var hasPendingChecks: Bool { server.hasPendingChecks }

    /// Feeds raw bytes, as they would arrive on stdin.
    func feed(_ bytes: [UInt8]) {
        var framer = MessageFramer()
        framer.append(bytes)
        while let frame = framer.next() { server.receive(frame) }
    }

    func notify(_ method: String, _ params: JSON) {
        feed(MessageFramer.frame(JSON.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).serialized))
    }

    /// Sends a request and returns the response with its id.
    @discardableResult
    func request(_ method: String, _ params: JSON) -> JSON {
        let id = nextID
        nextID += 1
        feed(MessageFramer.frame(JSON.object(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params]).serialized))
        return sent.last { $0["id"] == .int(id) } ?? .null
    }

    /// Runs the pending checks and returns the diagnostics published since.
    func check() -> [JSON] {
        let before = sent.count
        server.runPendingChecks()
        return sent[before...].filter { $0["method"]?.string == "textDocument/publishDiagnostics" }
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": .int(version), "text": .string(text)]])
    }

    func change(_ uri: String, _ text: String, version: Int) {
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": [["text": .string(text)]]])
    }

    static func position(_ uri: String, _ line: Int, _ character: Int) -> JSON {
        ["textDocument": ["uri": .string(uri)], "position": ["line": .int(line), "character": .int(character)]]
    }
}

/// A policy repository in a temporary folder: shore.yaml, a rule file, a test file and a fixture.
struct Project {
    let root: String

    static let rules = """
    policy: demo
    sets:
      approved: [US, GB, PH]
    rules:
      - id: DEMO-001
        title: Work stays in approved countries
        for: location
        assert: location.contry in approved

    """

    static let fixedRules = rules.replacingOccurrences(of: "contry", with: "country")

    static let tests = """
    tests:
      - name: the plan passes
        rules: [DEMO-001]
        plan: fixtures/plan.yaml
        expect: []

    """

    static let plan = """
    plan: fixture
    date: 2026-12-01
    company: { name: Acme, country: US, timezone: America/New_York }
    engagements:
      - id: support
        provider: { name: Manila Co, kind: agency, country: PH }
        locations:
          - country: PH
            headcount: 10
        data:
          - name: contacts
            classification: internal

    """

    init(rules: String = Project.rules) throws {
        root = TestScratch.directory + "shore-lsp-" + UUID().uuidString
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/rules/fixtures", withIntermediateDirectories: true)
        try "rules: [rules]\n".write(toFile: root + "/shore.yaml", atomically: true, encoding: .utf8)
        try rules.write(toFile: root + "/rules/demo.yaml", atomically: true, encoding: .utf8)
        try Self.tests.write(toFile: root + "/rules/demo.test.yaml", atomically: true, encoding: .utf8)
        try Self.plan.write(toFile: root + "/rules/fixtures/plan.yaml", atomically: true, encoding: .utf8)
    }

    func uri(_ relative: String) -> String { DocumentURI.uri(ofPath: root + "/" + relative) }
    func path(_ relative: String) -> String { root + "/" + relative }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

extension XCTestCase {
    /// A project (removed when the test ends), an initialized client, and the URI of
    /// the project's file `relative`, opened in the client with `text`.
    func session(rules: String, open relative: String, _ text: String) throws -> (Project, LSPHarness, String) {
        let project = try Project(rules: rules)
        addTeardownBlock { project.remove() }
        let client = LSPHarness()
        let uri = project.uri(relative)
        client.open(uri, text)
        return (project, client, uri)
    }
}

extension JSON {
    /// This object with `other`'s members added.
    func merging(_ other: [String: JSON]) -> JSON {
        guard case .object(let members) = self else { return self }
        return .object(members.merging(other) { _, new in new })
    }
}

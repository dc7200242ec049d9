@testable import ShoreLSP
import XCTest

/// Bad and hostile input: the server answers or errors as the protocol says, and never
/// crashes, hangs or queues unbounded work.
final class RobustnessTests: XCTestCase {
    func testMalformedMessagesGetProtocolErrors() {
        let client = LSPHarness()
        let before = client.sent.count
        client.feed(Array("Content-Length: twelve\r\n\r\n".utf8))
        client.feed(MessageFramer.frame("{not json"))
        client.feed(MessageFramer.frame("[1, 2]"))
        client.feed(MessageFramer.frame(#"{"jsonrpc":"2.0","id":{"a":1},"method":"x"}"#))
        XCTAssertEqual(client.sent[before...].map(\.serialized), [
            #"{"error":{"code":-32700,"message":"unreadable message header: no valid Content-Length header in \"Content-Length: twelve\""},"id":null,"jsonrpc":"2.0"}"#,
            #"{"error":{"code":-32700,"message":"the message is not valid JSON"},"id":null,"jsonrpc":"2.0"}"#,
            #"{"error":{"code":-32600,"message":"not a JSON-RPC request or notification"},"id":null,"jsonrpc":"2.0"}"#,
            #"{"error":{"code":-32600,"message":"a request id must be a number or a string"},"id":null,"jsonrpc":"2.0"}"#,
        ])
        // Still serving.
        XCTAssertEqual(client.request("shutdown", .null)["result"], .null)
    }

    func testUnknownRequestsAreMethodNotFoundAndUnknownNotificationsAreIgnored() {
        let client = LSPHarness()
        let before = client.sent.count
        client.notify("$/somethingNew", ["x": 1])
        client.notify("workspace/didChangeConfiguration", ["settings": [:]])
        XCTAssertEqual(client.sent.count, before)
        XCTAssertEqual(client.request("textDocument/frobnicate", [:]).serialized,
                       #"{"error":{"code":-32601,"message":"unknown method 'textDocument/frobnicate'"},"id":2,"jsonrpc":"2.0"}"#)
        XCTAssertEqual(client.request("textDocument/hover", LSPHarness.position("file:///not/open.yaml", 0, 0))["error"]?["code"], -32602)
    }

    func testRequestsBeforeInitializeAreRefused() {
        let client = LSPHarness(initialize: false)
        XCTAssertEqual(client.request("textDocument/hover", [:]).serialized,
                       #"{"error":{"code":-32002,"message":"the server is not initialized; send 'initialize' first"},"id":1,"jsonrpc":"2.0"}"#)
        client.open("file:///tmp/x.yaml", "a: 1")
        XCTAssertFalse(client.hasPendingChecks, "notifications before initialize are dropped")
    }

    func testFramesSplitAnywhereAndJoinedTogetherAreRead() {
        let one = MessageFramer.frame(#"{"a":1}"#), two = MessageFramer.frame(#"{"b":"é"}"#)
        var framer = MessageFramer()
        var frames: [MessageFramer.Frame] = []
        for byte in one + two {
            framer.append([byte])
            while let frame = framer.next() { frames.append(frame) }
        }
        XCTAssertEqual(frames, [.message(Array(#"{"a":1}"#.utf8)), .message(Array(#"{"b":"é"}"#.utf8))])
    }

    func testAnOversizedMessageIsSkippedAndTheNextOneRead() {
        var framer = MessageFramer()
        framer.maxBodyBytes = 10
        framer.append(Array("Content-Length: 20\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 20) + MessageFramer.frame("{}"))
        XCTAssertEqual(framer.next(), .badHeader("a message of 20 bytes, more than the limit of 10"))
        XCTAssertEqual(framer.next(), .message(Array("{}".utf8)))
    }

    func testADocumentThatChangesFasterThanItIsCheckedIsCheckedOnceAtItsLatestVersion() throws {
        let (_, client, uri) = try session(rules: Project.rules, open: "rules/demo.yaml", Project.rules)
        for version in 2...500 {
            client.change(uri, version % 2 == 0 ? Project.rules : Project.fixedRules, version: version)
        }
        let published = client.check()
        XCTAssertEqual(published.count, 1)
        XCTAssertEqual(published.first?["params"]?["version"], 500)
        XCTAssertEqual(published.first?["params"]?["diagnostics"]?.array?.count, 1, "version 500 has the typo")
        XCTAssertTrue(client.check().isEmpty, "nothing left to check")
    }

    func testATenMegabyteDocumentIsCheckedAndAnswered() throws {
        let project = try Project(rules: Project.fixedRules)
        defer { project.remove() }
        let client = LSPHarness()
        let uri = project.uri("rules/demo.yaml")
        let filler = String(repeating: "# " + String(repeating: "x", count: 98) + "\n", count: 100_000)
        client.open(uri, Project.fixedRules + filler + "    description: the end\n")
        let published = client.check()
        XCTAssertEqual(published.first?["params"]?["diagnostics"], [])
        let last = 8 + 100_000
        let hover = client.request("textDocument/hover", LSPHarness.position(uri, last, 6))
        XCTAssertEqual(hover["result"]?["contents"]?["value"]?.string?.hasPrefix("**description**"), true)
    }

    func testARuleFileWithTenThousandRulesIsChecked() throws {
        var text = "policy: many\nrules:\n"
        for index in 0..<10_000 {
            text += "  - id: R-\(index)\n    for: location\n    assert: location.country != 'XX'\n"
        }
        text += "  - id: R-0\n    for: location\n    assert: location.contry != 'XX'\n"
        let (_, client, uri) = try session(rules: text, open: "rules/demo.yaml", text)
        let codes = client.check().first?["params"]?["diagnostics"]?.array?.compactMap { $0["code"]?.string }
        XCTAssertEqual(codes, ["rules.cel-type"])
        let symbols = client.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
        XCTAssertEqual(symbols["result"]?.array?.count, 10_001)
    }
}

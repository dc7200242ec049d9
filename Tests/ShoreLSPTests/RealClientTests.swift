import Foundation
@testable import ShoreLSP
import TestScratch
import XCTest

/// `shore lsp` as a separate process, driven by an independent client: pygls and
/// lsprotocol from PyPI (`scripts/lsp-client-check.py`; `.ci/run` installs them).
final class RealClientTests: XCTestCase {
    func testAnIndependentClientGetsDiagnosticsCompletionHoverAndDefinition() throws {
        guard let shore = Self.shoreBinary else { return XCTFail("the shore binary was not built beside the tests") }
        guard Self.run(["python3", "-c", "import pygls, lsprotocol"]).status == 0 else {
            // Under CI the independent client must run: a skip there would pass a run that checked less.
            if TestPython.mustRun { return XCTFail("python3 with pygls and lsprotocol is missing under CI (.ci/run installs them)") }
            throw XCTSkip("python3 with pygls and lsprotocol is not installed (pip install pygls lsprotocol; .ci/run does)")
        }
        let project = try Project()
        defer { project.remove() }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/lsp-client-check.py").path
        let result = Self.run(["python3", script, shore, project.root])
        XCTAssertEqual(result.status, 0, result.error)
        let report = try XCTUnwrap(JSON.parse(Array(result.output.utf8)), result.output + result.error)
        XCTAssertEqual(report["server"], "shore")
        XCTAssertEqual(report["diagnostics"]?.serialized,
                       #"[{"code":"rules.cel-type","end":27,"line":7,"message":"undefined field 'contry' in type 'shore.Location'\nhelp: did you mean 'country'?","start":21}]"#)
        XCTAssertEqual(report["completion"], ["city", "country", "domestic", "headcount", "hours", "offshore", "overlap_hours", "region", "timezone"])
        XCTAssertEqual(report["hover"]?.string?.contains("Defined in \(project.path("rules/demo.yaml")):3"), true,
                       report["hover"]?.serialized ?? "no hover")
        XCTAssertEqual(report["definition"]?.serialized,
                       #"{"line":2,"start":2,"uri":"\#(project.uri("rules/demo.yaml"))"}"#)
    }

    /// Changes sent faster than they are checked, through the binary's stdio loop: the
    /// diagnostics that come back are for ever newer versions, end at the last one, and
    /// the server still shuts down cleanly.
    func testTheBinaryChecksTheLatestVersionOfADocumentThatChangesFast() throws {
        guard let shore = Self.shoreBinary else { return XCTFail("the shore binary was not built beside the tests") }
        let project = try Project()
        defer { project.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shore)
        process.arguments = ["lsp"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { if process.isRunning { process.terminate() } }
        func send(_ message: JSON) { input.fileHandleForWriting.write(Data(MessageFramer.frame(message.serialized))) }
        let uri = project.uri("rules/demo.yaml")
        send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
        send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
        send(["jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(Project.rules)]]])
        let last = 300
        for version in 2...last {
            send(["jsonrpc": "2.0", "method": "textDocument/didChange",
                  "params": ["textDocument": ["uri": .string(uri), "version": .int(version)],
                             "contentChanges": [["text": .string(version % 2 == 0 ? Project.fixedRules : Project.rules)]]]])
        }
        var framer = MessageFramer()
        var versions: [Int] = []
        while versions.last != last {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            framer.append(data)
            while case .message(let body)? = framer.next() {
                if let message = JSON.parse(body), message["method"] == "textDocument/publishDiagnostics",
                   let version = message["params"]?["version"]?.int {
                    versions.append(version)
                }
            }
        }
        send(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
        send(["jsonrpc": "2.0", "method": "exit"])
        process.waitUntilExit()
        XCTAssertEqual(versions.last, last)
        XCTAssertEqual(versions, versions.sorted(), "diagnostics never go back to an older version")
        XCTAssertEqual(Set(versions).count, versions.count, "no version is checked twice")
        XCTAssertEqual(process.terminationStatus, 0)
        print("\(last) versions sent, \(versions.count) checked")
    }

    /// The `shore` executable built with the tests.
    static var shoreBinary: String? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("shore").path
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/shore").path
        return [beside, fromSource].first(where: FileManager.default.isExecutableFile)
    }

    static func run(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

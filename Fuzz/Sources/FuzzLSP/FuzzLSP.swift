import FuzzSupport
import ShoreLSP

/// The language server. The first byte picks the mode: even, the rest is a raw byte
/// stream of JSON-RPC frames (after a real `initialize`); odd, the rest is the text of
/// an open document (a rule file, a plan, a test file or `shore.yaml` by the second
/// byte), which is checked and then asked for completion, hover, definition,
/// references, symbols, inlay hints and lenses at positions taken from the bytes.
/// Oracles: no crash; every message sent is JSON-RPC 2.0; every request gets exactly
/// one answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mode = bytes.first else { return 0 }
    sent = []
    if mode % 2 == 0 {
        // A raw stream may shut the server down: it gets a server of its own.
        let server = LanguageServer(version: "fuzz") { sent.append($0) }
        _ = request(server, "initialize", ["processId": .null, "capabilities": [:]])
        var framer = MessageFramer()
        framer.append(bytes.dropFirst())
        while let frame = framer.next(), server.exitCode == nil { server.receive(frame) }
        server.runPendingChecks()
    } else {
        // Documents go to one long-lived server, as in an editor session (its loaded
        // rules are reused); each input opens, queries and closes its document.
        let server = documentServer
        let names = ["rules/fuzz.yaml", "plans/fuzz.yaml", "rules/fuzz.test.yaml", "shore.yaml"]
        let uri = "file:///nonexistent-shore-fuzz/" + names[Int(bytes.count > 1 ? bytes[1] : 0) % names.count]
        let text = String(decoding: bytes.dropFirst(2), as: UTF8.self)
        let document: JSON = ["uri": .string(uri)]
        server.receive(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                        "params": ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(text)]]])
        server.runPendingChecks()
        var ids: [Int] = []
        for (index, byte) in bytes.prefix(6).enumerated() {
            let position: JSON = ["line": .int(Int(byte) % 16), "character": .int(Int(byte) / 4 + index)]
            let params: JSON = ["textDocument": document, "position": position]
            ids.append(request(server, "textDocument/completion", params))
            ids.append(request(server, "textDocument/hover", params))
            ids.append(request(server, "textDocument/definition", params))
            ids.append(request(server, "textDocument/references", params))
        }
        ids.append(request(server, "textDocument/documentSymbol", ["textDocument": document]))
        ids.append(request(server, "textDocument/inlayHint", ["textDocument": document]))
        ids.append(request(server, "textDocument/codeLens", ["textDocument": document]))
        server.receive(["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": document]])
        for id in ids {
            let answers = sent.filter { $0["id"] == .int(id) }.count
            require(answers == 1, "request \(id) got \(answers) answers")
        }
    }
    for message in sent {
        require(message["jsonrpc"] == "2.0", "a message without jsonrpc 2.0: \(message.serialized.prefix(200))")
    }
    return 0
}

/// What the server under test sent during the current input.
nonisolated(unsafe) var sent: [JSON] = []
nonisolated(unsafe) var nextID = 0

let documentServer: LanguageServer = {
    let server = LanguageServer(version: "fuzz") { sent.append($0) }
    _ = request(server, "initialize", ["processId": .null, "capabilities": [:]])
    server.receive(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    return server
}()

/// Sends a request (as bytes, through the JSON decoder) and returns its id.
func request(_ server: LanguageServer, _ method: String, _ params: JSON) -> Int {
    nextID += 1
    let message: JSON = ["jsonrpc": "2.0", "id": .int(nextID), "method": .string(method), "params": params]
    server.receive(.message(Array(message.serialized.utf8)))
    return nextID
}

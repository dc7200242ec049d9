import FuzzSupport
import ShoreLSP

/// The language server. The first byte picks the mode: even, the rest is a raw byte
/// stream of JSON-RPC frames (after a real `initialize`); odd, the rest is the text of
/// an open document (a rule file, a plan or a test file by the second byte), which is
/// checked and then asked for completion, hover, definition, symbols and inlay hints at
/// positions taken from the bytes. Oracles: no crash; every message sent is JSON-RPC
/// 2.0; every request gets exactly one answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let mode = bytes.first else { return 0 }
    var sent: [JSON] = []
    let server = LanguageServer(version: "fuzz") { sent.append($0) }
    var requests = 0
    func request(_ method: String, _ params: JSON) {
        requests += 1
        let message: JSON = ["jsonrpc": "2.0", "id": .int(requests), "method": .string(method), "params": params]
        server.receive(.message(Array(message.serialized.utf8)))
    }
    request("initialize", ["processId": .null, "capabilities": [:]])
    server.receive(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    if mode % 2 == 0 {
        var framer = MessageFramer()
        framer.append(bytes.dropFirst())
        while let frame = framer.next(), server.exitCode == nil { server.receive(frame) }
        server.runPendingChecks()
    } else {
        let names = ["rules/fuzz.yaml", "plans/fuzz.yaml", "rules/fuzz.test.yaml", "shore.yaml"]
        let uri = "file:///nonexistent-shore-fuzz/" + names[Int(bytes.count > 1 ? bytes[1] : 0) % names.count]
        let text = String(decoding: bytes.dropFirst(2), as: UTF8.self)
        server.receive(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                        "params": ["textDocument": ["uri": .string(uri), "languageId": "yaml", "version": 1, "text": .string(text)]]])
        server.runPendingChecks()
        let document: JSON = ["uri": .string(uri)]
        for (index, byte) in bytes.prefix(6).enumerated() {
            let position: JSON = ["line": .int(Int(byte) % 16), "character": .int(Int(byte) / 4 + index)]
            let params: JSON = ["textDocument": document, "position": position]
            request("textDocument/completion", params)
            request("textDocument/hover", params)
            request("textDocument/definition", params)
        }
        request("textDocument/documentSymbol", ["textDocument": document])
        request("textDocument/inlayHint", ["textDocument": document])
        request("textDocument/codeLens", ["textDocument": document])
    }
    for message in sent {
        require(message["jsonrpc"] == "2.0", "a message without jsonrpc 2.0: \(message.serialized.prefix(200))")
    }
    if mode % 2 == 1 {
        for id in 1...requests {
            let answers = sent.filter { $0["id"] == .int(id) }.count
            require(answers == 1, "request \(id) got \(answers) answers")
        }
    }
    return 0
}

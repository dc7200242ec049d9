import Foundation
import Policy
import SourceText
import YAML

/// Shore's language server: JSON-RPC messages in, responses and notifications out
/// through `send`. It holds the open documents and answers from what the library
/// computes (loaders, linter, checker, explainer); it decides no policy itself.
///
/// Not thread-safe: one loop feeds it (`StdioServer`, or a test). Changed documents
/// are checked by `runPendingChecks`, always at their latest version, so a document
/// that changes faster than it is checked costs one check per pause, not one per change.
public final class LanguageServer {
    public enum State: Sendable { case starting, running, shuttingDown }

    private(set) var state = State.starting
    /// Set by `exit`: 0 after `shutdown`, else 1.
    public private(set) var exitCode: Int32?
    /// How long a changed document waits for further changes before it is checked.
    private(set) var debounce: Double = 0.01
    let analyzer = Analyzer()
    private let send: (JSON) -> Void
    private let version: String
    /// Documents changed since they were last checked, by URI.
    private var pending: Set<String> = []
    /// The last plan opened, for "explain this rule" lenses.
    var lastPlanPath: String?

    public init(version: String, send: @escaping (JSON) -> Void) {
        self.version = version
        self.send = send
    }

    /// True when some document waits to be checked.
    var hasPendingChecks: Bool { !pending.isEmpty }

    /// Handles one frame read from the client.
    public func receive(_ frame: MessageFramer.Frame) {
        switch frame {
        case .badHeader(let reason):
            reply(id: .null, error: RequestFailure(.parseError, "unreadable message header: \(reason)"))
        case .message(let body):
            guard let message = JSON.parse(body) else {
                return reply(id: .null, error: RequestFailure(.parseError, "the message is not valid JSON"))
            }
            receive(message)
        }
    }

    /// Handles one decoded JSON-RPC message.
    public func receive(_ message: JSON) {
        guard case .object = message, let method = message["method"]?.string else {
            // A response to a request of ours (we send none) is ignored; anything else is invalid.
            if message["id"] != nil, message["result"] != nil || message["error"] != nil { return }
            return reply(id: message["id"] ?? .null, error: RequestFailure(.invalidRequest, "not a JSON-RPC request or notification"))
        }
        let params = message["params"] ?? .null
        guard let id = message["id"] else { return notification(method, params) }
        switch id {
        case .int, .string: request(id, method, params)
        default: reply(id: .null, error: RequestFailure(.invalidRequest, "a request id must be a number or a string"))
        }
    }

    private func request(_ id: JSON, _ method: String, _ params: JSON) {
        do {
            switch (state, method) {
            case (.starting, "initialize"):
                reply(id: id, result: initialize(params))
                state = .running
            case (.starting, _):
                throw RequestFailure(.serverNotInitialized, "the server is not initialized; send 'initialize' first")
            case (.shuttingDown, _):
                throw RequestFailure(.invalidRequest, "the server is shutting down; only 'exit' is accepted")
            case (.running, "initialize"):
                throw RequestFailure(.invalidRequest, "the server is already initialized")
            case (.running, "shutdown"):
                state = .shuttingDown
                reply(id: id, result: .null)
            case (.running, _):
                guard let handler = handler(method) else {
                    throw RequestFailure(.methodNotFound, "unknown method '\(method)'")
                }
                reply(id: id, result: try handler(params))
            }
        } catch let failure as RequestFailure {
            reply(id: id, error: failure)
        } catch {
            reply(id: id, error: RequestFailure(.internalError, "\(error)"))
        }
    }

    private func notification(_ method: String, _ params: JSON) {
        if method == "exit" {
            exitCode = state == .shuttingDown ? 0 : 1
            return
        }
        guard state == .running else { return }
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else { return }
            let document = TextDocument(uri: uri, version: item["version"]?.int ?? 0, text: text)
            analyzer.open(document)
            if analyzer.kind(of: document, in: analyzer.workspace(of: document)) == .plan { lastPlanPath = document.path }
            pending.insert(uri)
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.string, var document = analyzer.documents[uri],
                  let changes = params["contentChanges"]?.array else { return }
            let edits = changes.compactMap { change in change["text"]?.string.map { (LSPRange(change["range"]), $0) } }
            document.apply(edits, version: params["textDocument"]?["version"]?.int ?? document.version + 1)
            analyzer.open(document)
            pending.insert(uri)
            // Open tests and plans are checked against the rules: a rule or config edit re-checks them.
            let kind = DocumentKind.of(document, waiverFiles: [])
            if kind == .rules || kind == .config { pending.formUnion(analyzer.documents.keys) }
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.string else { return }
            analyzer.close(uri)
            pending.remove(uri)
            publish(uri: uri, version: nil, diagnostics: [])
        case "textDocument/didSave", "workspace/didChangeWatchedFiles":
            analyzer.forgetRules()
            pending.formUnion(analyzer.documents.keys)
        default:
            break  // `initialized`, `$/cancelRequest`, `$/setTrace` and unknown notifications need nothing
        }
    }

    /// Checks every changed document at its latest version and publishes the result.
    public func runPendingChecks() {
        let uris = pending.sorted()
        pending = []
        var conversion = DiagnosticConversion(documentsByPath: Dictionary(
            analyzer.documents.values.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }))
        for uri in uris {
            guard let document = analyzer.documents[uri] else { continue }
            let diagnostics = analyzer.diagnostics(for: document)
            publish(uri: uri, version: document.version, diagnostics: diagnostics.map { conversion.convert($0) })
        }
    }

    private func publish(uri: String, version: Int?, diagnostics: [JSON]) {
        var params: [String: JSON] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version { params["version"] = .int(version) }
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": .object(params)])
    }

    private func reply(id: JSON, result: JSON) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    private func reply(id: JSON, error: RequestFailure) {
        send(["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code.rawValue), "message": .string(error.message)]])
    }

    // MARK: Requests

    private func initialize(_ params: JSON) -> JSON {
        if let milliseconds = params["initializationOptions"]?["debounceMilliseconds"]?.int {
            debounce = Double(max(0, min(milliseconds, 5_000))) / 1000
        }
        return [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "completionProvider": ["triggerCharacters": [".", " ", "'", "\"", "("], "resolveProvider": false],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                "inlayHintProvider": true,
                "codeLensProvider": ["resolveProvider": false],
                "executeCommandProvider": ["commands": [.string(ExplainLens.command)]],
            ],
            "serverInfo": ["name": "shore", "version": .string(version)],
        ]
    }

    /// The handler of a request after `initialize`, by method; nil for an unknown method.
    private func handler(_ method: String) -> ((JSON) throws -> JSON)? {
        switch method {
        case "textDocument/completion": completion
        case "textDocument/hover": hover
        case "textDocument/definition": definition
        case "textDocument/references": references
        case "textDocument/documentSymbol": documentSymbols
        case "textDocument/codeAction": codeActions
        case "textDocument/inlayHint": inlayHints
        case "textDocument/codeLens": codeLenses
        case "workspace/executeCommand": executeCommand
        default: nil
        }
    }

    /// A text-document request's document, position (LSP's and Shore's), parsed YAML and kind.
    struct Place {
        let document: TextDocument
        let file: SourceFile
        let position: LSPPosition
        let shore: SourcePosition
        let parsed: YAMLDocument?
        let kind: DocumentKind
    }

    func place(_ params: JSON) throws -> Place {
        let (document, position) = try target(params)
        guard let position else { throw RequestFailure(.invalidParams, "missing position") }
        let file = document.sourceFile
        return Place(document: document, file: file, position: position, shore: document.shorePosition(of: position, in: file),
                     parsed: analyzer.parsed(document),
                     kind: analyzer.kind(of: document, in: analyzer.workspace(of: document)))
    }

    /// The open document and position a text-document request names.
    func target(_ params: JSON) throws -> (TextDocument, LSPPosition?) {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            throw RequestFailure(.invalidParams, "missing textDocument.uri")
        }
        guard let document = analyzer.documents[uri] else {
            throw RequestFailure(.invalidParams, "the document \(uri) is not open")
        }
        return (document, LSPPosition(params["position"]))
    }
}

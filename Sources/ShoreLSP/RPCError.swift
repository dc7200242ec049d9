/// JSON-RPC and LSP error codes the server answers with.
enum RPCError: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
}

/// A request that cannot be answered with a result.
struct RequestFailure: Error {
    let code: RPCError
    let message: String
    init(_ code: RPCError, _ message: String) {
        self.code = code
        self.message = message
    }
}

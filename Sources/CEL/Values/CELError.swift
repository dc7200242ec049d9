/// An evaluation error. Errors are values: they flow through evaluation and are
/// absorbed by `&&`, `||` and `?:` where CEL says so.
public struct CELError: Sendable, Hashable, Error, CustomStringConvertible {
    /// What went wrong, e.g. "division by zero".
    public var message: String
    /// Id of the AST node whose evaluation failed (0 when not known).
    public var nodeID: Int
    public init(_ message: String, nodeID: Int = 0) {
        self.message = message
        self.nodeID = nodeID
    }
    public var description: String { message }
}

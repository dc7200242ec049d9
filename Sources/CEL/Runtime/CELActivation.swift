/// Variable values for one evaluation.
public struct CELActivation: Sendable {
    public var values: [String: CELValue]
    public init(_ values: [String: CELValue] = [:]) { self.values = values }
    public subscript(name: String) -> CELValue? {
        get { values[name] }
        set { values[name] = newValue }
    }
}

/// The values recorded by a traced evaluation, keyed by AST node id.
///
/// Each node's value is the one from its **last** evaluation. Inside comprehensions
/// this is the last iteration run: because `all` stops at the first false element and
/// `exists` at the first true one, the predicate's recorded value (and the iteration
/// variable's) show the element that decided the result. Nodes never evaluated
/// (short-circuited branches) are absent.
public struct CELTrace: Sendable {
    public var values: [Int: CELValue]
    public subscript(id: Int) -> CELValue? { values[id] }
}

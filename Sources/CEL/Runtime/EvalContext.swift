/// Mutable per-evaluation state: variable slots, step budget, optional trace.
final class EvalContext {
    var slots: [CELValue]
    var steps = 0
    let budget: Int
    var exhausted = false
    var trace: [Int: CELValue]?

    init(slots: [CELValue], budget: Int, tracing: Bool) {
        self.slots = slots
        self.budget = budget
        self.trace = tracing ? [:] : nil
    }

    /// Counts `n` steps; false once the budget is exceeded.
    @inline(__always)
    func tick(_ n: Int = 1) -> Bool {
        steps &+= n
        if steps > budget { exhausted = true; return false }
        return true
    }
}

let costLimitMessage = "evaluation cost limit exceeded"

/// Evaluates one planned node.
typealias Eval = @Sendable (EvalContext) -> CELValue

/// Mutable per-evaluation state: variable slots, step budget, optional trace.
final class EvalContext {
    /// Variable slots (globals, then comprehension locals). Indices are fixed at plan time.
    let slots: UnsafeMutableBufferPointer<CELValue>
    var steps = 0
    let budget: Int
    var exhausted = false
    var trace: [Int: CELValue]?

    init(slots values: [CELValue], count: Int, budget: Int, tracing: Bool) {
        let n = max(count, values.count)
        slots = .allocate(capacity: n)
        _ = slots.initialize(from: values)
        if values.count < n, let base = slots.baseAddress {
            (base + values.count).initialize(repeating: .null, count: n - values.count)
        }
        self.budget = budget
        self.trace = tracing ? [:] : nil
    }

    deinit {
        slots.baseAddress?.deinitialize(count: slots.count)
        slots.deallocate()
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

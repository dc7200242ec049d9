/// Mutable per-evaluation state: variable values, step budget, optional trace.
final class EvalContext {
    /// Global variable values in slot order: the caller's array itself, not a copy.
    let globals: [CELValue]
    /// Comprehension locals (iteration variables, accumulators). Indices are fixed at
    /// plan time; no storage is allocated for expressions without comprehensions.
    let locals: UnsafeMutableBufferPointer<CELValue>
    // Only the evaluating thread touches a context, and never re-entrantly through an
    // inout access, so the dynamic exclusivity checks (a runtime call per tick) are skipped.
    @exclusivity(unchecked) var steps = 0
    let budget: Int
    @exclusivity(unchecked) var exhausted = false
    @exclusivity(unchecked) var trace: [Int: CELValue]?

    init(globals values: [CELValue], globalCount: Int, localCount: Int, budget: Int, tracing: Bool) {
        if values.count >= globalCount {
            globals = values
        } else {
            globals = values + [CELValue](repeating: .null, count: globalCount - values.count)
        }
        if localCount > 0 {
            locals = .allocate(capacity: localCount)
            locals.initialize(repeating: .null)
        } else {
            locals = UnsafeMutableBufferPointer(start: nil, count: 0)
        }
        self.budget = budget
        self.trace = tracing ? [:] : nil
    }

    deinit {
        if let base = locals.baseAddress {
            base.deinitialize(count: locals.count)
            base.deallocate()
        }
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

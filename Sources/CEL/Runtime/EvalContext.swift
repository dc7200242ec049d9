/// Mutable per-evaluation state: variable values, step budget, optional trace.
/// A struct passed `inout` through the plan's closures, so an evaluation allocates no
/// context object and its counters need no dynamic exclusivity checks.
struct EvalContext {
    /// Global variable values in slot order: the caller's array itself, read in place
    /// (no reference count per evaluation).
    let globals: UnsafeBufferPointer<CELValue>
    /// Comprehension locals (iteration variables, accumulators), indices fixed at plan
    /// time; temporary storage owned by `CELProgram.run`, empty without comprehensions.
    let locals: UnsafeMutableBufferPointer<CELValue>
    var steps = 0
    let budget: Int
    var exhausted = false
    var trace: [Int: CELValue]?
    /// The argument array handed to one-argument functions, reused from call to call:
    /// it is uniquely referenced again once a call returns, so refilling it does not
    /// allocate (a function that keeps its arguments only makes the next call copy).
    var unaryArguments: [CELValue] = []

    /// Counts `n` steps; false once the budget is exceeded.
    @inline(__always)
    mutating func tick(_ n: Int = 1) -> Bool {
        steps &+= n
        if steps > budget { exhausted = true; return false }
        return true
    }
}

let costLimitMessage = "evaluation cost limit exceeded"

/// Evaluates one planned node.
typealias Eval = @Sendable (inout EvalContext) -> CELValue

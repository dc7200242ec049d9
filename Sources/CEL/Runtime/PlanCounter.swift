import Synchronization

/// Counts the expressions planned (turned into closures) while bound to a task, so a
/// test can show what is planned once and what per use: `CELPlanCounter.$current.withValue(counter) { … }`.
package final class CELPlanCounter: Sendable {
    /// The counter of the running task, if any.
    @TaskLocal package static var current: CELPlanCounter?

    private let counts = Mutex((plain: 0, traced: 0))

    package init() {}

    /// Expressions planned for plain evaluation.
    package var plain: Int { counts.withLock { $0.plain } }
    /// Expressions planned for traced evaluation (`explain`, `eval`).
    package var traced: Int { counts.withLock { $0.traced } }

    func record(traced: Bool) {
        counts.withLock { if traced { $0.traced += 1 } else { $0.plain += 1 } }
    }
}

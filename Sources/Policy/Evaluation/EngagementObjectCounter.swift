import Synchronization

/// Counts the engagements' CEL objects built and alive while bound to a task, so a test
/// can show how many a check holds at once: `EngagementObjectCounter.$current.withValue(counter) { … }`.
/// Objects made on other threads (a parallel check) are not counted.
package final class EngagementObjectCounter: Sendable {
    /// The counter of the running task, if any.
    @TaskLocal package static var current: EngagementObjectCounter?

    private let counts = Mutex((built: 0, alive: 0, mostAlive: 0))

    package init() {}

    /// Objects built.
    package var built: Int { counts.withLock { $0.built } }
    /// Objects built and not yet let go.
    package var alive: Int { counts.withLock { $0.alive } }
    /// The most objects alive at one time.
    package var mostAlive: Int { counts.withLock { $0.mostAlive } }

    func recordBuilt() {
        counts.withLock {
            $0.built += 1
            $0.alive += 1
            $0.mostAlive = max($0.mostAlive, $0.alive)
        }
    }

    func recordReleased() {
        counts.withLock { $0.alive -= 1 }
    }
}

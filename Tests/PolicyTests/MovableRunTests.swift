import Synchronization
import Testing
@testable import Policy

/// Runs built on several threads are joined by moving their elements: each element must
/// end up once in the result, in run order, and be destroyed exactly once.
@Suite("Moving runs into one array", .serialized)
struct MovableRunTests {
    /// Counts the live instances, so a lost or doubly destroyed element shows.
    final class Tracked: Sendable {
        static let live = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.live.add(1, ordering: .relaxed)
        }
        deinit { Self.live.subtract(1, ordering: .relaxed) }
    }

    @Test func joinedKeepsOrderAndDestroysEachElementOnce() {
        let before = Tracked.live.load(ordering: .relaxed)
        do {
            // Capacities below the counts make the runs grow on the way.
            let runs = [(0..<5, 2), (5..<5, 1), (5..<40, 3), (40..<41, 1)].map { range, capacity in
                let run = MovableRun<(Tracked, String)>(capacity: capacity)
                for i in range { run.append((Tracked(i), "item \(i)")) }
                return run
            }
            let joined = MovableRun.joined(runs)
            #expect(joined.map(\.0.value) == Array(0..<41))
            #expect(joined.map(\.1) == (0..<41).map { "item \($0)" })
            #expect(runs.allSatisfy { $0.count == 0 })
            // Each run's storage was given back as its elements moved out: the elements are
            // not held twice over while a large plan's runs are joined.
            #expect(runs.allSatisfy { $0.capacity == 1 })
            #expect(Tracked.live.load(ordering: .relaxed) == before + 41)
        }
        #expect(Tracked.live.load(ordering: .relaxed) == before)
    }

    @Test func aRunThatIsNotJoinedDestroysItsElements() {
        let before = Tracked.live.load(ordering: .relaxed)
        do {
            let run = MovableRun<Tracked>(capacity: 0)
            for i in 0..<10 { run.append(Tracked(i)) }
            #expect(Tracked.live.load(ordering: .relaxed) == before + 10)
        }
        #expect(Tracked.live.load(ordering: .relaxed) == before)
    }
}

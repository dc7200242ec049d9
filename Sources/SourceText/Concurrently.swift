import Dispatch
import Synchronization

/// Independent work spread over the machine's cores, its results kept in order, so work
/// done in parallel stays deterministic. The one home of that pattern for every module
/// (the policy's `Parallel` chunks engagements with it).
package enum Concurrently {
    /// `body(i)` for every `i` in `0..<count`, run on every core at once; the results in
    /// the order of `i`.
    package static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let value = body(i)
            results.withLock { $0[i] = value }
        }
        return results.withLock { results in results.map { $0! } }
    }
}

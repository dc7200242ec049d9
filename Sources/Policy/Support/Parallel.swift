import Dispatch
import SourceText
import Synchronization

/// Splits work over the machine's cores in contiguous chunks and returns the chunks'
/// results in order, so parallel work stays deterministic. The chunks shrink toward the
/// end (`Concurrently.shrinkingEnds`), so no core is left alone with a long last one.
enum Parallel {
    /// Chunks used when `count` reaches `threshold`; smaller work runs on one thread.
    static let chunkCount = 8
    /// Engagements below which a plan's work stays on one thread.
    static let threshold = 2_000

    /// `body(range)` for contiguous ranges covering `0..<count`; results in range order.
    static func chunks<T: Sendable>(
        _ count: Int, threshold: Int = threshold, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        let ends = Concurrently.shrinkingEnds(of: count, parts: count >= threshold ? chunkCount : 1)
        return Concurrently.map(ends.count) { c in body((c == 0 ? 0 : ends[c - 1])..<ends[c]) }
    }

    /// `transform` of each element, computed in parallel chunks, in order.
    static func map<T: Sendable, U: Sendable>(_ items: [T], threshold: Int = threshold, _ transform: @Sendable (T) -> U) -> [U] {
        chunks(items.count, threshold: threshold) { range in range.map { transform(items[$0]) } }.flatMap { $0 }
    }

    /// `first()` and `second()`, at once when `concurrently` (else on this thread, in
    /// that order).
    static func both<A: Sendable, B: Sendable>(
        concurrently: Bool, _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        guard concurrently else { return (first(), second()) }
        let results = Mutex<(A?, B?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                let a = first()
                results.withLock { $0.0 = a }
            } else {
                let b = second()
                results.withLock { $0.1 = b }
            }
        }
        return results.withLock { ($0.0!, $0.1!) }
    }
}

import Dispatch

/// Renders a long run of items (a report's findings) on every core and writes them in
/// order. The items are cut into batches; a round of batches is rendered at once, each
/// batch into its own buffer, and the round is written in order before the next one
/// starts. What reaches the sink is byte for byte what one thread would write, and only
/// one round's text exists at a time.
enum ParallelRendering {
    /// Items per batch.
    static let batchSize = 256
    /// Batches rendered at once (each round holds about this many batches' text).
    static let batchesPerRound = 16
    /// Fewer items than this are rendered on the calling thread (a test sets it to
    /// `.max` to get what one thread writes).
    @TaskLocal static var threshold = 2_048

    /// Calls `render(range, buffer)` for consecutive ranges covering `0..<count` and
    /// writes each buffer to `sink` in range order. Below `threshold` the items are
    /// rendered here one at a time into `buffer`, the caller's own, each written at once;
    /// above it the largest write is one batch. Either way it does not grow with `count`.
    static func write(count: Int, to sink: TextSink, buffer: UTF8Text,
                      _ render: @Sendable (Range<Int>, UTF8Text) -> Void) {
        guard count >= threshold else {
            for i in 0..<count {
                render(i..<i + 1, buffer)
                buffer.flush(to: sink)
            }
            return
        }
        let buffers = (0..<batchesPerRound).map { _ in UTF8Text(capacity: batchSize * 1024) }
        var start = 0
        while start < count {
            let roundStart = start
            let batches = min(batchesPerRound, (count - roundStart + batchSize - 1) / batchSize)
            DispatchQueue.concurrentPerform(iterations: batches) { b in
                let lower = roundStart + b * batchSize
                render(lower..<min(count, lower + batchSize), buffers[b])
            }
            for b in 0..<batches { buffers[b].flush(to: sink) }
            start = min(count, roundStart + batches * batchSize)
        }
    }
}

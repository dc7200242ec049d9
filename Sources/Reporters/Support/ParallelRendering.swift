import Dispatch
import Synchronization

/// Renders a long run of items (a report's findings) on every core and writes them in
/// order. The items are cut into batches; a round of batches is rendered at once, each
/// batch into its own buffer, and a round is written in order, on a thread of its own,
/// while the next round is rendered. What reaches the sink is byte for byte what one
/// thread would write, and at most two rounds' text exists at a time.
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
    /// The sink is written by one thread at a time, each write after the one before.
    static func write(count: Int, to sink: TextSink, buffer: UTF8Text,
                      _ render: @Sendable (Range<Int>, UTF8Text) -> Void) {
        write(count: count, to: sink, buffer: buffer, state: ()) { range, out, _ in render(range, out) }
    }

    /// `write(count:to:buffer:_:)` where rendering keeps what it has worked out from batch
    /// to batch (a memo): each batch takes a state from a pool (a copy of `state` when
    /// none is free) and puts it back when done, so a state goes from batch to batch and
    /// there are about as many as threads rendering at once. `render` must write the same
    /// text whatever the state holds.
    static func write<State>(count: Int, to sink: TextSink, buffer: UTF8Text, state: State,
                             _ render: @Sendable (Range<Int>, UTF8Text, inout State) -> Void) {
        guard count >= threshold else {
            var state = state
            for i in 0..<count {
                render(i..<i + 1, buffer, &state)
                buffer.flush(to: sink)
            }
            return
        }
        // Two sets of buffers: one being written while the other is rendered.
        var rendering = (0..<batchesPerRound).map { _ in UTF8Text(capacity: batchSize * 1024) }
        var writing = (0..<batchesPerRound).map { _ in UTF8Text(capacity: batchSize * 1024) }
        let states = StatePool(state, capacity: batchesPerRound)
        let writer = DispatchQueue(label: "shore.parallel-rendering.writer")
        let written = DispatchGroup()
        let output = SinkHandle(sink)
        var start = 0
        while start < count {
            let roundStart = start
            let batches = min(batchesPerRound, (count - roundStart + batchSize - 1) / batchSize)
            let buffers = rendering
            DispatchQueue.concurrentPerform(iterations: batches) { b in
                let lower = roundStart + b * batchSize
                states.with { render(lower..<min(count, lower + batchSize), buffers[b], &$0) }
            }
            // The round before must be out before this one goes.
            written.wait()
            swap(&rendering, &writing)
            let round = writing
            writer.async(group: written) {
                for b in 0..<batches { round[b].flush(to: output.sink) }
            }
            start = min(count, roundStart + batches * batchSize)
        }
        written.wait()
    }

    /// The states, in storage of their own (one per batch of a round at most), and the
    /// numbers of those not in use, taken and put back under a lock (once per batch). A
    /// state is used by one thread at a time.
    private final class StatePool<State>: @unchecked Sendable {
        private let states: UnsafeMutablePointer<State>
        private let capacity: Int
        /// The numbers of the free states, and how many states there are.
        private let free = Mutex<(numbers: [Int], made: Int)>(([], 0))

        init(_ initial: State, capacity: Int) {
            self.capacity = capacity
            states = .allocate(capacity: capacity)
            states.initialize(repeating: initial, count: capacity)
        }

        deinit {
            states.deinitialize(count: capacity)
            states.deallocate()
        }

        /// Calls `body` with a state no other thread is using.
        func with(_ body: (inout State) -> Void) {
            let number = free.withLock { free in
                if let number = free.numbers.popLast() { return number }
                free.made += 1
                return free.made - 1
            }
            body(&states[number])
            free.withLock { $0.numbers.append(number) }
        }
    }

    /// The sink, handed to the writing thread: only one thread writes it at a time
    /// (each round's writing waits for the one before), and the caller gets it back
    /// only after the last round is written.
    private final class SinkHandle: @unchecked Sendable {
        let sink: TextSink
        init(_ sink: TextSink) { self.sink = sink }
    }
}

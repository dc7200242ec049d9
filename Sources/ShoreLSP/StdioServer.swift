import Foundation

/// Runs a `LanguageServer` over stdin and stdout: a thread reads and frames input,
/// the calling thread handles messages in order and checks changed documents when the
/// input has been quiet for the server's debounce interval.
public enum StdioServer {
    /// Serves until `exit` or the end of input; returns the exit code (0 after `shutdown`).
    public static func run(version: String, input: FileHandle = .standardInput, output: FileHandle = .standardOutput) -> Int32 {
        let inbox = Inbox()
        let reader = Thread {
            var framer = MessageFramer()
            while true {
                let data = input.availableData
                if data.isEmpty { break }
                framer.append(data)
                while let frame = framer.next() { inbox.put(frame) }
            }
            inbox.close()
        }
        reader.stackSize = 1 << 20
        reader.start()
        // A client that goes away must end the server, not kill it with SIGPIPE mid-write.
        signal(SIGPIPE, SIG_IGN)
        var clientGone = false
        let server = LanguageServer(version: version) { message in
            do { try output.write(contentsOf: Data(MessageFramer.frame(message.serialized))) } catch { clientGone = true }
        }
        while server.exitCode == nil, !clientGone {
            let wait: Double? = server.hasPendingChecks ? server.debounce : nil
            switch inbox.take(waiting: wait) {
            case .frame(let frame): server.receive(frame)
            case .timedOut: server.runPendingChecks()
            case .closed: return server.exitCode ?? 1
            }
        }
        return server.exitCode ?? 1
    }

    /// Frames passed from the reader thread to the server loop.
    final class Inbox: @unchecked Sendable {
        enum Taken { case frame(MessageFramer.Frame), timedOut, closed }
        private let condition = NSCondition()
        private var frames: [MessageFramer.Frame] = []
        private var head = 0
        private var closed = false

        func put(_ frame: MessageFramer.Frame) {
            condition.lock()
            frames.append(frame)
            condition.signal()
            condition.unlock()
        }

        func close() {
            condition.lock()
            closed = true
            condition.signal()
            condition.unlock()
        }

        /// The next frame; `timedOut` when none came within `waiting` seconds (nil: wait for ever).
        func take(waiting: Double?) -> Taken {
            condition.lock()
            defer { condition.unlock() }
            let deadline = waiting.map { Date().addingTimeInterval($0) }
            while head == frames.count, !closed {
                if let deadline {
                    if !condition.wait(until: deadline) { return .timedOut }
                } else {
                    condition.wait()
                }
            }
            guard head < frames.count else { return .closed }
            let frame = frames[head]
            head += 1
            if head > 1024, head * 2 > frames.count {
                frames.removeFirst(head)
                head = 0
            }
            return .frame(frame)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Policy
import Reporters

/// A buffered writer on an open file descriptor (stdout, or the temporary file of an
/// atomic write). A failed write is remembered, not thrown: later writes are dropped
/// and the caller asks `failure` once at the end, so reporters need not handle errors
/// and a broken pipe does not receive the rest of a large report.
final class FileDescriptorSink: TextSink {
    let descriptor: Int32
    /// The `errno` of the first failed write, if any.
    private(set) var failure: Int32?
    private var buffer: [UInt8] = []
    private let capacity: Int

    init(descriptor: Int32, capacity: Int = 1 << 20) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { flush() }
    }

    func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        if buffer.count + bytes.count > capacity, !buffer.isEmpty { flush() }
        if bytes.count >= capacity {
            failure = POSIXFile.writeAll(descriptor, UnsafeRawBufferPointer(bytes))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out what is buffered; returns false if this or an earlier write failed.
    @discardableResult
    func flush() -> Bool {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return false }
        failure = buffer.withUnsafeBytes { POSIXFile.writeAll(descriptor, $0) }
        return failure == nil
    }
}

/// `strerror(code)` as a Swift string: "No space left on device".
func systemErrorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}

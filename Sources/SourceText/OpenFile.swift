#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file kept open so its bytes can be read again later (`TextOnDisk`): the descriptor
/// it was read through, which still reads the same file after it is renamed or replaced
/// by an editor's save (the content is checked before it is used). Closed when the last
/// holder lets go.
public final class OpenFile: Sendable {
    private let descriptor: Int32

    /// Takes over `descriptor` (it is closed with this object).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Reads up to `count` bytes from `offset` into `buffer`; returns how many were read
    /// (fewer only at the end of the file), or nil on a read error.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int? {
        Self.read(descriptor, into: buffer, at: offset)
    }

    /// `read(into:at:)` through any descriptor (one not yet kept as an `OpenFile`).
    package static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int? {
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            done += n
        }
        return done
    }
}

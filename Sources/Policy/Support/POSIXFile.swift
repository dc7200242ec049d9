#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two system calls every writer of files in Shore needs (`shore init`, `--output`
/// and stdout), written once.
public enum POSIXFile {
    /// The path with every link resolved, or nil when it does not resolve (a missing
    /// file, a dangling link).
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes all of `bytes` to the open `descriptor`, again after an interrupted or
    /// partial write; nil when every byte was written, else the `errno` of the failure
    /// (e.g. `ENOSPC` for a full disk, `EPIPE` for a closed pipe).
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var written = 0
        while written < bytes.count {
            let result = systemWrite(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if result == 0 { return EIO }
            written += result
        }
        return nil
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, pointer, count)
        #else
        Darwin.write(descriptor, pointer, count)
        #endif
    }
}

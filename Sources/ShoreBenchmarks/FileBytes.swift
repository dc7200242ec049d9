#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file for a benchmark (empty on failure).
enum FileBytes {
    static func read(_ path: String) -> [UInt8] {
        guard let handle = fopen(path, "rb") else { return [] }
        defer { fclose(handle) }
        fseek(handle, 0, SEEK_END)
        let size = ftell(handle)
        fseek(handle, 0, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: max(0, size))
        let n = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
        return Array(bytes[0..<n])
    }
}

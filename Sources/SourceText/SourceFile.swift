import Synchronization

/// The bytes of one input file, kept so any diagnostic can show the line it points at.
///
/// Lines are found lazily, the first time a line is asked for, so loading a large
/// file costs nothing extra until something is rendered.
public final class SourceFile: Sendable {
    /// The path as the user gave it (shown in diagnostics).
    public let path: String
    /// The file's raw bytes (UTF-8 expected; invalid sequences are replaced when shown).
    public let bytes: [UInt8]
    private let lineStarts = Mutex<[Int]?>(nil)

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The number of lines (a final line without a newline counts).
    public var lineCount: Int { starts().count }

    /// The text of 1-based line `number`, without its line break; nil past the end.
    public func line(_ number: Int) -> String? {
        let starts = starts()
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The 1-based position of a byte offset (column counted in Unicode scalars).
    public func position(ofByteOffset offset: Int) -> SourcePosition {
        let starts = starts()
        let clamped = max(0, min(offset, bytes.count))
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = starts[low]
        while index < clamped {
            // Count lead bytes only: continuation bytes (10xxxxxx) belong to the scalar before.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    private func starts() -> [Int] {
        lineStarts.withLock { cached in
            if let cached { return cached }
            var result = [0]
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") && index + 1 < bytes.count {
                result.append(index + 1)
            }
            cached = result
            return result
        }
    }
}

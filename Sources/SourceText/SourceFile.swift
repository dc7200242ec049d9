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
        // A byte order mark is not text: libyaml does not count it as a column either.
        let start = number == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : starts[number - 1]
        var end = number < starts.count ? starts[number] : bytes.count
        // Drop the line's break (the last line may have none).
        var scan = start
        while scan < end {
            if Self.lineBreakLength(bytes, at: scan) > 0 { end = scan; break }
            scan += 1
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
        var index = low == 0 && clamped >= 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : starts[low]
        while index < clamped {
            // Count lead bytes only: continuation bytes (10xxxxxx) belong to the scalar before.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    /// The byte offset of a 1-based position (column in Unicode scalars), clamped to
    /// its line; the inverse of `position(ofByteOffset:)`.
    public func byteOffset(of position: SourcePosition) -> Int {
        let starts = starts()
        guard position.line >= 1 else { return 0 }
        guard position.line <= starts.count else { return bytes.count }
        var index = position.line == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : starts[position.line - 1]
        var column = 1
        while column < position.column, index < bytes.count, Self.lineBreakLength(bytes, at: index) == 0 {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }

    /// True when eight bytes are all ASCII and none is CR or LF, so no line break starts
    /// among them (every break starts with CR, LF or a byte ≥ 0x80).
    public static func isASCIIWithoutLineBreaks(_ word: UInt64) -> Bool {
        word & 0x8080_8080_8080_8080 == 0 && !hasByte(word, 0x0A) && !hasByte(word, 0x0D)
    }

    /// True when some byte of `word` equals `byte`.
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Length in bytes of the line break at `index` (CRLF counts as one), 0 if none: the
    /// breaks libyaml counts (LF, CRLF, a lone CR, NEL, LS, PS), so line numbers agree.
    public static func lineBreakLength(_ bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    private func starts() -> [Int] {
        lineStarts.withLock { cached in
            if let cached { return cached }
            // The line breaks YAML (libyaml) counts, so that its line numbers name these
            // lines: LF, CRLF, a lone CR, NEL (U+0085), LS (U+2028) and PS (U+2029).
            var result = [0]
            var index = 0
            let count = bytes.count
            bytes.withUnsafeBytes { raw in
                while index < count {
                    // Eight bytes at a time while they are ASCII and hold no CR or LF: no break there.
                    if index + 8 <= count, Self.isASCIIWithoutLineBreaks(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                        index += 8
                        continue
                    }
                    let length = Self.lineBreakLength(bytes, at: index)
                    if length == 0 { index += 1; continue }
                    index += length
                    if index < count { result.append(index) }
                }
            }
            cached = result
            return result
        }
    }
}

import Synchronization

/// The bytes of one input file, kept so any diagnostic can show the line it points at.
///
/// Lines are found lazily, the first time a line is asked for, so loading a large
/// file costs nothing extra until something is rendered. The file has one line table
/// (`lines`), shared by everything that reads it; once built it is read without a lock.
///
/// A large file read from disk can let its bytes go once it has been read
/// (`releaseText()`): its lines are then read back from the open file when shown.
public final class SourceFile: Sendable {
    /// The path as the user gave it (shown in diagnostics).
    public let path: String
    /// The number of bytes in the file.
    public let byteCount: Int
    /// The bytes while they are held (`releaseText()` lets them go), else the text on disk.
    private let text: Mutex<Text>
    /// The open file the bytes were read from, for reading them back once let go.
    private let openFile: OpenFile?
    private let table = AtomicLazyReference<Lines>()

    private enum Text {
        case held([UInt8])
        case onDisk(TextOnDisk)
    }

    /// The line table, held by reference so it is built once and shared.
    private final class Lines: Sendable {
        let table: LineTable
        init(_ table: LineTable) { self.table = table }
    }

    /// `openFile`, when given, is the file `bytes` were read from, kept open so they can
    /// be let go and read back later.
    public init(path: String, bytes: [UInt8], openFile: OpenFile? = nil) {
        self.path = path
        byteCount = bytes.count
        text = Mutex(.held(bytes))
        self.openFile = openFile
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The same text under another path (a report's display path): the bytes, or the
    /// text on disk, are shared, not copied.
    public init(path: String, sameTextAs other: SourceFile) {
        self.path = path
        byteCount = other.byteCount
        text = Mutex(other.text.withLock { $0 })
        openFile = other.openFile
        if let built = other.table.load() { _ = table.storeIfNil(built) }
    }

    /// The file's raw bytes (UTF-8 expected; invalid sequences are replaced when shown).
    /// After `releaseText()` they are read back from the file whole, and are empty when
    /// the file has changed since: read lines with `withLine` instead.
    public var bytes: [UInt8] {
        switch text.withLock({ $0 }) {
        case .held(let bytes): bytes
        case .onDisk(let disk): disk.readAll() ?? []
        }
    }

    /// True while the bytes are held in memory (not let go by `releaseText()`).
    public var holdsText: Bool {
        text.withLock { if case .held = $0 { true } else { false } }
    }

    /// Lets the bytes go, to be read back from the file when a line is shown; the line
    /// table and the lines that are not all ASCII (for columns) stay. Only a file read
    /// from disk with an open descriptor, whose lines are all at most 64 KiB, lets go:
    /// returns whether it did. The memory is freed once nothing else holds the bytes
    /// (a parsed YAML document holds its own reference).
    @discardableResult
    public func releaseText() -> Bool {
        guard let openFile else { return false }
        let lines = self.lines
        return text.withLock { text in
            guard case .held(let bytes) = text, let disk = TextOnDisk(bytes: bytes, lines: lines, file: openFile) else {
                return false
            }
            text = .onDisk(disk)
            return true
        }
    }

    /// Where each line starts. Built on first use (two threads at once for a large file);
    /// a thread that loses the race to build it uses the winner's.
    public var lines: LineTable {
        if let built = table.load() { return built.table }
        return table.storeIfNil(Lines(LineTable(bytes))).table
    }

    /// The number of lines (a final line without a newline counts; the empty line after
    /// a final line break does not).
    public var lineCount: Int { Self.visibleLineCount(lines, byteCount: byteCount) }

    @usableFromInline
    static func visibleLineCount(_ lines: LineTable, byteCount: Int) -> Int {
        lines.count > 1 && lines.lineStart(lines.count - 1) == byteCount ? lines.count - 1 : lines.count
    }

    /// Calls `body` with the bytes of 1-based line `number`, without its line break;
    /// nil past the end, or when the text was let go and cannot be read back as it was.
    @inlinable
    public func withLine<R>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let lines = self.lines
        guard number >= 1, number <= Self.visibleLineCount(lines, byteCount: byteCount),
              let range = lines.byteRange(ofLine: number - 1) else { return nil }
        return withBytes(range) { line in
            body(UnsafeBufferPointer(rebasing: line[..<(line.count - Self.lineBreakLength(endingAt: line))]))
        }
    }

    /// Calls `body` with the bytes of `range` (held, or read back: at most a line's worth).
    @usableFromInline
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        switch text.withLock({ $0 }) {
        case .held(let bytes):
            guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
            return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        case .onDisk(let disk):
            return disk.withBytes(range, body)
        }
    }

    /// The byte at `offset` (held, or read back); nil past the end or when it cannot be read.
    public func byte(at offset: Int) -> UInt8? {
        withBytes(offset..<offset + 1) { $0[0] }
    }

    /// The text of 1-based line `number`, without its line break; nil past the end.
    public func line(_ number: Int) -> String? {
        withLine(number) { String(decoding: $0, as: UTF8.self) }
    }

    /// The 1-based position of a byte offset as the line table gives it (an offset at the
    /// end of a file that ends in a line break is on the empty line after it).
    public func linePosition(ofByteOffset offset: Int) -> SourcePosition {
        lines.position(of: offset) { column(from: $0, to: $1) }
    }

    /// 1 + the Unicode scalars from `start` to `offset`, two offsets of one line (the
    /// column of `offset` when `start` is the line's), read from the held bytes or from
    /// the lines kept for columns once the bytes are let go.
    public func column(from start: Int, to offset: Int) -> Int {
        switch text.withLock({ $0 }) {
        case .held(let bytes):
            return LineTable.column(after: bytes[start..<max(start, min(offset, bytes.count))])
        case .onDisk(let disk):
            return disk.column(from: start, to: offset)
        }
    }

    /// The 1-based position of a byte offset (column counted in Unicode scalars). An
    /// offset at the very end of a file that ends in a line break is on the last line,
    /// just past its break.
    public func position(ofByteOffset offset: Int) -> SourcePosition {
        let lines = self.lines
        let clamped = max(0, min(offset, byteCount))
        let position = linePosition(ofByteOffset: clamped)
        guard position.line > Self.visibleLineCount(lines, byteCount: byteCount), position.line > 1,
              let start = lines.lineStart(position.line - 2) else { return position }
        let column = withBytes(start..<clamped) { LineTable.column(after: $0) } ?? clamped - start + 1
        return SourcePosition(line: position.line - 1, column: column)
    }

    /// Where `position` is in its line's bytes (`withLine`'s), clamped to the line's end;
    /// nil past the last line. Found through the line table, so it costs the same
    /// anywhere on a long line.
    public func indexInLine(of position: SourcePosition) -> Int? {
        guard let lineStart = lines.lineStart(position.line - 1) else { return nil }
        return byteOffset(of: position) - lineStart
    }

    /// The byte offset of a 1-based position (column in Unicode scalars), clamped to
    /// its line; the inverse of `position(ofByteOffset:)`.
    public func byteOffset(of position: SourcePosition) -> Int {
        let lines = self.lines
        guard position.line >= 1 else { return 0 }
        guard position.line <= Self.visibleLineCount(lines, byteCount: byteCount),
              let range = lines.byteRange(ofLine: position.line - 1) else { return byteCount }
        return withBytes(range) { line in
            // A column on the line is found by the line table (at once on an ASCII line,
            // from the nearest block on a long one); past the line's end, by walking to it.
            let contentCount = line.count - Self.lineBreakLength(endingAt: line)
            if position.column > 1,
               let offset = lines.offset(line: position.line - 1, column: position.column - 1, byte: { line[$0 - range.lowerBound] }),
               offset - range.lowerBound <= contentCount {
                return offset
            }
            var index = 0
            var column = 1
            while column < position.column, index < line.count, Self.lineBreakLength(line, at: index) == 0 {
                index += 1
                while index < line.count, line[index] & 0xC0 == 0x80 { index += 1 }
                column += 1
            }
            return range.lowerBound + index
        } ?? range.lowerBound
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

    /// Length in bytes of the line break that ends `line` (a line's bytes with its
    /// break), 0 if it has none: the break is at most three bytes.
    @usableFromInline
    static func lineBreakLength(endingAt line: UnsafeBufferPointer<UInt8>) -> Int {
        var scan = max(0, line.count - 3)
        while scan < line.count {
            let length = lineBreakLength(line, at: scan)
            if length > 0, scan + length == line.count { return length }
            scan += 1
        }
        return 0
    }

    /// Length in bytes of the line break at `index` (CRLF counts as one), 0 if none: the
    /// breaks libyaml counts (LF, CRLF, a lone CR, NEL, LS, PS), so line numbers agree.
    public static func lineBreakLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Bytes.Index) -> Int
        where Bytes.Index == Int {
        switch bytes[index] {
        case 0x0A: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }
}

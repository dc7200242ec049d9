import Synchronization

/// The bytes of one input file, kept so any diagnostic can show the line it points at.
///
/// Lines are found lazily, the first time a line is asked for, so loading a large
/// file costs nothing extra until something is rendered. The file has one line table
/// (`lines`), shared by everything that reads it; once built it is read without a lock.
public final class SourceFile: Sendable {
    /// The path as the user gave it (shown in diagnostics).
    public let path: String
    /// The file's raw bytes (UTF-8 expected; invalid sequences are replaced when shown).
    public let bytes: [UInt8]
    private let table = AtomicLazyReference<Lines>()

    /// The line table, held by reference so it is built once and shared.
    private final class Lines: Sendable {
        let table: LineTable
        init(_ table: LineTable) { self.table = table }
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Where each line starts. Built on first use (two threads at once for a large file);
    /// a thread that loses the race to build it uses the winner's.
    public var lines: LineTable {
        if let built = table.load() { return built.table }
        return table.storeIfNil(Lines(LineTable(bytes))).table
    }

    /// The number of lines (a final line without a newline counts; the empty line after
    /// a final line break does not).
    public var lineCount: Int { Self.visibleLineCount(lines, byteCount: bytes.count) }

    private static func visibleLineCount(_ lines: LineTable, byteCount: Int) -> Int {
        lines.count > 1 && lines.lineStart(lines.count - 1) == byteCount ? lines.count - 1 : lines.count
    }

    /// The byte range of 1-based line `number`, without its line break; nil past the end.
    public func lineRange(_ number: Int) -> Range<Int>? {
        let lines = self.lines
        guard number >= 1, number <= Self.visibleLineCount(lines, byteCount: bytes.count) else { return nil }
        return lines.text(ofLine: number - 1, in: bytes)
    }

    /// The text of 1-based line `number`, without its line break; nil past the end.
    public func line(_ number: Int) -> String? {
        lineRange(number).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The 1-based position of a byte offset (column counted in Unicode scalars). An
    /// offset at the very end of a file that ends in a line break is on the last line,
    /// just past its break.
    public func position(ofByteOffset offset: Int) -> SourcePosition {
        let lines = self.lines
        let clamped = max(0, min(offset, bytes.count))
        let position = lines.position(of: clamped, in: bytes)
        guard position.line > Self.visibleLineCount(lines, byteCount: bytes.count), position.line > 1,
              let start = lines.lineStart(position.line - 2) else { return position }
        var column = 1
        for index in start..<clamped where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return SourcePosition(line: position.line - 1, column: column)
    }

    /// The byte offset of a 1-based position (column in Unicode scalars), clamped to
    /// its line; the inverse of `position(ofByteOffset:)`.
    public func byteOffset(of position: SourcePosition) -> Int {
        let lines = self.lines
        guard position.line >= 1 else { return 0 }
        guard position.line <= Self.visibleLineCount(lines, byteCount: bytes.count),
              var index = lines.lineStart(position.line - 1) else { return bytes.count }
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
}

import Testing
@testable import SourceText

/// `SourceFile` finds its lines eight bytes at a time where it can: every break libyaml
/// knows must still end a line wherever it falls in a word, and text around it must be kept.
@Suite("Source file lines")
struct SourceFileLinesTests {
    @Test func everyBreakAtEveryAlignmentEndsALine() {
        let breaks: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]]
        var bytes: [UInt8] = []
        var expected: [String] = []
        for n in 0..<60 {
            // Lines of 0 … 19 characters, some with a two-byte character, so breaks land at every offset in a word.
            let line = String(repeating: "x", count: n % 20) + (n % 7 == 0 ? "é" : "")
            expected.append(line)
            bytes += Array(line.utf8) + breaks[n % breaks.count]
        }
        bytes += Array("last".utf8)
        expected.append("last")
        let file = SourceFile(path: "t", bytes: bytes)
        #expect(file.lineCount == expected.count)
        for (number, line) in expected.enumerated() {
            #expect(file.line(number + 1) == line, "line \(number + 1)")
        }
        #expect(file.line(expected.count + 1) == nil)
    }

    /// The empty line after a final break is where libyaml's stream ends, so the line
    /// table has it; the file's own lines do not: a diagnostic never points at it.
    @Test func aFinalLineBreakAddsNoLine() {
        for text in ["a: 1\n", "a: 1\r\n", "a: 1\r", "a: 1\u{2028}"] {
            let file = SourceFile(path: "t", text: text)
            let count = text.utf8.count
            #expect(file.lineCount == 1, "\(Array(text.utf8))")
            #expect(file.line(1) == "a: 1")
            #expect(file.line(2) == nil)
            #expect(file.lines.count == 2)
            // The end of the file is on the last line, past its text and each character
            // of its break (CR LF is two).
            let breakCharacters = text.unicodeScalars.count - 4
            #expect(file.position(ofByteOffset: count) == SourcePosition(line: 1, column: 5 + breakCharacters))
            #expect(file.byteOffset(of: SourcePosition(line: 2, column: 1)) == count)
        }
        let empty = SourceFile(path: "t", text: "")
        #expect(empty.lineCount == 1)
        #expect(empty.line(1) == "")
        #expect(empty.position(ofByteOffset: 0) == SourcePosition(line: 1, column: 1))
    }

    /// Positions and byte offsets go back and forth on lines of ASCII and of other text,
    /// and a byte order mark is not a column.
    @Test func positionsAndOffsetsAgree() {
        let file = SourceFile(path: "t", text: "\u{FEFF}id: é1\nname: x\n  - cé: [a, b]\n")
        #expect(file.line(1) == "id: é1")
        for offset in [3, 5, 7, 9, 10, 17, 20, 26] {
            let position = file.position(ofByteOffset: offset)
            #expect(file.byteOffset(of: position) == offset, "offset \(offset) at \(position)")
        }
        #expect(file.position(ofByteOffset: 7) == SourcePosition(line: 1, column: 5))
        #expect(file.line(2) == "name: x")
        #expect(file.lines.byteRange(ofLine: 1) == 11..<19)
    }

    /// A position is found among the lines of its 4 KiB block of the file: for every
    /// offset of a file of many blocks — short and long lines (one longer than a block),
    /// other text, every kind of break, a byte order mark — it is the line and column a
    /// walk from the start of the file gives.
    @Test func everyOffsetOfAFileOfManyBlocksHasItsPosition() {
        let breaks: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0xC2, 0x85], [0xE2, 0x80, 0xA8]]
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        for n in 0..<400 {
            let length = n == 150 ? 9_000 : (n * 37) % 90
            bytes += Array((String(repeating: "k", count: length) + (n % 3 == 0 ? "é€" : "")).utf8) + breaks[n % breaks.count]
        }
        bytes += Array("last line".utf8)
        #expect(bytes.count > 6 * 4096)
        let table = LineTable(bytes)
        // The walk: lines from `lineStart`, columns by counting the characters before the offset.
        var line = 0, column = 1
        for offset in 0...bytes.count {
            if let next = table.lineStart(line + 1), next <= offset {
                line += 1
                column = 1
            } else if offset > (table.lineStart(line) ?? 0), bytes[offset - 1] & 0xC0 != 0x80 {
                column += 1
            }
            let found = table.position(of: offset, in: bytes)
            if found != SourcePosition(line: line + 1, column: column) {
                Issue.record("offset \(offset): \(found), walked \(line + 1):\(column)")
                return
            }
        }
    }
}

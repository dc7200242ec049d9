import Testing
import SourceText

/// A plan written as one line of JSON with names in other scripts: every position on the
/// line must come out as on a short line, and finding one must not cost the line's
/// length (it did: a 1 MB one-line plan took over three minutes to read).
@Suite("Long lines")
struct LongLineTests {
    /// A short line, a line of about 40 KiB mixing ASCII with two-, three- and four-byte
    /// characters (so block starts fall inside characters), an ASCII line, and a final
    /// long line without a break.
    static let bytes: [UInt8] = {
        var long = ""
        for n in 0..<1_400 { long += "{\"city\": \"São Paulo ☃ \(n)\", \"x\": \"𝄞\(String(repeating: "é", count: n % 5))\"}, " }
        return Array("plan: one line\n[\(long)]\r\nascii: only\n\(long)".utf8)
    }()

    /// The position of every offset, counted one byte at a time from the file's start.
    static let positions: [SourcePosition] = {
        var result: [SourcePosition] = []
        var line = 1, column = 1, i = 0
        while i <= bytes.count {
            result.append(SourcePosition(line: line, column: column))
            if i == bytes.count { break }
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && bytes[i + 1] != 0x0A) {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return result
    }()

    /// The offsets a test looks at: a spread, and every offset around each block start.
    static let offsets: [Int] = {
        var offsets = Array(stride(from: 0, through: bytes.count, by: 37))
        for block in stride(from: 4_096, to: bytes.count, by: 4_096) { offsets += Array(block - 6...block + 6) }
        return offsets.filter { $0 <= bytes.count }
    }()

    @Test func everyOffsetHasTheColumnCountedFromItsLineStart() {
        let table = LineTable(Self.bytes)
        for offset in Self.offsets where Self.bytes.indices.contains(offset) && Self.bytes[offset] & 0xC0 != 0x80 {
            #expect(table.position(of: offset, in: Self.bytes) == Self.positions[offset], "offset \(offset)")
        }
    }

    /// An offset past the end of a file whose last line is long is on that line, at its end.
    @Test func anOffsetPastTheEndIsAtTheEndOfTheLastLine() {
        let table = LineTable(Self.bytes)
        for offset in [Self.bytes.count + 1, Self.bytes.count + 4_096, Self.bytes.count + 50_000] {
            #expect(table.position(of: offset, in: Self.bytes) == Self.positions[Self.bytes.count], "offset \(offset)")
        }
        #expect(SourceFile(path: "long.json", bytes: Self.bytes).linePosition(ofByteOffset: Self.bytes.count + 50_000)
                == Self.positions[Self.bytes.count])
    }

    @Test func everyColumnHasTheOffsetOfItsCharacter() {
        let table = LineTable(Self.bytes)
        let file = SourceFile(path: "long.json", bytes: Self.bytes)
        for offset in Self.offsets where Self.bytes.indices.contains(offset) && Self.bytes[offset] & 0xC0 != 0x80
            && Self.bytes[offset] != 0x0A && Self.bytes[offset] != 0x0D {
            let position = Self.positions[offset]
            #expect(table.offset(line: position.line - 1, column: position.column - 1, in: Self.bytes) == offset, "\(position)")
            #expect(file.byteOffset(of: position) == offset, "\(position)")
        }
        // Past the end of the long line: no offset, as on a short line.
        let longLine = 1
        let lastColumn = Self.positions[Self.bytes.firstIndex(of: 0x0D)!].column - 1
        #expect(table.offset(line: longLine, column: lastColumn + 2, in: Self.bytes) == nil)
        #expect(table.offset(line: longLine, column: lastColumn + 200_000, in: Self.bytes) == nil)
    }

    /// A parse asks for its marks in order: walking on from the last one must give what
    /// the table gives, also after a step back and a jump forward.
    @Test func theCursorFindsWhatTheTableFinds() {
        let table = LineTable(Self.bytes)
        var cursor = LineTable.Cursor()
        var columns: [(line: Int, column: Int)] = []
        for column in stride(from: 0, to: 60_000, by: 11) { columns.append((1, column)) }
        columns += [(1, 5), (1, 9_000), (1, 40_000), (1, 39_999), (3, 3), (3, 30_000), (1, 12), (3, 31_000)]
        for (line, column) in columns {
            let walked = table.offset(line: line, column: column, after: &cursor) { Self.bytes[$0] }
            #expect(walked == table.offset(line: line, column: column, in: Self.bytes), "line \(line) column \(column)")
        }
    }

    /// The work is what is bounded, not the time: a column far along the line reads a
    /// few blocks of it, not everything before it.
    @Test func aColumnFarAlongTheLineReadsOnlyAFewBlocks() {
        let table = LineTable(Self.bytes)
        var read = 0
        let offset = table.offset(line: 1, column: 35_000) { index in
            read += 1
            return Self.bytes[index]
        }
        #expect(offset != nil)
        #expect(read <= 3 * 4_096, "\(read) bytes read to find column 35,000")
        var counted = 0
        let position = table.position(of: offset!) { from, to in
            counted += to - from
            return LineTable.column(after: Self.bytes[from..<to])
        }
        #expect(position == Self.positions[offset!])
        #expect(counted <= 2 * 4_096, "\(counted) bytes counted for the column of offset \(offset!)")
    }

    /// A snippet of a long line shows the span and a little around it, its cut ends marked.
    @Test func aSnippetOfALongLineShowsTheSpanAndItsSurroundings() {
        let file = SourceFile(path: "long.json", bytes: Self.bytes)
        let needle = Array("\"São Paulo ☃ 700\"".utf8)
        let at = (0...Self.bytes.count - needle.count).first { Array(Self.bytes[$0..<$0 + needle.count]) == needle }!
        let start = Self.positions[at], end = Self.positions[at + needle.count]
        let snippet = DiagnosticRenderer().snippet(SourceSpan(file: file, start: start, end: end))
        let lines = snippet.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4, "\(snippet)")
        let shown = String(lines[1]), caret = String(lines[2])
        #expect(shown.hasPrefix("2 | …") && shown.hasSuffix("…"), "\(shown)")
        #expect(shown.unicodeScalars.count < 140, "\(shown.unicodeScalars.count) characters shown")
        // The caret is under the span: the same columns of the two lines.
        let shownScalars = Array(shown.unicodeScalars), caretScalars = Array(caret.unicodeScalars)
        let first = caretScalars.firstIndex(of: "^")!, last = caretScalars.lastIndex(of: "^")!
        #expect(String(String.UnicodeScalarView(shownScalars[first...last])) == "\"São Paulo ☃ 700\"")
        // The line's start: no cut before it.
        let head = DiagnosticRenderer().snippet(SourceSpan(file: file, start: .init(line: 2, column: 2), end: .init(line: 2, column: 3)))
        #expect(head.contains("2 | [{\"city\"") && head.contains("…\n"), "\(head)")
        // The line's end (no break after the last line): no cut after it.
        let lastLine = Self.positions.last!
        let tail = DiagnosticRenderer().snippet(SourceSpan(file: file, start: .init(line: lastLine.line, column: lastLine.column - 3),
                                                           end: .init(line: lastLine.line, column: lastLine.column - 1)))
        #expect(tail.contains("4 | …") && tail.contains("}, \n"), "\(tail)")
    }
}

@testable import ShoreLSP
@testable import SourceText
import XCTest

/// Positions between Shore (1-based, columns in Unicode scalars, libyaml's line breaks)
/// and LSP (0-based, UTF-16 columns, `\n`/`\r\n`/`\r`), and incremental edits.
final class TextDocumentTests: XCTestCase {
    func testPositionsRoundTripThroughUTF16() {
        let document = TextDocument(uri: "file:///a.yaml", version: 1, text: "a: é😀x\r\nb: 1\rc")
        let file = document.sourceFile
        // `x` is Shore column 6 (a : space é 😀 x), LSP character 6 (😀 is two units).
        XCTAssertEqual(document.position(of: SourcePosition(line: 1, column: 6), in: file), LSPPosition(line: 0, character: 6))
        XCTAssertEqual(document.shorePosition(of: LSPPosition(line: 0, character: 6), in: file), SourcePosition(line: 1, column: 6))
        XCTAssertEqual(document.position(of: SourcePosition(line: 3, column: 1), in: file), LSPPosition(line: 2, character: 0))
        XCTAssertEqual(document.shorePosition(of: LSPPosition(line: 1, character: 3), in: file), SourcePosition(line: 2, column: 4))
        // A position inside a surrogate pair or past the line's end is clamped.
        XCTAssertEqual(document.offset(of: LSPPosition(line: 0, character: 5)), 5)
        XCTAssertEqual(document.offset(of: LSPPosition(line: 1, character: 99)), 16)
    }

    /// Each ranged edit lands where its UTF-16 range says, on the text the edits before it
    /// left (a range after `é😀` counts 😀 as two units); a whole-text change replaces all.
    func testIncrementalEditsApplyInOrder() {
        var document = TextDocument(uri: "file:///a.yaml", version: 1, text: "assert: location.contry\n")
        let start = LSPPosition(line: 0, character: 17), end = LSPPosition(line: 0, character: 23)
        document.apply([(LSPRange(start: start, end: end), "country")], version: 2)
        XCTAssertEqual(document.text, "assert: location.country\n")
        document.apply([(nil, "m: é😀x\n"),
                        (LSPRange(start: LSPPosition(line: 0, character: 6), end: LSPPosition(line: 0, character: 7)), "y"),
                        (LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 1)), "n")],
                       version: 3)
        XCTAssertEqual(document.text, "n: é😀y\n")
        XCTAssertEqual(document.version, 3)
    }

    /// A plan written as one line of JSON: far along the line, a position is counted from
    /// the nearest block of the text, and must be what counting from the line's start
    /// gives (😀 two units, é one), on every line and after an edit.
    func testPositionsFarAlongALongLineCountEveryUnit() {
        let long = (0..<900).map { "{\"city\": \"São Paulo 😀 \($0)\"}" }.joined(separator: ", ")
        var document = TextDocument(uri: "file:///one-line.json", version: 1, text: "# é\n[\(long)]\r\nascii\n[\(long)]")
        func check(_ document: TextDocument) {
            let text = document.text
            let bytes = Array(text.utf8)
            var line = 0, units = 0, offset = 0
            for scalar in text.unicodeScalars {
                if offset % 97 == 0 || offset % 4_096 < 3 || offset % 4_096 > 4_088 {
                    XCTAssertEqual(document.position(ofOffset: offset), LSPPosition(line: line, character: units), "offset \(offset)")
                    XCTAssertEqual(document.offset(of: LSPPosition(line: line, character: units)), offset, "line \(line), character \(units)")
                    if scalar.utf16.count == 2 {
                        // Inside a surrogate pair: the offset of the character it belongs to.
                        XCTAssertEqual(document.offset(of: LSPPosition(line: line, character: units + 1)), offset)
                    }
                }
                let isBreak = scalar == "\n" || (scalar == "\r" && (offset + 1 >= bytes.count || bytes[offset + 1] != 0x0A))
                if isBreak { line += 1; units = 0 } else { units += scalar.utf16.count }
                offset += scalar.utf8.count
            }
            XCTAssertEqual(document.position(ofOffset: bytes.count), LSPPosition(line: line, character: units))
            // A column past a line's end is the line's end, before its break.
            for line in 0..<document.lineCount {
                let content = document.line(line)
                let lineStart = document.offset(of: LSPPosition(line: line, character: 0))
                XCTAssertEqual(document.offset(of: LSPPosition(line: line, character: content.utf16.count + 50_000)),
                               lineStart + content.utf8.count, "line \(line)")
            }
        }
        check(document)
        document.apply([(LSPRange(start: LSPPosition(line: 1, character: 1), end: LSPPosition(line: 1, character: 2)), "😀")], version: 2)
        check(document)
    }

    func testFileURIsAndPaths() {
        XCTAssertEqual(DocumentURI.path(of: "file:///tmp/a%20b/r%C3%A9gles.yaml"), "/tmp/a b/régles.yaml")
        XCTAssertEqual(DocumentURI.uri(ofPath: "/tmp/a b/régles.yaml"), "file:///tmp/a%20b/r%C3%A9gles.yaml")
    }
}

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
}

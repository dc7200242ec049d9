#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import TestScratch
@testable import SourceText

/// A large file lets its bytes go once read (`SourceFile.releaseText()`) and reads lines
/// back from the open file: what a report shows must not change, and a file changed
/// since it was read must never be shown as the text that was checked.
@Suite("Text on disk")
struct TextOnDiskTests {
    /// Lines of ASCII and of other text, with every break libyaml knows, past several
    /// read windows, ending without a break; one line of other text is longer than a few
    /// 4 KiB blocks (its columns are counted from a block's start).
    static let text: [UInt8] = {
        let breaks: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0x0A]]
        var bytes: [UInt8] = []
        for n in 0..<12_000 {
            let line = n == 6_000 ? String(repeating: "{ city: Kraków – São Paulo ☃ }, ", count: 600)
                : n % 5 == 0 ? "  - { country: PL, city: Kraków \(n), note: \"Łódź – São Paulo\" }"
                : "    city: Cebu City \(n)" + String(repeating: "x", count: n % 23)
            bytes += Array(line.utf8) + breaks[n % breaks.count]
        }
        bytes += Array("last: Zürich".utf8)
        return bytes
    }()

    static func write(_ bytes: [UInt8], name: String) -> String {
        let path = TestScratch.root + "/" + name
        let out = fopen(path, "wb")!
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, out) }
        fclose(out)
        return path
    }

    /// The file at `path` read as a loader reads a large file: its descriptor kept open.
    static func openedFile(_ path: String, bytes: [UInt8]) -> SourceFile {
        SourceFile(path: path, bytes: bytes, openFile: OpenFile(descriptor: open(path, O_RDONLY | O_CLOEXEC)))
    }

    @Test func lettingTheTextGoChangesNoLinePositionOrSnippet() {
        let path = Self.write(Self.text, name: "released.yaml")
        let held = SourceFile(path: path, bytes: Self.text)
        let released = Self.openedFile(path, bytes: Self.text)
        #expect(released.releaseText())
        #expect(!released.holdsText && held.holdsText)
        #expect(released.lineCount == held.lineCount)
        for number in 0...held.lineCount + 1 {
            #expect(released.line(number) == held.line(number), "line \(number)")
        }
        for offset in stride(from: 0, through: Self.text.count + 2, by: 7) {
            let position = held.position(ofByteOffset: offset)
            #expect(released.position(ofByteOffset: offset) == position, "offset \(offset)")
            #expect(released.linePosition(ofByteOffset: offset) == held.linePosition(ofByteOffset: offset), "offset \(offset)")
            #expect(released.byteOffset(of: position) == held.byteOffset(of: position), "position \(position)")
        }
        for line in stride(from: 1, through: held.lineCount, by: 97) {
            let span = { (file: SourceFile) in SourceSpan(file: file, start: .init(line: line, column: 3), end: .init(line: line, column: 9)) }
            #expect(DiagnosticRenderer().snippet(span(released)) == DiagnosticRenderer().snippet(span(held)), "line \(line)")
        }
        #expect(released.bytes == Self.text)
        // A display copy under another path reads the same text.
        #expect(SourceFile(path: "shown.yaml", sameTextAs: released).line(4) == held.line(4))
    }

    /// Changed in place after the text was let go: the changed lines are not shown (not
    /// the new text at the old place), columns still come from the lines kept for them,
    /// and nothing crashes when the file is then cut short.
    @Test func aFileChangedSinceItWasReadIsNotShown() {
        let path = Self.write(Self.text, name: "changed.yaml")
        let held = SourceFile(path: path, bytes: Self.text)
        let released = Self.openedFile(path, bytes: Self.text)
        #expect(released.releaseText())
        var changed = Self.text
        changed[100] = UInt8(ascii: "Z")
        _ = Self.write(changed, name: "changed.yaml")
        #expect(released.line(2) == nil)
        #expect(DiagnosticRenderer().snippet(SourceSpan(file: released, start: .init(line: 2, column: 1),
                                                        end: .init(line: 2, column: 2))) == "")
        #expect(released.bytes.count == 0)
        // Columns on a line of other text than ASCII are still counted right.
        let kraków = 1 + Self.text.firstIndex(of: 0xC3)!
        #expect(released.position(ofByteOffset: kraków + 3) == held.position(ofByteOffset: kraków + 3))
        _ = Self.write(Array(Self.text[0..<10]), name: "changed.yaml")
        #expect(released.line(held.lineCount) == nil)
    }

    /// A line of more than 64 KiB (a plan written as one line of JSON) would be read
    /// back whole for every snippet on it: such a file keeps its bytes, as does a file
    /// not read from disk.
    @Test func aVeryLongLineOrNoOpenFileKeepsTheText() {
        let long = Array(("a: [" + String(repeating: "1, ", count: 25_000) + "1]\n").utf8)
        let path = Self.write(long, name: "long.yaml")
        let file = Self.openedFile(path, bytes: long)
        #expect(!file.releaseText())
        #expect(file.holdsText && file.bytes == long)
        let inMemory = SourceFile(path: "t.yaml", bytes: Self.text)
        #expect(!inMemory.releaseText())
        #expect(inMemory.holdsText)
    }
}

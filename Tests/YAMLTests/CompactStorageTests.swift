import Testing
import SourceText
@testable import YAML

/// Nodes keep byte offsets and point into the file for their text; what they report
/// (positions, text, counts) must be what libyaml read.
@Suite("Compact node storage")
struct CompactStorageTests {
    /// The positions libyaml gives for this text (a byte order mark, CR LF, a lone CR,
    /// NEL and LS line breaks, two-byte characters), read back from byte offsets.
    @Test func positionsSurviveEveryLineBreakAndTheByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: é1\r\nb: x\rc: ü".utf8) + [0xC2, 0x85]
            + Array("d: 'q'".utf8) + [0xE2, 0x80, 0xA8] + Array("e: [1, 2]\n".utf8)
        let loaded = YAMLLoader().load(bytes: bytes, path: "t.yaml")
        #expect(loaded.diagnostics.isEmpty)
        let root = try #require(loaded.document?.root)
        func span(_ node: YAMLNode?) -> String {
            guard let node else { return "-" }
            return "\(node.start.line):\(node.start.column)-\(node.end.line):\(node.end.column)"
        }
        #expect(span(root) == "1:1-6:1")
        #expect(span(root.key(at: 0)) == "1:1-1:2")
        #expect(span(root["a"]) == "1:4-1:6")
        #expect(root["a"]?.string == "é1")
        #expect(span(root["b"]) == "2:4-2:5")
        #expect(span(root["c"]) == "3:4-3:5")
        #expect(span(root.key(at: 3)) == "4:1-4:2")
        #expect(span(root["d"]) == "4:4-4:7")
        #expect(root["d"]?.string == "q")
        #expect(span(root["e"]) == "5:4-5:10")
        #expect(root["e"]?.items.map(span) == ["5:5-5:6", "5:8-5:9"])
    }

    /// libyaml ends the root of a file without a final line break on the line after
    /// the last: a position past the file, kept as libyaml gave it.
    @Test func aPositionPastTheFileIsKeptAsGiven() throws {
        let root = try #require(load("k: [a, b]\nlast: wörd").document?.root)
        #expect(root["last"]?.end == SourcePosition(line: 2, column: 11))
        #expect(root.end == SourcePosition(line: 3, column: 1))
    }

    /// Plain scalars and quoted ones without escapes are the file's own bytes: only
    /// escaped, folded and block text is copied.
    @Test func onlyRewrittenTextIsCopied() throws {
        let text = "plain: b\nsingle: 'd'\ndouble: \"e\"\nescaped: \"f\\tg\"\nblock: |\n  lit\nquote: 'it''s'\n"
        let document = try #require(load(text).document)
        let root = try #require(document.root)
        #expect(root["plain"]?.string == "b")
        #expect(root["single"]?.string == "d")
        #expect(root["double"]?.string == "e")
        #expect(root["escaped"]?.string == "f\tg")
        #expect(root["block"]?.string == "lit\n")
        #expect(root["quote"]?.string == "it's")
        #expect(root["quote"]?.scalarEquals("it's") == true)
        #expect(String(decoding: document.text, as: UTF8.self) == "f\tglit\nit's")
    }

    /// A collection whose children are the records right after it lists none in
    /// `children`; one with a nested collection or an alias does.
    @Test func collectionsOfScalarsKeepNoChildList() throws {
        let document = try #require(load("a: { b: 1, c: 2 }\nd: [x, y]\ne: &k [p]\nf: [*k, q]\n").document)
        let root = try #require(document.root)
        #expect(root["a"]?["c"]?.int == 2)
        #expect(root["a"]?.key(at: 1).string == "c")
        #expect(root["d"]?.items.map(\.string) == ["x", "y"])
        #expect(root["f"]?.item(at: 0).items.map(\.string) == ["p"])
        #expect(root["f"]?.item(at: 1).string == "q")
        // The root's 8 entries and f's 2; a, d and e list nothing.
        #expect(document.children.count == 10)
        let duplicate = load("m: { k: 1, j: 2, k: 3 }\n")
        #expect(duplicate.diagnostics.map { "\($0.location?.start.column ?? 0) \($0.notes.first?.location?.start.column ?? 0)" } == ["18 6"])
    }

    @Test func aNodeTakesSixteenBytes() {
        #expect(MemoryLayout<YAMLDocument.Record>.stride == 16)
    }

    /// A scalar longer than a record's 24-bit count keeps its full length.
    @Test func aScalarOfMoreThan16MiBKeepsItsLength() throws {
        let long = String(repeating: "x", count: (1 << 24) + 3)
        let root = try #require(load("a: \(long)\nb: 1\n", limits: YAMLLimits(maxFileBytes: 64 << 20)).document?.root)
        #expect(root["a"]?.scalar?.utf8.count == (1 << 24) + 3)
        #expect(root["a"]?.end == SourcePosition(line: 1, column: (1 << 24) + 7))
        #expect(root["b"]?.int == 1)
    }

    @Test func aColumnPastItsLineHasNoOffset() {
        let bytes = Array("ab\ncé\n".utf8)
        let lines = LineTable(bytes)
        #expect(lines.offset(line: 0, column: 2, in: bytes) == 2)
        #expect(lines.offset(line: 0, column: 3, in: bytes) == nil)
        #expect(lines.offset(line: 1, column: 2, in: bytes) == 6)
        #expect(lines.offset(line: 1, column: 4, in: bytes) == nil)
        #expect(lines.offset(line: 2, column: 0, in: bytes) == 7)
        #expect(lines.position(of: 6, in: bytes) == SourcePosition(line: 2, column: 3))
    }
}

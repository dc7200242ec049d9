import Testing
@testable import SourceText
@testable import YAML

/// A large file parsed in parallel pieces must give exactly the sequential tree.
@Suite("Parallel parse of a large file")
struct ChunkedParseTests {
    /// A plan-like file: one root mapping, a long `items:` list of varied items,
    /// keys before and after it, comments, flow and block styles, quotes, block scalars.
    static func largeFile(extra: String = "", inItem: (Int) -> String = { _ in "" }) -> String {
        var text = "# header comment\nplan: big\ncompany: { name: Acme, country: NO }\n\nitems:\n"
        for i in 0..<1_500 {
            text += """
              - id: item-\(i)
                # a comment inside
                flags: [a, "b, c", 'd''e', \(i % 7 == 0 ? "true" : "NO")]
                provider: { name: P \(i), kind: agency, n: \(i) }
                note: |
                  line one \(i)
                  line two
                folded: >-
                  folded \(i)
                  text
                nested:
                  - { x: 1.5, y: null }
                  - plain multi
                    line scalar
            \(inItem(i))
            """
        }
        text += "\n# trailing comment\nwaivers:\n  - { rule: X, expires: 2027-01-01 }\n" + extra
        return text
    }

    /// Compares two trees node by node: kind, style, scalar text and kind, positions.
    static func same(_ a: YAMLNode, _ b: YAMLNode, path: String = "$") -> String? {
        if a.kind != b.kind { return "\(path): kind \(a.kind) vs \(b.kind)" }
        if a.start != b.start { return "\(path): start \(a.start) vs \(b.start)" }
        if a.kind != .sequence, a.end != b.end { return "\(path): end \(a.end) vs \(b.end)" }
        if a.style != b.style { return "\(path): style" }
        if a.scalar != b.scalar || a.scalarKind != b.scalarKind { return "\(path): scalar \(a.scalar ?? "-") vs \(b.scalar ?? "-")" }
        if a.count != b.count { return "\(path): count \(a.count) vs \(b.count)" }
        if a.kind == .mapping {
            for i in 0..<a.count {
                if let d = same(a.key(at: i), b.key(at: i), path: "\(path).key\(i)") { return d }
                if let d = same(a.value(at: i), b.value(at: i), path: "\(path).\(a.key(at: i).scalar ?? "?")") { return d }
            }
        } else if a.kind == .sequence {
            for i in 0..<a.count {
                if let d = same(a.item(at: i), b.item(at: i), path: "\(path)[\(i)]") { return d }
            }
        }
        return nil
    }

    @Test func theSplitFallsOnItemLines() throws {
        let bytes = Array(Self.largeFile().utf8)
        let split = try #require(ChunkedYAML.split(bytes, pieces: 3, lines: LineTable(bytes)))
        #expect(split.cuts.count == 2)
        for cut in split.cuts {
            #expect(Array(bytes[cut..<cut + 6]) == Array("  - id".utf8))
        }
    }

    /// The pieces shrink toward the end of the list: the last ones may be read by one
    /// core while the others have nothing left to take, so they are the shortest.
    @Test func thePiecesShrinkTowardTheEnd() throws {
        let bytes = Array(Self.largeFile().utf8)
        let split = try #require(ChunkedYAML.split(bytes, pieces: 8, lines: LineTable(bytes)))
        let sizes = (0..<split.pieceCount).map { split.piece($0).count }
        #expect(sizes.count == 8)
        let even = Double(split.region.count) / 8
        #expect(Double(sizes[0]) > 1.3 * even && Double(sizes[7]) < 0.7 * even, "\(sizes)")
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { Double($1) < Double($0) * 1.05 }, "\(sizes)")
        #expect(ChunkedYAML.cutTargets(pieces: 1, bytes: 0..<100).isEmpty)
        #expect(ChunkedYAML.cutTargets(pieces: 2, bytes: 0..<100) == [87])
    }

    @Test func parallelAndSequentialTreesAreIdentical() throws {
        let text = Self.largeFile()
        let sequential = YAMLLoader(parallel: false).load(text: text, path: "big.yaml")
        let parallel = try #require(Self.chunked(text), "the parallel route was not taken")
        let a = try #require(sequential.document?.root)
        let b = try #require(parallel.document?.root)
        #expect(Self.same(a, b) == nil)
        #expect(sequential.diagnostics.isEmpty && parallel.diagnostics.isEmpty)
    }

    @Test func diagnosticsInsidePiecesKeepTheirLines() throws {
        let text = Self.largeFile { i in i == 1_300 ? "    id: again\n" : "" }
        let sequential = YAMLLoader(parallel: false).load(text: text, path: "big.yaml")
        let parallel = try #require(Self.chunked(text))
        #expect(sequential.diagnostics.map(\.description) == parallel.diagnostics.map(\.description))
        #expect(parallel.diagnostics.map(\.code) == [.yamlDuplicateKey])
    }

    @Test func aSyntaxErrorOrACrossPieceAliasFallsBackToTheSequentialResult() throws {
        let broken = Self.largeFile { i in i == 1_200 ? "    bad: [unclosed\n" : "" }
        #expect(Self.chunked(broken) == nil)
        let aliased = Self.largeFile { i in
            i == 1 ? "    base: &base { k: v }\n" : i == 1_450 ? "    copy: *base\n" : ""
        }
        #expect(Self.chunked(aliased) == nil)
        let result = YAMLLoader().load(text: aliased, path: "a.yaml")
        #expect(result.diagnostics.isEmpty)
        let items = try #require(result.document?.root?["items"])
        #expect(items.item(at: 1_450)["copy"]?["k"]?.string == "v")
    }

    /// Kept apart, the pieces hold exactly the items of the joined list, a piece at a time;
    /// the file's document holds null under the list's key.
    @Test func piecesKeptApartHoldTheSameItems() throws {
        for text in [Self.largeFile(), Self.largeFile().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")] {
            let joined = try #require(Self.chunked(text)?.document?.root?["items"])
            let source = SourceFile(path: "big.yaml", text: text)
            let apart = try #require(ChunkedYAML.load(source: source, limits: .default, pieces: 3, minimumBytes: 0, keepingApart: "items"))
            let pieces = try #require(apart.listPieces)
            #expect(pieces.key == "items")
            #expect(pieces.count == joined.count)
            #expect(apart.document?.root?["items"]?.isNull == true)
            #expect(apart.document?.root?["waivers"]?.count == 1)
            var index = 0
            for p in 0..<pieces.pieceCount {
                #expect(pieces.firstItems[p] == index)
                let piece = try #require(pieces.take(p)?.root)
                #expect(pieces.take(p) == nil, "a piece is handed out once")
                for i in 0..<piece.count {
                    #expect(Self.same(piece.item(at: i), joined.item(at: index), path: "[\(index)]") == nil)
                    index += 1
                }
            }
            #expect(index == joined.count)
        }
    }

    @Test func onlyTheNamedListIsKeptApart() throws {
        let source = SourceFile(path: "big.yaml", text: Self.largeFile())
        let stitched = try #require(ChunkedYAML.load(source: source, limits: .default, pieces: 3, minimumBytes: 0, keepingApart: "waivers"))
        #expect(stitched.listPieces == nil)
        #expect(stitched.document?.root?["items"]?.count == 1_500)
        // The skeleton parsed to look for the list's key is the one stitched.
        let whole = try #require(YAMLLoader(parallel: false).load(text: Self.largeFile(), path: "big.yaml").document?.root)
        #expect(Self.same(try #require(stitched.document?.root), whole, path: "") == nil)
    }

    /// The parallel route on any size of file (nil when it declines).
    static func chunked(_ text: String) -> YAMLLoadResult? {
        ChunkedYAML.load(source: SourceFile(path: "big.yaml", text: text), limits: .default, pieces: 3, minimumBytes: 0)
    }

    @Test func unusualLineBreaksAreLeftToTheSequentialParse() throws {
        for lineBreak in ["\r", "\u{85}", "\u{2028}"] {
            let text = Self.largeFile { i in i == 700 ? "    note2: a\(lineBreak)  b\n" : "" }
            #expect(Self.chunked(text) == nil, "line break \(lineBreak.unicodeScalars.first!.value)")
        }
        let crlf = Self.largeFile().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let sequential = YAMLLoader(parallel: false).load(text: crlf, path: "big.yaml")
        let parallel = try #require(Self.chunked(crlf))
        #expect(Self.same(try #require(sequential.document?.root), try #require(parallel.document?.root)) == nil)
    }
}

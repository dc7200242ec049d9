import Testing
@testable import YAML

@Suite("Positions of nodes and keys")
struct PositionTests {
    @Test func scalarStylesCarryTheirStartAndEnd() throws {
        let text = """
        plain: hello world
        single: 'it''s'
        double: "a\\tb"
        literal: |
          line one
          line two
        folded: >-
          folded
          text
        last: x
        """
        let root = try #require(load(text).document?.root)
        #expect(at(root["plain"]) == "1:8")
        #expect(root["plain"]?.end.column == 19)
        #expect(at(root["single"]) == "2:9")
        #expect(root["single"]?.string == "it's")
        #expect(root["single"]?.style == .singleQuoted)
        #expect(at(root["double"]) == "3:9")
        #expect(root["double"]?.string == "a\tb")
        #expect(at(root["literal"]) == "4:10")
        #expect(root["literal"]?.string == "line one\nline two\n")
        #expect(root["literal"]?.style == .literal)
        #expect(at(root["folded"]) == "7:9")
        #expect(root["folded"]?.string == "folded text")
        #expect(root["folded"]?.style == .folded)
        #expect(at(root["last"]) == "10:7")
    }

    @Test func keysHaveTheirOwnPositions() throws {
        let root = try #require(load("a: 1\n  \nnested:\n  inner: 2\n").document?.root)
        let entry = try #require(root.entry("nested"))
        #expect(at(entry.key) == "3:1")
        #expect(at(entry.value) == "4:3")
        let inner = try #require(entry.value.entry("inner"))
        #expect(at(inner.key) == "4:3")
        #expect(at(inner.value) == "4:10")
    }

    @Test func flowAndBlockCollections() throws {
        let text = """
        flow: [US, CA, { k: v }]
        block:
          - one
          - { country: PH, city: Manila }
        """
        let root = try #require(load(text).document?.root)
        let flow = try #require(root["flow"])
        #expect(flow.kind == .sequence)
        #expect(flow.style == .flow)
        #expect(at(flow) == "1:7")
        #expect(flow.items.map(at) == ["1:8", "1:12", "1:16"])
        #expect(at(flow.items[2]["k"]) == "1:21")
        let block = try #require(root["block"])
        #expect(block.style == .block)
        #expect(block.items.map(at) == ["3:5", "4:5"])
        #expect(at(block.items[1]["city"]) == "4:26")
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let root = try #require(load("name: Zoë Müller\nnext: ok\ncity: 東京\nz: 1\n").document?.root)
        #expect(root["name"]?.end.column == 17)
        #expect(at(root["next"]) == "2:7")
        #expect(root["city"]?.end.column == 9)
        #expect(at(root["z"]) == "4:4")
        let problem = load("k: é\n  bad: [\n")
        #expect(problem.diagnostics.count == 1)
    }
}

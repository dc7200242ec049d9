import Testing
import SourceText
@testable import YAML

/// A loader matches a mapping's keys against a schema's names by their bytes
/// (`YAMLNode.match`); what it finds must be what a key-by-key walk of the entries finds.
@Suite("Matching a mapping's keys")
struct KeyMatchTests {
    let keys = YAMLKeySet(["id", "name", "country", "headcount", "ab", "ba"])

    @Test func valuesUnmatchedEntriesAndNullsAreFoundByBytes() throws {
        let root = try #require(load("""
            name: "Acme\\u00e9"
            'id': x-1
            colour: red
            [a, b]: 1
            country: ~
            ba: 2
            headcunt: 3
            """).document?.root)
        let match = try #require(root.match(keys))
        #expect(match.value(0)?.string == "x-1")          // a quoted key is the same key
        #expect(match.value(1)?.string == "Acmeé")        // an escaped value is text, not bytes of the file
        #expect(match.value(2) == nil)                    // null counts as absent
        #expect(!match.has(2))
        #expect(match.written(2)?.isNull == true)         // … but it is written, where a finding can point
        #expect(at(match.written(2)) == "5:10")
        #expect(match.written(3) == nil)
        #expect(match.value(3) == nil)
        #expect(match.value(4) == nil)                    // same length as "ba", other bytes
        #expect(match.value(5)?.int == 2)
        #expect(match.unmatched == [2, 3, 6])             // file order; a list key is unmatched too
        #expect(at(match.value(0)) == "2:7")
    }

    @Test func aKeyWrittenTwiceKeepsItsLastValueThatIsNotNull() throws {
        let root = try #require(load("{id: a, id: b, id: ~, name: ~, name: n}").document?.root)
        let match = try #require(root.match(keys))
        #expect(match.value(0)?.string == "b")
        #expect(match.written(0)?.string == "b")
        #expect(match.value(1)?.string == "n")            // a null written first gives way
    }

    @Test func notAMappingMatchesNothing() throws {
        let root = try #require(load("[1, 2]").document?.root)
        #expect(root.match(keys) == nil)
    }

    /// Mappings of 255 entries or more keep their matches out of line; the result is the same.
    @Test func aLargeMappingMatchesLikeASmallOne() throws {
        let filler = (0..<300).map { "k\($0): \($0)" }.joined(separator: "\n")
        let root = try #require(load(filler + "\nheadcount: 7\nid: z\nname: ~\n").document?.root)
        let match = try #require(root.match(keys))
        #expect(match.value(3)?.int == 7)
        #expect(match.value(0)?.string == "z")
        #expect(!match.has(1))
        #expect(match.value(1) == nil)
        #expect(match.written(1)?.isNull == true)
        #expect(match.written(2) == nil)
        #expect(match.unmatched == Array(0..<300))
    }

    @Test func namesAreFoundByText() {
        #expect(keys.index(of: "country") == 2)
        #expect(keys.index(of: "ba") == 5)
        #expect(keys.index(of: "countries") == nil)
        #expect(keys.index(of: "") == nil)
        #expect(YAMLKeySet(["same", "same"]).index(of: "same") == 0)
    }
}

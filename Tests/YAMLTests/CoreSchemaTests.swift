import Testing
@testable import YAML

@Suite("YAML 1.2 core schema")
struct CoreSchemaTests {
    @Test func norwayAndFriendsStayStrings() throws {
        let root = try #require(load("country: NO\na: yes\nb: on\nc: y\nd: off\ne: No\nlist: [NO, SE]\n").document?.root)
        for key in ["country", "a", "b", "c", "d", "e"] {
            #expect(root[key]?.scalarKind == .string, "\(key)")
        }
        #expect(root["country"]?.string == "NO")
        #expect(root["list"]?.items.map(\.string) == ["NO", "SE"])
    }

    @Test func onlyTrueAndFalseAreBooleans() throws {
        let root = try #require(load("a: true\nb: False\nc: TRUE\nd: tRuE\ne: 'true'\n").document?.root)
        #expect(root["a"]?.bool == true)
        #expect(root["b"]?.bool == false)
        #expect(root["c"]?.bool == true)
        #expect(root["d"]?.scalarKind == .string)
        #expect(root["e"]?.scalarKind == .string)
    }

    @Test func numbersFollowTheCoreRegexes() throws {
        let text = "a: 12\nb: -7\nc: 0x1F\nd: 0o17\ne: 1.5\nf: .5\ng: 1e3\nh: -.inf\ni: .nan\nj: 1_000\nk: 2027-01-01\nl: '12'\nm: 09:00\nn: +3\n"
        let root = try #require(load(text).document?.root)
        #expect(root["a"]?.int == 12)
        #expect(root["b"]?.int == -7)
        #expect(root["c"]?.int == 31)
        #expect(root["d"]?.int == 15)
        #expect(root["e"]?.double == 1.5)
        #expect(root["f"]?.double == 0.5)
        #expect(root["g"]?.double == 1000)
        #expect(root["h"]?.double == -.infinity)
        #expect(root["i"]?.double?.isNaN == true)
        #expect(root["j"]?.scalarKind == .string)
        #expect(root["k"]?.string == "2027-01-01")
        #expect(root["l"]?.string == "12")
        #expect(root["m"]?.string == "09:00")
        #expect(root["n"]?.int == 3)
        #expect(root["a"]?.double == 12)
    }

    @Test func nullForms() throws {
        let root = try #require(load("a:\nb: ~\nc: null\nd: NULL\ne: 'null'\n").document?.root)
        for key in ["a", "b", "c", "d"] { #expect(root[key]?.isNull == true, "\(key)") }
        #expect(root["e"]?.string == "null")
    }

    @Test func hugeIntegersAreAnErrorNotAWrap() throws {
        let result = load("small: 9223372036854775807\nbig: 9223372036854775808\nneg: -99999999999999999999999\n")
        #expect(codes(result) == ["yaml.integer-overflow@2:6", "yaml.integer-overflow@3:6"])
        #expect(result.document?.root?["small"]?.int == Int64.max)
        #expect(result.document?.root?["big"]?.int == nil)
    }

    @Test func tagsForceOrRejectTypes() throws {
        let result = load("a: !!str 12\nb: ! yes\nc: !custom x\nd: !!int nope\n")
        let root = try #require(result.document?.root)
        #expect(root["a"]?.string == "12")
        #expect(root["b"]?.string == "yes")
        #expect(codes(result) == ["yaml.unsupported-tag@3:4", "yaml.unsupported-tag@4:4"])
    }
}

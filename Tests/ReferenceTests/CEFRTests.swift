import Testing
@testable import Reference

@Suite struct CEFRTests {
    @Test func ordinals() throws {
        #expect(CEFRLevel.allCases.map(\.ordinal) == [1, 2, 3, 4, 5, 6, 7])
        #expect(try CEFRLevel.resolve("A1").ordinal == 1)
        #expect(try CEFRLevel.resolve("C2").ordinal == 6)
        #expect(try CEFRLevel.resolve("native").ordinal == 7)
        #expect(CEFRLevel(ordinal: 5) == .c1)
        #expect(CEFRLevel(ordinal: 8) == nil)
        #expect(CEFRLevel.b2 < .c1)
        #expect(CEFRLevel.c2 < .native)
    }

    @Test func names() {
        #expect(CEFRLevel.a1.name == "Breakthrough")
        #expect(CEFRLevel.c1.name == "Effective Operational Proficiency")
        #expect(CEFRLevel.b2.band == "Independent user")
        #expect(CEFRLevel.native.name == "Native")
        #expect(CEFRLevel.c2.descriptor.hasPrefix("Understands virtually everything"))
    }

    @Test(arguments: [("c1", "C1"), ("Native", "native"), ("NATIVE", "native"), ("C3", "C2"), ("A0", "A1"),
                      ("mother tongue", "native"), (" B2", "B2")])
    func suggestions(input: String, expected: String) {
        let e = #expect(throws: ReferenceError.self) { try CEFRLevel.resolve(input) }
        #expect(e?.suggestion == expected)
    }

    @Test func unknown() {
        let e = #expect(throws: ReferenceError.self) { try CEFRLevel.resolve("fluent") }
        #expect(e?.suggestion == nil)
        #expect(e?.message.contains("A1, A2, B1, B2, C1, C2 or native") == true)
    }

    @Test func classifications() {
        #expect(Classifications.defaultScale == ["public", "internal", "confidential", "restricted"])
        #expect(Classifications.level(of: "restricted") == 3)
        #expect(Classifications.level(of: "secret") == nil)
    }
}

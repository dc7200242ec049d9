import Testing
@testable import LinearRegex

/// Patterns that take exponential time in a backtracking engine. There is no
/// timing assertion: a backtracker would not finish these in years, so
/// completing at all is the test.
@Suite("Pathological patterns")
struct PathologicalTests {
    static let manyA = String(repeating: "a", count: 30_000)

    @Test func nestedPlusAnchored() throws {
        #expect(try LinearRegex("(a+)+$").matches(Self.manyA))
        #expect(!(try LinearRegex("^(a+)+$").matches(Self.manyA + "b")))
    }

    @Test func alternationOfEqualBranches() throws {
        #expect(!(try LinearRegex("(a|a)*b").matches(Self.manyA)))
        #expect(try LinearRegex("(a|a)*b").matches(Self.manyA + "b"))
    }

    @Test func nestedStar() throws {
        #expect(!(try LinearRegex("(a*)*c").matches(Self.manyA)))
        #expect(!(try LinearRegex("^(a*)*$").matches(Self.manyA + "c")))
    }

    @Test func doubledPlus() throws {
        let xs = String(repeating: "x", count: 30_000)
        #expect(!(try LinearRegex("(x+x+)+y").matches(xs)))
        #expect(try LinearRegex("(x+x+)+y").matches(xs + "y"))
    }

    @Test func optionalPrefixBlowup() throws {
        // a?^n a^n against a^n: exponential for backtrackers.
        let n = 30
        let pattern = String(repeating: "a?", count: n) + String(repeating: "a", count: n)
        #expect(try LinearRegex("^" + pattern + "$").matches(String(repeating: "a", count: n)))
        #expect(!(try LinearRegex("^" + pattern + "$").matches(String(repeating: "a", count: n - 1))))
    }

    @Test func largeCountedRepetitionOnLongText() throws {
        // About 5,000 instructions, most of them live at every step.
        let re = try LinearRegex("(?:a|b){500,1000}c")
        #expect(!re.matches(String(repeating: "a", count: 3_000)))
        #expect(re.matches(String(repeating: "ab", count: 300) + "c"))
    }

    @Test func capturesOnPathologicalInput() throws {
        let re = try LinearRegex("(a+)+$")
        let groups = try #require(re.captureGroups(in: Self.manyA))
        let whole = try #require(groups[0])
        #expect(Self.manyA[whole].count == 30_000)
    }
}

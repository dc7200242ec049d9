import Testing
@testable import LinearRegex
import SeededRandom

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

/// `matches(_:workLimit:)`: the bound callers put on untrusted text and patterns.
@Suite("Regex work limit")
struct WorkLimitTests {
    /// The DFA for this pattern needs a new state at almost every scalar of a long
    /// `ab` text, so each scalar costs about the program's length.
    static let growing = "[ab]*a[ab]{200}c"
    /// 4,000 pseudo-random `a`s and `b`s: no window repeats, so the states do not either.
    static let text: String = {
        var random = SplitMix64(seed: 7)
        return String((0..<4_000).map { _ in random.pick(["a", "b"] as [Character]) })
    }()

    @Test func theLimitStopsAGrowingDFAAndReportsTheWorkSpent() throws {
        let re = try LinearRegex(Self.growing)
        let unbounded = re.matches(Self.text, workLimit: .max)
        #expect(unbounded.found == false)
        // Far more than one unit per scalar: building states is what costs.
        #expect(unbounded.work > 50 * Self.text.unicodeScalars.count, "\(unbounded.work)")
        let bounded = re.matches(Self.text, workLimit: 10_000)
        #expect(bounded.found == nil)
        #expect(bounded.work >= 10_000 && bounded.work < unbounded.work)
    }

    @Test func aWarmPatternCostsAboutOneUnitPerScalar() throws {
        let re = try LinearRegex("b{3}")
        let long = String(repeating: "a", count: 50_000)
        _ = re.matches(long)
        let warm = re.matches(long, workLimit: .max)
        #expect(warm.found == false)
        #expect(warm.work >= 50_000 && warm.work < 51_000, "\(warm.work)")
    }

    @Test func anAnswerFoundWithinTheLimitIsTheUnboundedAnswer() throws {
        for (pattern, text) in [("a+b", "xxaab"), ("^$", ""), ("c", "abc"), ("\\bx\\b", "a x b"), ("z", "abc")] {
            let re = try LinearRegex(pattern)
            #expect(re.matches(text, workLimit: 1_000).found == re.matches(text), "\(pattern) on \(text)")
        }
    }
}

import SeededRandom
import Testing
@testable import LinearRegex

/// Compares leftmost-first match ranges with Swift's own (backtracking)
/// `Regex` on small random patterns from the syntax both share, over short
/// ASCII texts where their semantics coincide.
@Suite("Differential against Swift Regex")
struct DifferentialTests {
    private static func atom(_ depth: Int, _ g: inout SplitMix64) -> String {
        let pick = Int.random(in: 0..<(depth > 0 ? 12 : 9), using: &g)
        switch pick {
        case 0, 1, 2: return ["a", "b", "c"][pick]
        case 3: return "."
        case 4: return ["[ab]", "[^a]", "[a-b]", "[^bc]"][Int.random(in: 0..<4, using: &g)]
        case 5: return ["\\d", "\\w", "\\W", "\\s"][Int.random(in: 0..<4, using: &g)]
        case 6: return ["^", "$"][Int.random(in: 0..<2, using: &g)]
        case 7: return "a"
        case 8: return "b"
        case 9: return "(" + expr(depth - 1, &g) + ")"
        case 10: return "(?:" + expr(depth - 1, &g) + ")"
        default: return "(" + expr(depth - 1, &g) + "|" + expr(depth - 1, &g) + ")"
        }
    }

    private static func quantified(_ depth: Int, _ g: inout SplitMix64) -> String {
        let a = atom(depth, &g)
        if a == "^" || a == "$" { return a }
        // Loops over groups (which may match empty) are left out: there a
        // backtracker's empty-iteration rule and a Pike VM (like RE2's NFA)
        // may pick different (equally leftmost) matches.
        if a.hasPrefix("(") {
            let ops = ["", "", "?", "??", "{2}"]
            return a + ops[Int.random(in: 0..<ops.count, using: &g)]
        }
        let ops = ["", "", "", "*", "+", "?", "*?", "+?", "??", "{2}", "{1,2}", "{0,2}?", "{2,}"]
        return a + ops[Int.random(in: 0..<ops.count, using: &g)]
    }

    private static func expr(_ depth: Int, _ g: inout SplitMix64) -> String {
        let n = Int.random(in: 1...3, using: &g)
        var s = ""
        for _ in 0..<n { s += quantified(depth, &g) }
        if Int.random(in: 0..<5, using: &g) == 0 { s += "|" + quantified(depth, &g) }
        return s
    }

    @Test func agreesWithSwiftRegex() throws {
        var g = SplitMix64(seed: 0xD1FF_0002)
        var compared = 0
        for _ in 0..<1_500 {
            var pattern = Self.expr(2, &g)
            if Int.random(in: 0..<6, using: &g) == 0 { pattern = "(?i)" + pattern }
            guard let swiftRegex = try? Regex(pattern) else { continue }
            let ours = try LinearRegex(pattern)
            for _ in 0..<6 {
                let length = Int.random(in: 0...7, using: &g)
                var text = ""
                for _ in 0..<length { text += ["a", "b", "c", "A", "1", " "][Int.random(in: 0..<6, using: &g)] }
                let expected = text.firstMatch(of: swiftRegex)?.range
                let actual = ours.firstMatch(in: text)
                #expect(actual == expected, "\(pattern) on \(text.debugDescription)")
                #expect(ours.matches(text) == (expected != nil), "\(pattern) on \(text.debugDescription)")
                compared += 1
            }
        }
        #expect(compared > 5_000)
    }
}

/// The lazy DFA (behind `matches`) against the Pike VM (behind
/// `captureGroups`), with the assertions and flags the DFA must handle.
@Suite("DFA against Pike VM")
struct EngineAgreementTests {
    private static let pieces = [
        "a", "b", "é", " ", "\\n", ".", "[ab]", "[^a]", "\\w", "\\W", "\\b", "\\B", "^", "$", "\\A", "\\z",
        "(?m:^)", "(?m:$)", "(?s:.)", "(?i:A)", "a*", "b+", "(?:a|b)", "(a|\\b)", "(?:^|a)", "(?:$|b)", "x?",
        "(?:a\\b|b\\B)*", "[[:space:]]", "\\pL", "(?i)k",
    ]

    @Test func lazyDFAAgreesWithPikeVM() throws {
        var g = SplitMix64(seed: 0xDFA0_0003)
        for _ in 0..<2_000 {
            var pattern = ""
            for _ in 0..<Int.random(in: 1...5, using: &g) {
                pattern += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &g)]
                if Int.random(in: 0..<8, using: &g) == 0 { pattern += "|" }
            }
            let re = try LinearRegex(pattern)
            for _ in 0..<6 {
                var text = ""
                for _ in 0..<Int.random(in: 0...8, using: &g) {
                    text += ["a", "b", " ", "\n", "é", "K", "\u{212A}"][Int.random(in: 0..<7, using: &g)]
                }
                let dfa = re.matches(text)
                let pike = re.captureGroups(in: text) != nil
                #expect(dfa == pike, "\(pattern.debugDescription) on \(text.debugDescription)")
            }
        }
    }

    @Test func cacheResetKeepsResultsRight() throws {
        // (a|b)*a(a|b){12} needs 2^13 DFA states: more than the cache holds.
        let re = try LinearRegex("(a|b)*a(a|b){12}$")
        var g = SplitMix64(seed: 42)
        var text = ""
        for _ in 0..<20_000 { text += Bool.random(using: &g) ? "a" : "b" }
        for suffix in ["a" + String(repeating: "b", count: 12), String(repeating: "b", count: 13)] {
            let full = text + suffix
            let dfa = re.matches(full)
            let pike = re.captureGroups(in: full) != nil
            #expect(dfa == pike)
            #expect(dfa == suffix.hasPrefix("a"))
            let small = re.matches(full, dfaStateLimit: 64)
            #expect(small.found == dfa)
            #expect(small.cacheResets > 10)
        }
    }

    @Test func tinyCacheAgreesOnRandomInputs() throws {
        var g = SplitMix64(seed: 7)
        for pattern in ["(a|b)*a(a|b){5}", "\\b(a|b)+\\b", "(?m)^a+$", "(?i)(k|s)+\\B", "a{3,6}b"] {
            let re = try LinearRegex(pattern)
            for _ in 0..<50 {
                var text = ""
                for _ in 0..<Int.random(in: 0...60, using: &g) {
                    text += ["a", "b", "\n", " ", "K", "s"][Int.random(in: 0..<6, using: &g)]
                }
                let expected = re.captureGroups(in: text) != nil
                #expect(re.matches(text, dfaStateLimit: 2).found == expected, "\(pattern) on \(text.debugDescription)")
                #expect(re.matches(text) == expected)
            }
        }
    }
}

import Testing
@testable import LinearRegex
import SeededRandom


@Suite("Randomized")
struct RandomizedTests {
    static let patternAlphabet: [String] = [
        "a", "b", "(", ")", "[", "]", "*", "+", "?", "|", "^", "$", "\\", "{", "}", "1", ",", "-",
        ".", ":", "=", "!", "<", ">", "P", "i", "s", "m", "U", "x", "d", "w", "p", "L", "Q", "E", "é", "\n", "0", "3",
    ]
    static let textAlphabet: [String] = ["a", "b", "1", "-", "\n", " ", "é", "A", "{"]

    private static func random(_ alphabet: [String], maxLength: Int, _ g: inout SplitMix64) -> String {
        let n = Int.random(in: 0...maxLength, using: &g)
        var s = ""
        for _ in 0..<n { s += alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }
        return s
    }

    /// Compiles thousands of random patterns and runs them on random texts:
    /// every outcome must be a `RegexError` or a Bool, never a crash or hang.
    @Test func randomPatternsNeverCrash() {
        var g = SplitMix64(seed: 0x5EED_0001)
        var compiled = 0
        var rejected = 0
        for _ in 0..<5_000 {
            let pattern = Self.random(Self.patternAlphabet, maxLength: 16, &g)
            do {
                let re = try LinearRegex(pattern)
                compiled += 1
                for _ in 0..<4 {
                    let text = Self.random(Self.textAlphabet, maxLength: 24, &g)
                    let found = re.matches(text)
                    let groups = re.captureGroups(in: text)
                    // The two engines' entry points must agree on whether there is a match.
                    #expect(found == (groups != nil), "\(pattern.debugDescription) on \(text.debugDescription)")
                }
            } catch {
                rejected += 1
                #expect(error.offset >= 0 && error.offset <= pattern.unicodeScalars.count)
                #expect(!error.message.isEmpty)
            }
        }
        #expect(compiled > 500)
        #expect(rejected > 500)
    }

    static let tokenAlphabet: [String] = [
        "a", "b", "é", "😀", "(", ")", "(?:", "(?i)", "(?s:", "(?m)", "(?U)", "(?P<n", ">", "(?<", "(?=", "(?P=",
        "[", "]", "[^", "[[:", ":]", "alpha", "^", "$", "\\", "\\b", "\\B", "\\A", "\\z", "\\d", "\\W",
        "\\pL", "\\p{", "Greek", "}", "\\P", "\\x{", "41", "\\x", "\\Q", "\\E", "\\1", "\\0",
        "*", "+", "?", "*?", "{", "{2}", "{1,3}", "{0,}", "{1000}", "{999,1000}", ",", "-", "|", ".", "\n",
    ]

    /// Longer patterns built from multi-character tokens, so deeper and
    /// more structured syntax (nested groups, classes, escapes, counts)
    /// reaches the parser, compiler and both engines.
    @Test func randomTokenPatternsNeverCrash() {
        var g = SplitMix64(seed: 0x5EED_0002)
        var compiled = 0
        for _ in 0..<10_000 {
            let pattern = Self.random(Self.tokenAlphabet, maxLength: 14, &g)
            guard let re = try? LinearRegex(pattern) else { continue }
            compiled += 1
            for _ in 0..<3 {
                let text = Self.random(Self.textAlphabet + ["😀", "B", "_"], maxLength: 40, &g)
                let found = re.matches(text)
                let groups = re.captureGroups(in: text)
                #expect(found == (groups != nil), "\(pattern.debugDescription) on \(text.debugDescription)")
                if let whole = groups?.first, let range = whole {
                    #expect(re.firstMatch(in: text) == range)
                }
            }
        }
        #expect(compiled > 1_000)
    }
}

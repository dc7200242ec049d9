import Testing
@testable import LinearRegex

/// Small deterministic generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Randomized")
struct RandomizedTests {
    static let patternAlphabet: [String] = [
        "a", "b", "(", ")", "[", "]", "*", "+", "?", "|", "^", "$", "\\", "{", "}", "1", ",", "-",
        ".", ":", "=", "!", "<", ">", "P", "i", "s", "m", "U", "x", "d", "w", "p", "L", "Q", "E", "é", "\n", "0", "3",
    ]
    static let textAlphabet: [String] = ["a", "b", "1", "-", "\n", " ", "é", "A", "{"]

    private static func random(_ alphabet: [String], maxLength: Int, _ g: inout SeededGenerator) -> String {
        let n = Int.random(in: 0...maxLength, using: &g)
        var s = ""
        for _ in 0..<n { s += alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }
        return s
    }

    /// Compiles thousands of random patterns and runs them on random texts:
    /// every outcome must be a `RegexError` or a Bool, never a crash or hang.
    @Test func randomPatternsNeverCrash() {
        var g = SeededGenerator(seed: 0x5EED_0001)
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
}

import Testing
@testable import LinearRegex

/// (pattern, expected message, expected offset in scalars)
struct ErrorCase: CustomTestStringConvertible, Sendable {
    var pattern: String
    var message: String
    var offset: Int
    var testDescription: String { "\(pattern.debugDescription) → \(message) @\(offset)" }
    init(_ pattern: String, _ message: String, _ offset: Int) {
        self.pattern = pattern
        self.message = message
        self.offset = offset
    }
}

let errorCases: [ErrorCase] = [
    ErrorCase("(a)\\1", "backreferences are not supported in RE2 syntax", 3),
    ErrorCase("\\8", "backreferences are not supported in RE2 syntax", 0),
    ErrorCase("(?P<n>a)(?P=n)", "backreferences are not supported in RE2 syntax", 8),
    ErrorCase("a(?=b)", "lookahead assertions are not supported in RE2 syntax", 1),
    ErrorCase("a(?!b)", "lookahead assertions are not supported in RE2 syntax", 1),
    ErrorCase("(?<=a)b", "lookbehind assertions are not supported in RE2 syntax", 0),
    ErrorCase("(?<!a)b", "lookbehind assertions are not supported in RE2 syntax", 0),
    ErrorCase("a*+", "possessive quantifiers are not supported in RE2 syntax", 2),
    ErrorCase("a++", "possessive quantifiers are not supported in RE2 syntax", 2),
    ErrorCase("a?+", "possessive quantifiers are not supported in RE2 syntax", 2),
    ErrorCase("a{2}+", "possessive quantifiers are not supported in RE2 syntax", 4),
    ErrorCase("a**", "bad repetition operator: **", 1),
    ErrorCase("a*??", "bad repetition operator: *??", 1),
    ErrorCase("a{2}{3}", "bad repetition operator: {2}{", 1),
    ErrorCase("(abc", "missing closing )", 0),
    ErrorCase("x(a(b)", "missing closing )", 1),
    ErrorCase("abc)", "unexpected ): no matching (", 3),
    ErrorCase(")", "unexpected ): no matching (", 0),
    ErrorCase("[z-a]", "invalid character class range: z-a", 1),
    ErrorCase("x[^b-a]", "invalid character class range: b-a", 3),
    ErrorCase("[a-\\d]", "invalid character class range: class used as range end", 3),
    ErrorCase("[[:foo:]]", "invalid character class range: [:foo:]", 1),
    ErrorCase("[abc", "missing closing ]", 0),
    ErrorCase("[]", "missing closing ]", 0),
    ErrorCase("a{1001}", "repetition count exceeds 1000: {1001}", 1),
    ErrorCase("a{2,1001}", "repetition count exceeds 1000: {2,1001}", 1),
    ErrorCase("a{1001,}", "repetition count exceeds 1000: {1001,}", 1),
    ErrorCase("a{99999999999999999999}", "repetition count exceeds 1000: {99999999999999999999}", 1),
    ErrorCase("a{3,2}", "invalid repetition range: {3,2}", 1),
    ErrorCase("*", "missing argument to repetition operator: *", 0),
    ErrorCase("a|+", "missing argument to repetition operator: +", 2),
    ErrorCase("(?)", "invalid or unsupported group syntax", 0),
    ErrorCase("(?i)*", "missing argument to repetition operator: *", 4),
    ErrorCase("(?)", "invalid or unsupported group syntax", 0),
    ErrorCase("(?x)a", "invalid or unsupported group syntax", 0),
    ErrorCase("(?i-)a", "invalid or unsupported group syntax", 0),
    ErrorCase("(?#comment)", "invalid or unsupported group syntax", 0),
    ErrorCase("(?i", "missing closing )", 0),
    ErrorCase("(?P<>a)", "invalid capture group name", 0),
    ErrorCase("(?P<a-b>x)", "invalid capture group name", 0),
    ErrorCase("(?P<n>a)(?<n>b)", "duplicate capture group name: n", 8),
    ErrorCase("(?P>x)", "recursive patterns are not supported in RE2 syntax", 0),
    ErrorCase("{2}", "missing argument to repetition operator: {2}", 0),
    ErrorCase("ab\\", "trailing backslash at end of expression", 2),
    ErrorCase("[a\\", "trailing backslash at end of expression", 2),
    ErrorCase("\\e", "invalid escape sequence: \\e", 0),
    ErrorCase("\\Z", "\\Z is not supported in RE2 syntax; use \\z", 0),
    ErrorCase("\\C", "\\C (any byte) is not supported", 0),
    ErrorCase("\\xZZ", "invalid escape sequence: \\x needs two hex digits", 0),
    ErrorCase("\\x{110000}", "invalid escape sequence: \\x value above 10FFFF", 0),
    ErrorCase("\\x{D800}", "invalid escape sequence: \\x value is a surrogate", 0),
    ErrorCase("\\x{41", "invalid escape sequence: malformed \\x{...}", 0),
    ErrorCase("[\\b]", "invalid escape sequence inside character class: \\b", 1),
    ErrorCase(
        "x\\p{Klingon}",
        "unknown Unicode class \\p{Klingon}: expected a general category (L, Lu, N, Nd, P, S, Z, …), a script (Greek, Latin, Han, …) or Any",
        1),
    ErrorCase("\\p{greek}", "unknown Unicode class \\p{greek}: expected a general category (L, Lu, N, Nd, P, S, Z, …), a script (Greek, Latin, Han, …) or Any", 0),
    ErrorCase("\\p{L", "invalid Unicode class: missing }", 0),
    ErrorCase("é(", "missing closing )", 1),
]

@Suite("Errors")
struct ErrorTests {
    @Test(arguments: errorCases)
    func rejected(_ c: ErrorCase) {
        #expect(throws: RegexError(message: c.message, offset: c.offset)) {
            _ = try LinearRegex(c.pattern)
        }
    }

    @Test func patternTooLong() {
        let long = String(repeating: "a", count: 5000)
        #expect(throws: RegexError(message: "pattern too long: 5000 scalars, the limit is 4096", offset: 4096)) {
            _ = try LinearRegex(long)
        }
        // The limit counts scalars, not bytes or characters.
        #expect((try? LinearRegex(String(repeating: "é", count: 4096))) != nil)
        #expect((try? LinearRegex("ab", limits: .init(maxPatternLength: 1))) == nil)
    }

    @Test func programTooLargeIsRejectedBySize() {
        // Would be a million instructions if expanded; rejected once the limit is reached.
        #expect(throws: RegexError(message: "pattern too large: compiled program exceeds 20000 instructions", offset: 9)) {
            _ = try LinearRegex("(a{1000}){1000}")
        }
        #expect(throws: RegexError.self) {
            _ = try LinearRegex("((a{100}){100}){100}")
        }
        #expect(throws: RegexError(message: "pattern too large: compiled program exceeds 10 instructions", offset: 0)) {
            _ = try LinearRegex("abcdefghijkl", limits: .init(maxProgramSize: 10))
        }
        #expect((try? LinearRegex("a{1000}b{1000}")) != nil)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let opens = String(repeating: "(", count: 100_000)
        let limits = LinearRegex.Limits(maxPatternLength: 1_000_000, maxProgramSize: 1_000_000)
        #expect(throws: RegexError(message: "nesting depth exceeds 1000", offset: 1000)) {
            _ = try LinearRegex(opens, limits: limits)
        }
        #expect(throws: RegexError(message: "nesting depth exceeds 1000", offset: 3000)) {
            _ = try LinearRegex(String(repeating: "(?:", count: 100_000), limits: limits)
        }
        // The default length limit catches it first.
        #expect(throws: RegexError.self) {
            _ = try LinearRegex(opens)
        }
    }

    @Test func maximumNestingStillWorks() throws {
        let pattern = String(repeating: "(", count: 1000) + "a*" + String(repeating: ")", count: 1000) + "b"
        let limits = LinearRegex.Limits(maxPatternLength: 10_000)
        let re = try LinearRegex(pattern, limits: limits)
        let found = re.matches("xaab")
        let notFound = re.matches("xaa")
        let groupCount = re.captureGroupCount
        #expect(found)
        #expect(!notFound)
        #expect(groupCount == 1000)
        let starred = String(repeating: "(?:", count: 1000) + "a" + String(repeating: ")*", count: 1000)
        #expect(try LinearRegex(starred, limits: limits).matches("aaa"))
    }

    @Test func errorDescriptionNamesTheOffset() {
        #expect(RegexError(message: "missing closing )", offset: 4).description == "missing closing ) (at offset 4)")
    }
}

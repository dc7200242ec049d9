import Testing
@testable import LinearRegex

/// (pattern, text, expected partial-match result)
struct MatchCase: CustomTestStringConvertible, Sendable {
    var pattern: String
    var text: String
    var expected: Bool
    var testDescription: String { "\(pattern.debugDescription) ~ \(text.debugDescription) → \(expected)" }
    init(_ pattern: String, _ text: String, _ expected: Bool) {
        self.pattern = pattern
        self.text = text
        self.expected = expected
    }
}

let celConformanceCases: [MatchCase] = [
    MatchCase("ubb", "hubba", true),
    MatchCase("^foo", "foobar", true),
    MatchCase("^foo", "barfoo", false),
    MatchCase("^[a-c]+$", "abc", true),
    MatchCase("^[a-c]+$", "abcd", false),
    MatchCase("", "anything", true),
    MatchCase("", "", true),
    MatchCase("a*", "", true),
    MatchCase("^.$", "😀", true),
    MatchCase("^...$", "añb", true),
    MatchCase("ñ", "españa", true),
    MatchCase("^\\p{L}+$", "Ωmega", true),
    MatchCase("^[^a-z]$", "ß", true),
    MatchCase("[0-9]+", "abc", false),
]

let literalAndEscapeCases: [MatchCase] = [
    MatchCase("abc", "xabcx", true),
    MatchCase("abc", "ab", false),
    MatchCase("a\\.c", "a.c", true),
    MatchCase("a\\.c", "abc", false),
    MatchCase("a.c", "abc", true),
    MatchCase("\\\\", "a\\b", true),
    MatchCase("\\t", "a\tb", true),
    MatchCase("\\n", "a\nb", true),
    MatchCase("\\r", "\r", true),
    MatchCase("\\f", "\u{0C}", true),
    MatchCase("\\v", "\u{0B}", true),
    MatchCase("\\a", "\u{07}", true),
    MatchCase("\\x41", "A", true),
    MatchCase("\\x41", "a", false),
    MatchCase("\\x{41}", "A", true),
    MatchCase("\\x{1F600}", "😀", true),
    MatchCase("\\x{10FFFF}", "\u{10FFFF}", true),
    MatchCase("\\101", "A", true),
    MatchCase("\\0", "\u{0}", true),
    MatchCase("\\Qa.b*c\\E", "a.b*c", true),
    MatchCase("\\Qa.b*c\\E", "aXbbc", false),
    MatchCase("\\Qab\\E+", "abbb", true),
    MatchCase("^\\Qab\\E+$", "ababab", false),
    MatchCase("\\Q(unclosed", "x(unclosed", true),
    MatchCase("\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$", "*+?()[]{}|^$", true),
    MatchCase("a{", "a{", true),
    MatchCase("a{,2}", "a{,2}", true),
    MatchCase("{", "{", true),
    MatchCase("x{1,2", "x{1,2", true),
]

let dotAndClassCases: [MatchCase] = [
    MatchCase("a.b", "a\nb", false),
    MatchCase("(?s)a.b", "a\nb", true),
    MatchCase("(?s:a.b)", "a\nb", true),
    MatchCase("^.$", "\n", false),
    MatchCase("[abc]", "xbx", true),
    MatchCase("[abc]", "xyz", false),
    MatchCase("[^a-z]", "abc", false),
    MatchCase("[^a-z]", "abC", true),
    MatchCase("[^a]", "\n", true),
    MatchCase("[a-cx-z]", "y", true),
    MatchCase("[a-cx-z]", "m", false),
    MatchCase("[]a]", "]", true),
    MatchCase("[^]a]", "]", false),
    MatchCase("[a-]", "-", true),
    MatchCase("[-a]", "-", true),
    MatchCase("[\\]]", "]", true),
    MatchCase("[\\-]", "-", true),
    MatchCase("[\\x41-\\x43]", "B", true),
    MatchCase("[\\n]", "\n", true),
    MatchCase("[.]", "a", false),
    MatchCase("[.]", ".", true),
    MatchCase("[α-ω]", "λ", true),
    MatchCase("[😀-😂]", "😁", true),
    MatchCase("\\d", "x5", true),
    MatchCase("\\d", "x", false),
    MatchCase("\\d", "٣", false),
    MatchCase("^\\D+$", "abc", true),
    MatchCase("\\w+", "_", true),
    MatchCase("\\w", "é", false),
    MatchCase("^\\W$", "é", true),
    MatchCase("\\s", "a b", true),
    MatchCase("\\s", "\u{0B}", false),
    MatchCase("^\\S+$", "abc", true),
    MatchCase("[\\d\\s]", " ", true),
    MatchCase("[\\D]", "5", false),
    MatchCase("[^\\d]", "5", false),
    MatchCase("[^\\D]", "5", true),
    MatchCase("[[:alpha:]]", "1a", true),
    MatchCase("^[[:alpha:]]+$", "ab1", false),
    MatchCase("[[:digit:]]", "7", true),
    MatchCase("[[:^digit:]]", "7", false),
    MatchCase("^[[:upper:][:digit:]]+$", "AB12", true),
    MatchCase("[[:space:]]", "\u{0B}", true),
    MatchCase("[[:punct:]]", "!", true),
    MatchCase("[[:xdigit:]]+$", "ff", true),
    MatchCase("[[:word:]]", "_", true),
    MatchCase("\\pL", "é", true),
    MatchCase("\\pL", "1", false),
    MatchCase("\\p{L}", "中", true),
    MatchCase("\\p{Lu}", "a", false),
    MatchCase("\\p{Lu}", "Ä", true),
    MatchCase("\\p{Ll}", "ä", true),
    MatchCase("\\p{N}", "Ⅻ", true),
    MatchCase("\\p{Nd}", "٣", true),
    MatchCase("\\p{Nd}", "Ⅻ", false),
    MatchCase("\\p{P}", "¿", true),
    MatchCase("\\p{S}", "€", true),
    MatchCase("\\p{Z}", "\u{00A0}", true),
    MatchCase("\\p{Any}", "x", true),
    MatchCase("^\\p{Greek}+$", "αβγΩ", true),
    MatchCase("\\p{Greek}", "abc", false),
    MatchCase("^\\P{Greek}+$", "abc", true),
    MatchCase("\\p{^Greek}", "α", false),
    MatchCase("^\\p{Latin}+$", "Crème", true),
    MatchCase("\\p{Han}", "漢字", true),
    MatchCase("\\p{Cyrillic}", "Ж", true),
    MatchCase("\\p{Hiragana}", "カ", false),
    MatchCase("\\p{Katakana}", "カ", true),
    MatchCase("^[\\p{Arabic}\\p{Hebrew}]+$", "שלוםسلام", true),
    MatchCase("\\p{Common}", "1", true),
    MatchCase("(?i)\\p{Greek}", "Σ", true),
    MatchCase("\\PL", "a", false),
    MatchCase("\\PL", "1", true),
    MatchCase("\\p{^L}", "1", true),
    MatchCase("\\P{^L}", "a", true),
    MatchCase("[\\p{Lu}\\d]", "5", true),
    MatchCase("[^\\pL]", "a", false),
    MatchCase("[\\PL]", "a", false),
]

let anchorCases: [MatchCase] = [
    MatchCase("^abc", "abcd", true),
    MatchCase("^abc", "xabc", false),
    MatchCase("abc$", "xabc", true),
    MatchCase("abc$", "abc\n", false),
    MatchCase("^b", "a\nb", false),
    MatchCase("(?m)^b", "a\nb", true),
    MatchCase("(?m)a$", "a\nb", true),
    MatchCase("a$", "a\nb", false),
    MatchCase("(?m)^$", "a\n\nb", true),
    MatchCase("\\Aabc", "abc", true),
    MatchCase("(?m)\\Ab", "a\nb", false),
    MatchCase("abc\\z", "abc", true),
    MatchCase("(?m)a\\z", "a\nb", false),
    MatchCase("\\bfoo\\b", "a foo b", true),
    MatchCase("\\bfoo\\b", "afoob", false),
    MatchCase("\\Bfoo\\B", "afoob", true),
    MatchCase("\\Bfoo", "a foo", false),
    MatchCase("\\b", "", false),
    MatchCase("\\B", "", true),
    MatchCase("^$", "", true),
    MatchCase("^$", "x", false),
    MatchCase("$^", "", true),
    MatchCase("x^", "x", false),
]

let groupAndAlternationCases: [MatchCase] = [
    MatchCase("(abc)", "abc", true),
    MatchCase("(?:ab)+c", "ababc", true),
    MatchCase("^(?:ab)+$", "aba", false),
    MatchCase("(?P<year>\\d{4})-(?P<month>\\d{2})", "2024-05", true),
    MatchCase("(?<word>\\w+)", "hi", true),
    MatchCase("cat|dog", "hotdog", true),
    MatchCase("cat|dog", "bird", false),
    MatchCase("^(cat|dog)$", "cat", true),
    MatchCase("^(cat|dog)$", "catdog", false),
    MatchCase("a|", "zzz", true),
    MatchCase("|a", "zzz", true),
    MatchCase("()", "", true),
    MatchCase("(|a)+", "b", true),
    MatchCase("^(a|b|c)*d$", "abcabcd", true),
    MatchCase("((a)|(b))+", "ab", true),
]

let repetitionCases: [MatchCase] = [
    MatchCase("ab*c", "ac", true),
    MatchCase("ab*c", "abbbc", true),
    MatchCase("ab+c", "ac", false),
    MatchCase("ab+c", "abc", true),
    MatchCase("ab?c", "abc", true),
    MatchCase("ab?c", "abbc", false),
    MatchCase("^a{3}$", "aaa", true),
    MatchCase("^a{3}$", "aa", false),
    MatchCase("^a{3}$", "aaaa", false),
    MatchCase("^a{2,}$", "aaaaa", true),
    MatchCase("^a{2,}$", "a", false),
    MatchCase("^a{2,3}$", "aaa", true),
    MatchCase("^a{2,3}$", "aaaa", false),
    MatchCase("^a{0}$", "", true),
    MatchCase("^a{0,0}b$", "b", true),
    MatchCase("^(ab){2}$", "abab", true),
    MatchCase("^a{1000}$", String(repeating: "a", count: 1000), true),
    MatchCase("^a{1000}$", String(repeating: "a", count: 999), false),
    MatchCase("^a*?$", "aaa", true),
    MatchCase("^a+?b$", "aab", true),
    MatchCase("a??b", "b", true),
    MatchCase("^a{2,3}?$", "aaa", true),
    MatchCase("^a{2,}?$", "aaaa", true),
    MatchCase("(?U)^a+$", "aaa", true),
    MatchCase("(?U)^a+?$", "aaa", true),
    MatchCase("(a*)*", "b", true),
    MatchCase("(a*)+$", "b", true),
    MatchCase("(a?){5}b", "aab", true),
    MatchCase("^(?:a|b)*?c", "abc", true),
    MatchCase("^x*y*z*$", "xxzz", true),
    MatchCase("^.*$", "line", true),
    MatchCase("^😀+$", "😀😀😀", true),
    MatchCase("^é{2}$", "éé", true),
    MatchCase("(?:)*", "", true),
    MatchCase("(^)*", "a", true),
]

let caseInsensitiveCases: [MatchCase] = [
    MatchCase("(?i)hello", "HeLLo", true),
    MatchCase("hello", "HELLO", false),
    MatchCase("(?i:h)ello", "Hello", true),
    MatchCase("(?i:h)ello", "HELLO", false),
    MatchCase("(?i)a(?-i)b", "Ab", true),
    MatchCase("(?i)a(?-i)b", "AB", false),
    MatchCase("(?i)[a-c]+$", "ABC", true),
    MatchCase("(?i)[^a]", "A", false),
    MatchCase("(?i)[^k]", "\u{212A}", false),
    MatchCase("(?i)k", "\u{212A}", true),
    MatchCase("(?i)\u{212A}", "k", true),
    MatchCase("(?i)[k]", "\u{212A}", true),
    MatchCase("(?i)[\u{212A}]", "K", true),
    MatchCase("(?i)s", "\u{017F}", true),
    MatchCase("(?i)σ", "Σ", true),
    MatchCase("(?i)σ", "ς", true),
    MatchCase("(?i)ΣΑΣ", "σας", true),
    MatchCase("(?i)é", "É", true),
    MatchCase("(?i)straße", "STRAẞE", true),
    MatchCase("(?i)[[:upper:]]", "a", true),
    MatchCase("(?i)\\p{Lu}", "a", true),
    MatchCase("(?i)Ǆ", "ǅ", true),
    MatchCase("(?i)1", "1", true),
    MatchCase("(?i)\\d", "x", false),
    MatchCase("(?im)^B$", "a\nb", true),
    MatchCase("(?i)(?:A|B)c", "bC", true),
    MatchCase("((?i)a)b", "Ab", true),
    MatchCase("((?i)a)b", "AB", false),
]

@Suite("Match table")
struct MatchTableTests {
    @Test(arguments: celConformanceCases)
    func celConformance(_ c: MatchCase) throws {
        #expect(try LinearRegex(c.pattern).matches(c.text) == c.expected)
    }

    @Test(arguments: literalAndEscapeCases)
    func literalsAndEscapes(_ c: MatchCase) throws {
        #expect(try LinearRegex(c.pattern).matches(c.text) == c.expected)
    }

    @Test(arguments: dotAndClassCases)
    func dotAndClasses(_ c: MatchCase) throws {
        #expect(try LinearRegex(c.pattern).matches(c.text) == c.expected)
    }

    @Test(arguments: anchorCases)
    func anchors(_ c: MatchCase) throws {
        #expect(try LinearRegex(c.pattern).matches(c.text) == c.expected)
    }

    @Test(arguments: groupAndAlternationCases)
    func groupsAndAlternation(_ c: MatchCase) throws {
        #expect(try LinearRegex(c.pattern).matches(c.text) == c.expected)
    }

    @Test(arguments: repetitionCases)
    func repetition(_ c: MatchCase) throws {
        #expect(try LinearRegex(c.pattern).matches(c.text) == c.expected)
    }

    @Test(arguments: caseInsensitiveCases)
    func caseInsensitive(_ c: MatchCase) throws {
        #expect(try LinearRegex(c.pattern).matches(c.text) == c.expected)
    }

    @Test func patternIsKept() throws {
        #expect(try LinearRegex("a+b").pattern == "a+b")
    }
}

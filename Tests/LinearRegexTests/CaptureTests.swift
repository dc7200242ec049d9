import Testing
@testable import LinearRegex

@Suite("Matches and captures")
struct CaptureTests {
    private func firstMatch(_ pattern: String, _ text: String) throws -> String? {
        guard let r = try LinearRegex(pattern).firstMatch(in: text) else { return nil }
        return String(text[r])
    }

    private func groups(_ pattern: String, _ text: String) throws -> [String?]? {
        guard let gs = try LinearRegex(pattern).captureGroups(in: text) else { return nil }
        return gs.map { $0.map { String(text[$0]) } }
    }

    @Test func leftmostFirst() throws {
        #expect(try firstMatch("a+", "baaab") == "aaa")
        #expect(try firstMatch("a+?", "baaab") == "a")
        #expect(try firstMatch("a*", "baaab") == "")
        #expect(try firstMatch("x|xy", "xy") == "x")
        #expect(try firstMatch("xy|x", "xy") == "xy")
        #expect(try firstMatch("(?U)a+", "aaa") == "a")
        #expect(try firstMatch("a{2,3}?", "aaaa") == "aa")
        #expect(try firstMatch("q", "abc") == nil)
        #expect(try firstMatch("é+", "cafééé!") == "ééé")
    }

    @Test func groupsFollowPerlSemantics() throws {
        #expect(try groups("(a|ab)(c|bcd)(d*)", "abcd") == ["abcd", "a", "bcd", ""])
        #expect(try groups("(a)|(b)", "b") == ["b", nil, "b"])
        #expect(try groups("(?P<y>\\d{4})-(?<m>\\d\\d)", "on 2024-05-01") == ["2024-05", "2024", "05"])
        #expect(try groups("(a)*", "aaa") == ["aaa", "a"])
        #expect(try groups("x(a)?y", "xy") == ["xy", nil])
    }

    @Test func groupNames() throws {
        let re = try LinearRegex("(?P<year>\\d+)-(\\d+)-(?<day>\\d+)")
        #expect(re.captureGroupCount == 3)
        #expect(re.captureGroupNames == ["year", nil, "day"])
    }
}

@Suite("Sharing")
struct SharingTests {
    /// `matches` shares a DFA cache between calls; concurrent callers must
    /// still get the right answers (a busy cache makes a caller use its own).
    @Test func concurrentMatchesOnOneRegex() async throws {
        let re = try LinearRegex("^[a-z]+@[a-z]+\\.(com|org)$")
        let results = await withTaskGroup(of: Bool.self) { group in
            for k in 0..<64 {
                group.addTask {
                    var ok = true
                    for n in 0..<200 {
                        let good = "user\(String(repeating: "x", count: (k + n) % 7))@example.org"
                            .replacingDigitsWithLetters()
                        ok = ok && re.matches(good) && !re.matches(good + "!")
                    }
                    return ok
                }
            }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }

    @Test func repeatedCallsReuseTheCache() throws {
        let re = try LinearRegex("(?i)\\bword\\b")
        for _ in 0..<1_000 {
            #expect(re.matches("a WORD here"))
            #expect(!re.matches("swordfish"))
        }
    }
}

extension String {
    fileprivate func replacingDigitsWithLetters() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { s in
            (s.value >= 0x30 && s.value <= 0x39) ? Unicode.Scalar(s.value + 0x31) ?? s : s
        }))
    }
}

import Foundation
import Testing
@testable import Reporters

/// The Markdown and text reviews of the shared example, compared with the files in
/// ReviewGolden/. After an intended change, regenerate them with
///
///     SHORE_UPDATE_GOLDEN=1 swift test --filter ReviewGoldenTests
///
/// (the test then rewrites the golden files instead of comparing, and passes), and
/// review the diff before committing. Paths in the output are relative to the
/// repository root, so the goldens are the same on every machine.
@Suite("Review goldens")
struct ReviewGoldenTests {
    static let updating = ProcessInfo.processInfo.environment["SHORE_UPDATE_GOLDEN"] == "1"

    func check(_ format: OutputFormat, golden name: String) throws {
        let review = try #require(ReviewFixtures.example().review)
        let actual = review.render(as: format)
        let url = ReviewFixtures.root.appendingPathComponent("Tests/ReportersTests/ReviewGolden/\(name)")
        if Self.updating {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex { $0 != $1 } ?? min(a.count, e.count)
            let got = line < a.count ? String(a[line]) : "<end>"
            let want = line < e.count ? String(e[line]) : "<end>"
            Issue.record("\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(SHORE_UPDATE_GOLDEN=1 rewrites the golden)")
        }
    }

    @Test func markdown() throws { try check(.markdown, golden: "support-expansion-2027.md") }

    @Test func text() throws { try check(.text, golden: "support-expansion-2027.txt") }

    @Test func markdownStartsWithTheVerdict() throws {
        let review = try #require(ReviewFixtures.example().review)
        #expect(review.render(as: .markdown).hasPrefix("# Verdict: ✗ BLOCKED\n"))
        #expect(review.render(as: .text).hasPrefix("VERDICT: ✗ BLOCKED\n"))
    }
}

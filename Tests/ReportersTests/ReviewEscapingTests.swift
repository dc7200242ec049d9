import Foundation
import Testing
import SourceText
@testable import Reporters

/// Plan strings cannot break out of any review format: plans are untrusted input.
@Suite("Review escaping")
struct ReviewEscapingTests {
    static func hostileReview() throws -> ReviewReport {
        let (report, review) = try ReviewFixtures.review(planText: ReviewFixtures.hostilePlan)
        #expect(!report.hasInputErrors, "\(report.diagnostics)")
        return try #require(review)
    }

    /// Text with nothing to escape is returned as it is without a scan by character; every
    /// character an escaper replaces, and every unsafe one, must still take the slow path.
    @Test func onlyTextWithNothingToEscapeIsReturnedAsItIs() {
        let unsafe: [Unicode.Scalar] = ["\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{61C}", "\u{200E}", "\u{200F}", "\u{2028}", "\u{2029}",
                                        "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}"]
        let cases: [(String, (String) -> String, Set<Unicode.Scalar>)] = [
            ("html", ReviewEscaping.html, ["&", "<", ">", "\"", "'", "\t", "\n", "\r"]),
            ("markdown", ReviewEscaping.markdown, ["\\", "`", "*", "_", "[", "]", "|", "~", "#", "<", ">", "&", "\t", "\n", "\r"]),
            ("text", ReviewEscaping.text, ["\t", "\n", "\r"]),
        ]
        for (name, escape, replaced) in cases {
            for value in UInt32(0)..<0x80 {
                let scalar = Unicode.Scalar(value)!
                let text = "a\(Character(scalar))é b"
                let changed = replaced.contains(scalar) || VisibleText.isUnsafe(scalar)
                #expect((escape(text) != text) == changed, "\(name): U+\(String(value, radix: 16))")
            }
            for scalar in unsafe {
                #expect(escape("x\(Character(scalar))y") != "x\(Character(scalar))y", "\(name): U+\(String(scalar.value, radix: 16))")
            }
            #expect(escape("Ho Chi Minh City, Kraków — 09:00-17:00 (UTC+7)") == "Ho Chi Minh City, Kraków — 09:00-17:00 (UTC+7)")
        }
        // Punctuation from the same lead byte as the bidi controls is plain text.
        #expect(TerminalSafeText.hasNoUnsafeByte("a — b ’ c … d • e"))
        for scalar in unsafe {
            #expect(!TerminalSafeText.hasNoUnsafeByte("x\(Character(scalar))"), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func htmlNeverContainsAnUnescapedScriptOrAttribute() throws {
        let html = try Self.hostileReview().render(as: .html)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<b>bold"))
        #expect(!html.contains("<i>Corp"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("x&quot;onload=&quot;y"))
        #expect(!html.contains("x\"onload"))
        // Inside the SVG charts too (the provider is a bar label in the spend chart).
        let spend = try #require(html.range(of: "id=\"chart-spend-t\""))
        #expect(html[spend.lowerBound...].contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(HTMLTagChecker.problems(in: html).isEmpty, "\(HTMLTagChecker.problems(in: html))")
        if let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile) {
            let file = try ReviewFixtures.temporaryDirectory().appendingPathComponent("hostile.html")
            try Data(html.utf8).write(to: file)
            #expect(try HTMLTagChecker.runPython(python, on: file.path) == "ok")
        }
    }

    /// Cells in a Markdown table row, split at pipes that are not backslash-escaped.
    static func cells(_ row: String) -> Int {
        var count = 0
        var escaped = false
        for c in row {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true } else if c == "|" { count += 1 }
        }
        return count - 1
    }

    @Test func markdownTablesKeepTheirShape() throws {
        let markdown = try Self.hostileReview().render(as: .markdown)
        var header: Int?
        var tables = 0
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("|") else { header = nil; continue }
            if let header {
                #expect(Self.cells(line) == header, "row has \(Self.cells(line)) cells, header \(header): \(line)")
            } else {
                header = Self.cells(line)
                tables += 1
            }
        }
        #expect(tables >= 6)
        #expect(markdown.contains("a\\|b"))
        #expect(markdown.contains("Nai\\|robi"))
        // No raw HTML, no code span or link opened by plan text, no heading from a newline.
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("Evil \\`title\\` \\# heading \\[link\\](http://x)"))
        #expect(!markdown.contains("\n# heading"))
        #expect(markdown.contains("c\\`d"))
    }

    @Test func textHasNoControlCharacters() throws {
        let text = try Self.hostileReview().render(as: .text)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("Pipe | Co Next"))
    }

    @Test func escapersCoverEachFormat() throws {
        let review = try Self.hostileReview()
        // The waiver with a hostile reason and approver is listed, escaped.
        let html = review.render(as: .html)
        #expect(html.contains("&lt;/td&gt;&lt;script&gt;alert(4)&lt;/script&gt;"))
        #expect(html.contains("CISO | &quot;the boss&quot;"))
        let markdown = review.render(as: .markdown)
        #expect(markdown.contains("&lt;/td&gt;&lt;script&gt;alert(4)&lt;/script&gt;"))
        #expect(markdown.contains("CISO \\| \"the boss\""))
    }
}

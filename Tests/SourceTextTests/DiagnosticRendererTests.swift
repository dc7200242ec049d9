import Testing
@testable import SourceText
import Spelling

@Suite("Compiler-style rendering")
struct DiagnosticRendererTests {
    let file = SourceFile(path: "plans/a.yaml", text: "plan: x\ncompany:\n  country: UK\n\tname: y\n")

    @Test func rendersLocationSnippetCaretAndHelp() {
        let span = SourceSpan(file: file, start: .init(line: 3, column: 12), end: .init(line: 3, column: 14))
        let d = Diagnostic(.planUnknownCountry, "unknown country code 'UK'", at: span,
                           help: "did you mean 'GB' (United Kingdom)?")
        #expect(DiagnosticRenderer().render(d) == """
        plans/a.yaml:3:12: error[plan.unknown-country]: unknown country code 'UK'
          |
        3 |   country: UK
          |            ^^
           = help: did you mean 'GB' (United Kingdom)?

        """)
    }

    @Test func notesPointAtTheirOwnPlace() {
        let here = SourceSpan(file: file, start: .init(line: 2, column: 1), end: .init(line: 2, column: 8))
        let there = SourceSpan(file: file, start: .init(line: 1, column: 1), end: .init(line: 1, column: 5))
        let d = Diagnostic(.yamlDuplicateKey, "dup", at: here, severity: .warning,
                           notes: [.init("first written here", at: there)])
        let text = DiagnosticRenderer().render(d)
        #expect(text.hasPrefix("plans/a.yaml:2:1: warning[yaml.duplicate-key]: dup\n"))
        #expect(text.contains("note: first written here\n  --> plans/a.yaml:1:1\n"))
        #expect(text.contains("1 | plan: x\n  | ^^^^\n"))
    }

    @Test func tabsAreExpandedUnderTheCaret() {
        let span = SourceSpan(file: file, start: .init(line: 4, column: 2), end: .init(line: 4, column: 6))
        let text = DiagnosticRenderer().snippet(span)
        #expect(text == "  |\n4 |     name: y\n  |     ^^^^\n")
    }

    /// A raw C1 CSI (U+009B), ESC, BEL and a bidi override in the quoted line, the
    /// message and the help are shown as `\u{…}`, and the caret still sits under the span.
    @Test func controlAndBidiCharactersAreShownEscaped() {
        let hostile = SourceFile(path: "p\u{1B}.yaml", text: "name: \u{9B}31m\u{1B}[2J\u{07}\u{202E}x: bad\n")
        let span = SourceSpan(file: hostile, start: .init(line: 1, column: 13), end: .init(line: 1, column: 14))
        let d = Diagnostic(.planWrongType, "value '\u{9B}\u{1B}'\n::error::spoof", at: span, help: "fix \u{2066}it")
        let text = DiagnosticRenderer().render(d)
        #expect(text == """
            p\\u{1B}.yaml:1:13: error[plan.wrong-type]: value '\\u{9B}\\u{1B}'\\n::error::spoof
              |
            1 | name: \\u{9B}31m\\u{1B}[2J\\u{7}\\u{202E}x: bad
              |                       ^
               = help: fix \\u{2066}it

            """)
        #expect(!text.unicodeScalars.contains { VisibleText.isUnsafe($0) && $0 != "\n" })
    }

    /// A line shown as it is (printable ASCII, precomposed Latin letters) is copied from
    /// the file: the caret must sit where the character-by-character layout puts it, for
    /// every span on the line, and a line with anything else (a combining mark, a C1
    /// control, a tab) still goes through that layout.
    @Test func copiedLinesPutTheCaretWhereTheLayoutDoes() {
        let lines = ["city: Kraków", "city: São Paulo, Wrocław ŀ ɐ ˿", "plain: ascii only", "nbsp:\u{A0}x\u{AD}y"]
        for line in lines {
            let file = SourceFile(path: "p.yaml", text: line + "\n")
            let length = line.unicodeScalars.count
            #expect(file.bytes.withUnsafeBufferPointer { DiagnosticRenderer.shownAsIs(UnsafeBufferPointer(rebasing: $0[0..<line.utf8.count])) } == length)
            for start in 0...length + 2 {
                for end in [start, start + 1, start + 3, length + 1] {
                    let span = SourceSpan(file: file, start: .init(line: 1, column: start), end: .init(line: 1, column: end))
                    let (display, caretStart, width) = DiagnosticRenderer.caretGeometry(line: line, span: span)
                    let expected = "  |\n1 | \(display)\n  | " + String(repeating: " ", count: caretStart) + String(repeating: "^", count: width) + "\n"
                    #expect(DiagnosticRenderer().snippet(span) == expected, "\(line) \(start)…\(end)")
                }
            }
        }
        for line in ["e\u{301}x", "a\u{85}b", "a\tb", "a\u{300}", "\u{2028}"] {
            let bytes = Array(line.utf8)
            #expect(bytes.withUnsafeBufferPointer { DiagnosticRenderer.shownAsIs($0) } == nil, "\(line.unicodeScalars.map(\.value))")
        }
    }

    /// A gutter is as wide as the line number written in decimal, at every digit count.
    @Test func decimalWidthAndDigitsMatchTheNumberWritten() {
        var values: [Int] = [0, -1, Int.max, Int.min]
        var power = 1
        for _ in 0..<18 { values += [power - 1, power, -power]; power *= 10 }
        for value in values {
            var bytes = TextBytes()
            bytes.append(int: value)
            #expect(bytes.text == String(value))
            #expect(value.decimalWidth == String(value).count, "\(value)")
        }
    }

    @Test func positionsFromByteOffsets() {
        let f = SourceFile(path: "x", text: "ab\ncé d\n")
        #expect(f.position(ofByteOffset: 0) == .init(line: 1, column: 1))
        #expect(f.position(ofByteOffset: 3) == .init(line: 2, column: 1))
        #expect(f.position(ofByteOffset: 6) == .init(line: 2, column: 3))
        #expect(f.line(2) == "cé d")
        #expect(f.line(3) == nil)
    }

    @Test func didYouMean() {
        #expect(Suggestions.closest(to: "contry", among: ["country", "city", "timezone"]) == "country")
        #expect(Suggestions.closest(to: "hedcount", among: ["headcount", "hours"]) == "headcount")
        #expect(Suggestions.closest(to: "xyz", among: ["country", "city"]) == nil)
        #expect(Suggestions.closest(to: "Country", among: ["country"]) == "country")
        // A swap of adjacent letters is one edit (two for plain Levenshtein).
        #expect(Suggestions.closest(to: "coutnry", among: ["country", "county"]) == "country")
        #expect(EditDistance.between("coutnry", "country") == 1)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
        #expect(EditDistance.between("Zürich", "Zurich") == 1)
    }

    @Test func sortsByFileThenPosition() {
        let a = SourceSpan(file: file, start: .init(line: 3, column: 1), end: .init(line: 3, column: 1))
        let b = SourceSpan(file: file, start: .init(line: 1, column: 9), end: .init(line: 1, column: 9))
        let sorted = [Diagnostic(.yamlSyntax, "late", at: a), Diagnostic(.yamlEmpty, "early", at: b), Diagnostic(.ioUnreadable, "global", at: nil)]
            .sortedByLocation()
        #expect(sorted.map(\.message) == ["global", "early", "late"])
    }
}

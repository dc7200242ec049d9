import Foundation
import Testing
@testable import SourceText

/// docs/diagnostics.md is generated from the `DiagnosticCode` declarations. After an
/// intended change, regenerate it with
///
///     SHORE_UPDATE_DOCS=1 swift test --filter DiagnosticsReferenceTests
///
/// and review the diff. The other tests keep the codes typed: declared once, unique, and
/// never written or compared as strings in Sources.
@Suite("Diagnostic codes")
struct DiagnosticsReferenceTests {
    static let updating = ProcessInfo.processInfo.environment["SHORE_UPDATE_DOCS"] == "1"

    @Test func committedDocMatchesTheDeclarations() throws {
        let generated = DiagnosticsReference.markdown()
        if Self.updating {
            try Data(generated.utf8).write(to: URL(fileURLWithPath: repoPath("docs/diagnostics.md")))
            return
        }
        let committed = try String(contentsOfFile: repoPath("docs/diagnostics.md"), encoding: .utf8)
        #expect(committed == generated, "docs/diagnostics.md is stale: SHORE_UPDATE_DOCS=1 swift test --filter DiagnosticsReferenceTests")
    }

    /// The declarations in Sources/SourceText/Codes, as (constant, code) pairs.
    static func declarations() throws -> [(name: String, rawValue: String)] {
        let folder = repoPath("Sources/SourceText/Codes")
        let pattern = try Regex(#"static let (\w+) = DiagnosticCode\(\s*"([^"]*)""#)
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().flatMap { file in
            try String(contentsOfFile: folder + "/" + file, encoding: .utf8).matches(of: pattern).map { match in
                (String(match.output[1].substring ?? ""), String(match.output[2].substring ?? ""))
            }
        }
    }

    /// Every declared constant is in `DiagnosticCode.all` (a code left out of its area's
    /// list would be missing from the docs), and every code is declared once.
    @Test func everyCodeIsDeclaredOnceAndListed() throws {
        let declared = try Self.declarations()
        #expect(declared.count == DiagnosticCode.all.count, "a code is missing from its area's list in Codes/")
        #expect(Set(declared.map(\.rawValue)) == Set(DiagnosticCode.all.map(\.rawValue)))
        let names = declared.map(\.rawValue)
        #expect(Set(names).count == names.count, "duplicate codes: \(Dictionary(grouping: names) { $0 }.filter { $1.count > 1 }.keys.sorted())")
        #expect(Set(declared.map(\.name)).count == declared.count)
    }

    @Test func everyCodeIsWellFormedAndInADocumentedArea() throws {
        let areas = Set(DiagnosticsReference.areas.map(\.name))
        let shape = try Regex(#"^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$"#)
        for code in DiagnosticCode.all {
            #expect(code.rawValue.wholeMatch(of: shape) != nil, "\(code) is not area.kebab-case")
            #expect(areas.contains(code.area), "\(code)'s area has no section in docs/diagnostics.md")
            #expect(!code.summary.isEmpty && !code.example.isEmpty, "\(code) needs a summary and an example")
            #expect(DiagnosticCode.named(code.rawValue) == code)
        }
        #expect(DiagnosticCode.named("plan.no-such-code") == nil)
    }

    /// No code is written as a string in Sources outside its declaration, and nothing
    /// branches on a code string or on the wording of a CEL or diagnostic message.
    @Test func sourcesUseTheConstantsNotStrings() throws {
        let codes = Set(DiagnosticCode.all.map(\.rawValue))
        let forbidden: [(String, Regex<AnyRegexOutput>)] = try [
            ("a Diagnostic made with a string code", Regex(#"Diagnostic\(\s*""#)),
            ("a code compared with a string", Regex(#"\.code(\.rawValue)?\s*(==|!=)\s*""#)),
            ("a code tested as text", Regex(#"\.code(\.rawValue)?\.(hasPrefix|hasSuffix|contains|starts)\("#)),
            ("a code set from a string", Regex(#"\.code\s*=\s*""#)),
            ("a hand-made diagnostic line", Regex(#"(error|warning|info)\[[a-z]+\.[a-z-]+\]"#)),
            ("a message compared", Regex(#"(issue|diagnostic)\.message\s*(==|!=)"#)),
            ("a message searched", Regex(#"(issue|diagnostic)\.message\.(hasPrefix|hasSuffix|contains|starts|range)\("#)),
        ]
        let literal = try Regex(#""([a-z]+\.[a-z0-9-]+)""#)
        let sources = repoPath("Sources")
        let files = try #require(FileManager.default.subpaths(atPath: sources)).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100)
        for file in files where !file.hasPrefix("SourceText/Codes/") {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            // Multi-line calls: `Diagnostic(` at a line's end and the code on the next line.
            let joined = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                .joined(separator: "\n")
            for (what, pattern) in forbidden {
                let found = joined.contains(pattern)
                #expect(!found, "\(file): \(what)")
            }
            for match in joined.matches(of: literal) {
                let value = String(match.output[1].substring ?? "")
                let isCode = codes.contains(value)
                #expect(!isCode, "\(file): the code \(value) written as a string; use its DiagnosticCode constant")
            }
            if !file.hasPrefix("CEL/") {
                #expect(!joined.contains("undeclared reference to"), "\(file) matches CEL's message text; use CELIssue.kind")
            }
        }
    }
}

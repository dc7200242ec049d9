import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText
@testable import YAML

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found, kept as regression tests:
/// each asserts the diagnostic it must give, not merely that nothing crashed.
@Suite("Hostile regressions found by fuzzing")
struct HostileRegressionTests {
    /// Every diagnostic's line exists in its file and renders with its own source line.
    func expectRenderable(_ diagnostics: [Diagnostic], sourceLines: Int, _ comment: Comment? = nil) {
        for d in diagnostics {
            guard let span = d.location else { continue }
            #expect(span.start.line <= max(1, span.file.lineCount) + 1, "\(d)")
            #expect(span.file.lineCount == sourceLines, comment)
        }
    }

    /// fuzz yaml, crash-f1620964: a lone CR (old Mac line end) among LF lines. libyaml
    /// counts it as a line break, SourceFile did not, so an error pointed past the end.
    @Test func aLoneCarriageReturnIsALineBreak() throws {
        let text = "a: 1\rb: [\r\nc: 2\n"
        let result = YAMLLoader().load(text: text, path: "plan.yaml")
        #expect(codes(result.diagnostics) == ["yaml.syntax@4:1"])
        #expect(result.source.lineCount == 3)
        #expect(result.source.line(1) == "a: 1")
        #expect(result.source.line(2) == "b: [")
        #expect(result.source.line(3) == "c: 2")
        let plan = minimalPlan(company: "{ name: Acme, country: UK, timezone: America/New_York }")
        let cr = loadPlan(plan.replacingOccurrences(of: "\n", with: "\r"))
        #expect(codes(cr.diagnostics) == ["plan.unknown-country@3:33"])
        let span = try #require(cr.diagnostics.first?.location)
        #expect(span.file.line(3)?.hasPrefix("company: {") == true)
        #expect(DiagnosticRenderer().render(cr.diagnostics).contains("company: { name: Acme, country: UK"))
    }

    /// NEL, LS and PS are line breaks to libyaml too.
    @Test func unicodeLineBreaksCountAsLines() {
        for separator in ["\u{85}", "\u{2028}", "\u{2029}"] {
            let text = "plan: p" + separator + "date: 2026-12-01" + separator + "company: [a" + separator
            let result = loadPlan(text)
            #expect(result.plan == nil)
            for d in result.diagnostics {
                if let span = d.location { #expect(span.start.line <= 4, "\(d)") }
            }
            #expect(result.source.lineCount == 3, "\(separator.unicodeScalars.first!.value)")
            #expect(result.source.line(2) == "date: 2026-12-01")
        }
    }

    /// The byte order mark takes no column, in libyaml's positions and in ours.
    @Test func aByteOrderMarkTakesNoColumn() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("plan: ".utf8) + [0xFF] + Array("\n".utf8)
        let result = loadPlanBytes(bytes)
        #expect(codes(result.diagnostics) == ["yaml.invalid-utf8@1:7"])
        #expect(result.source.line(1)?.hasPrefix("plan: ") == true)
        let rules = loadRules("\u{FEFF}policy: p\nrules:\n  - { id: R, for: plan, assert: plan.idd == 'x' }\n")
        #expect(codes(rules.diagnostics) == ["rules.cel-type@3:38"])
    }
}

import Foundation
import Testing
import PlanGenerator
@testable import Policy
import Reference
import SourceText
import TestScratch
@testable import YAML

/// A large plan file lets its bytes go once the plan is read, and its reports read the
/// lines they show back from the file (`SourceFile.releaseText()`): findings, their
/// places and the lines shown with them, and the plan's problems, are those of the plan
/// whose bytes were held.
@Suite("A plan read with its text let go")
struct PlanTextLetGoTests {
    /// The plan in `text`, written to a file and read with the bytes held and let go.
    static func bothWays(_ text: String, name: String) throws -> (held: PlanLoadResult, letGo: PlanLoadResult) {
        let path = TestScratch.root + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        func load(keepingOpenFrom bytes: Int) -> PlanLoadResult {
            var yaml = YAMLLoader()
            yaml.keepOpenBytes = bytes
            return PlanLoader(yaml: yaml, today: CivilDate(year: 2026, month: 12, day: 1)!).load(path: path)
        }
        return (load(keepingOpenFrom: .max), load(keepingOpenFrom: 0))
    }

    @Test func theSameFindingsPlacesAndLines() throws {
        let (held, letGo) = try Self.bothWays(PlanGenerator(engagements: 1_500, seed: 11).text(), name: "let-go.yaml")
        #expect(held.source.holdsText && !letGo.source.holdsText)
        let a = try #require(held.plan), b = try #require(letGo.plan)
        let left = try exampleRuleFindings(a), right = try exampleRuleFindings(b)
        #expect(left.count > 100)
        #expect(left.map(\.fingerprint) == right.map(\.fingerprint))
        #expect(left.map(\.message) == right.map(\.message))
        func shown(_ findings: [Finding]) -> [String] {
            findings.map { finding in
                finding.location.map { "\($0.start)-\($0.end)\n" + DiagnosticRenderer().snippet($0) } ?? "-"
            }
        }
        let lines = shown(left)
        #expect(lines == shown(right))
        // Lines of other text than ASCII (Kraków, São Paulo) are among those shown.
        #expect(lines.contains { $0.utf8.contains { $0 >= 0x80 } })
    }

    @Test func theSameProblems() throws {
        var text = PlanGenerator(engagements: 300, seed: 11).text()
        text = text.replacingOccurrences(of: "country: PL, city: Kraków", with: "country: XX, city: Kraków")
        let (held, letGo) = try Self.bothWays(text, name: "let-go-problems.yaml")
        // A plan with errors lets its text go too: its diagnostics are rendered from lines read back.
        #expect(held.source.holdsText && !letGo.source.holdsText)
        #expect(held.plan == nil && letGo.plan == nil)
        #expect(!held.diagnostics.isEmpty)
        #expect(held.diagnostics.map(\.description) == letGo.diagnostics.map(\.description))
        #expect(held.diagnostics.map(DiagnosticRenderer().render) == letGo.diagnostics.map(DiagnosticRenderer().render))
    }
}

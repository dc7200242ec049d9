import Foundation
import Testing
@testable import Policy
@testable import Reference

/// docs/plan-format.md and docs/rules-reference.md are generated from the schema and
/// the rules' environment. After an intended change, regenerate them with
///
///     SHORE_UPDATE_DOCS=1 swift test --filter FormatReferenceTests
///
/// and review the diff.
@Suite("Generated format docs")
struct FormatReferenceTests {
    static let updating = ProcessInfo.processInfo.environment["SHORE_UPDATE_DOCS"] == "1"

    @Test(arguments: [("docs/plan-format.md", FormatReference.planFormat), ("docs/rules-reference.md", FormatReference.rulesReference)]
          as [(String, @Sendable () -> String)])
    func committedDocMatchesTheGenerator(path: String, generate: @Sendable () -> String) throws {
        let generated = generate()
        if Self.updating {
            try Data(generated.utf8).write(to: URL(fileURLWithPath: repoPath(path)))
            return
        }
        let committed = try String(contentsOfFile: repoPath(path), encoding: .utf8)
        #expect(committed == generated, "\(path) is stale: SHORE_UPDATE_DOCS=1 swift test --filter FormatReferenceTests")
    }

    /// Every plan field, derived fact and rule-file key is in the docs.
    @Test func everyFieldIsDocumented() {
        let plan = FormatReference.planFormat(), rules = FormatReference.rulesReference()
        for object in PlanTypes.objects + [WaiverSchema.waiver] {
            for field in object.fields + object.derivedFields {
                #expect(plan.contains("| `\(field.name)` |"), "plan-format.md lacks \(object.name).\(field.name)")
            }
        }
        for object in [RuleSchema.rule, RuleSchema.file, RuleSchema.test, RuleSchema.config] {
            for field in object.fields { #expect(rules.contains("| `\(field.name)` |"), "rules-reference.md lacks \(object.name).\(field.name)") }
        }
        for set in CountrySets.all + RegionSets.all { #expect(rules.contains("| `\(set.id)` |") && rules.contains(set.asOf)) }
    }

    /// Shore's own functions are each declared and documented, one for one.
    @Test func everyDomainFunctionIsDocumented() {
        let declared = Set(DomainFunctions.declarations(classifications: Classifications.defaultScale).map(\.name))
        #expect(declared == Set(DomainFunctions.documentation.map(\.name)))
    }

    /// No generated doc (nor any other) points at a document outside the repository.
    @Test func docsCiteNothingOutsideTheRepository() throws {
        for path in ["docs/plan-format.md", "docs/rules-reference.md", "docs/diagnostics.md", "docs/authoring.md", "docs/limits.md", "docs/editors.md",
                     "README.md", "rules/README.md", "examples/README.md", "Fuzz/README.md"] {
            let text = try String(contentsOfFile: repoPath(path), encoding: .utf8)
            #expect(!text.contains("BRIEF") && !text.contains("../shared") && !text.contains("brief, §"), "\(path) cites the brief")
        }
    }
}

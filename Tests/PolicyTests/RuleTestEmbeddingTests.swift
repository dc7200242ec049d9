import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText

/// The embedded starter pack is the rules/ folder, byte for byte, and loads cleanly.
@Suite("Embedded starter pack")
struct RuleTestEmbeddingTests {
    /// rules/*.yaml on disk, as (rules/NAME, text), sorted.
    static func diskRuleFiles() throws -> [(path: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: repoPath("rules"))
            .filter(RuleFiles.isRuleFileName)
            .sorted()
        return try names.map { name in
            ("rules/" + name, try String(contentsOfFile: repoPath("rules/" + name), encoding: .utf8))
        }
    }

    @Test func embeddedRulesMatchTheFilesOnDisk() throws {
        let disk = try Self.diskRuleFiles()
        #expect(!disk.isEmpty)
        #expect(EmbeddedRules.files.map(\.path) == disk.map(\.path),
                "EmbeddedRules.swift is stale: run python3 scripts/embed-rules.py")
        for (embedded, file) in zip(EmbeddedRules.files, disk) {
            #expect(embedded.text == file.text, "\(file.path) differs from its embedded copy: run python3 scripts/embed-rules.py")
        }
    }

    @Test func embeddedPackLoadsWithoutDiagnostics() throws {
        let loaded = RuleLoader().load(sources: BuiltinPack.sources)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let rules = try #require(loaded.rules)
        #expect(rules.rules.count == 46)
        #expect(rules.classifications == ["public", "internal", "confidential", "restricted"])
        for rule in rules.rules {
            #expect(rule.title != nil && rule.description != nil && rule.remediation != nil, "\(rule.id) lacks documentation")
            #expect(!rule.tags.isEmpty, "\(rule.id) has no tags")
            #expect(rule.message != nil, "\(rule.id) has no message")
        }
        for rule in rules.rules {
            #expect(!rule.references.isEmpty, "\(rule.id) has no references")
        }
    }

    @Test func everyRuleHasATest() throws {
        let tests = RuleFiles.findTests(under: [repoPath("rules")])
        // The ids named in the tests' `rules: [...]` lines.
        var narrowed = Set<String>()
        for file in tests {
            for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("rules: ["), trimmed.hasSuffix("]") else { continue }
                for id in trimmed.dropFirst("rules: [".count).dropLast().split(separator: ",") {
                    narrowed.insert(id.trimmingCharacters(in: .whitespaces))
                }
            }
        }
        let rules = try #require(RuleLoader().load(sources: BuiltinPack.sources).rules)
        for rule in rules.rules {
            #expect(narrowed.contains(rule.id), "\(rule.id) has no narrowed test")
        }
    }
}

/// rules/README.md's catalogue table is generated from the rules.
@Suite("Rule catalogue")
struct RuleCatalogueTests {
    @Test func readmeCatalogueMatchesTheRules() throws {
        let rules = try #require(RuleLoader().load(sources: BuiltinPack.sources).rules)
        let path = repoPath("rules/README.md")
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let updated = try #require(RuleCatalogue.update(readme: readme, with: rules), "rules/README.md lacks the catalogue markers")
        if ProcessInfo.processInfo.environment["SHORE_UPDATE_CATALOGUE"] == "1", updated != readme {
            try updated.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(updated == readme, "rules/README.md is stale: run python3 scripts/rules-catalogue.py")
    }

    @Test func cellsAreEscaped() throws {
        let loaded = RuleLoader().load(sources: [.embedded("x.yaml", text: """
            policy: p
            rules:
              - id: X-1
                title: "a | b <c>"
                for: plan
                assert: "true"
                references: ["one", "two"]
            """)])
        let rules = try #require(loaded.rules)
        let table = RuleCatalogue.markdown(rules)
        #expect(table.contains("| X-1 | error | plan | a \\| b &lt;c&gt; | one<br>two |"))
    }
}

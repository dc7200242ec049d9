import Foundation
import Testing
@testable import Policy

/// One test of what a rule file and a rule test file are, by name, whatever the case of
/// the extension: the same for folder searches, `shore test FILE`, the language server
/// and the benchmarks.
@Suite("Rule and test file names")
struct RuleFileNameTests {
    @Test func namesAreTestedWithoutRegardToCase() {
        #expect(RuleFiles.isTestFileName("rules/data.test.yaml"))
        #expect(RuleFiles.isTestFileName("rules/DATA.Test.YML"))
        #expect(!RuleFiles.isTestFileName("rules/data.yaml"))
        #expect(RuleFiles.isRuleFileName("rules/Data.YAML"))
        #expect(RuleFiles.isRuleFileName("rules/data.yml"))
        #expect(!RuleFiles.isRuleFileName("rules/data.TEST.yaml"))
        #expect(!RuleFiles.isRuleFileName("rules/notes.txt"))
    }

    /// What `shore test PATH…` reads: a folder's rules and tests, a test file with the
    /// rules beside it, each once; a path that does not exist is an error.
    @Test func testInputsUnderFoldersAndFiles() {
        let rules = repoPath("rules")
        let found = RuleFiles.testInputs(under: [rules + "/concentration.test.yaml", rules, rules + "/nowhere"])
        #expect(found.rules == RuleFiles.find(under: [rules]))
        #expect(found.tests.first == rules + "/concentration.test.yaml")
        #expect(found.tests.count == RuleFiles.findTests(under: [rules]).count)
        #expect(found.diagnostics.map(\.code) == [.testMissingPath])
        #expect(found.diagnostics.first?.message == "no such file or folder: \(rules)/nowhere")
    }

    /// A test file named directly runs as a test even with an upper-case extension (it
    /// was read as a rule file, and failed to load as one).
    @Test func testCommandRunsATestFileWithAnUpperCaseExtension() throws {
        let root = try temporaryFolder("test-case")
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        try """
            policy: p
            rules:
              - { id: R-1, for: engagement, assert: "engagement.headcount < 100" }

            """.write(toFile: root + "/rules/r.yaml", atomically: true, encoding: .utf8)
        try """
            tests:
              - name: small is fine
                plan:
                  plan: t
                  date: 2026-12-01
                  company: { name: Acme, country: US, timezone: America/New_York }
                  engagements:
                    - { id: a, provider: { name: P, kind: agency, country: US }, locations: [{ country: US, timezone: America/Chicago, headcount: 5 }] }
                expect: []

            """.write(toFile: root + "/rules/R.Test.YAML", atomically: true, encoding: .utf8)
        let run = shore(["test", "rules/R.Test.YAML"], in: root)
        #expect(run.code == 0, "\(run.out)\(run.err)")
        #expect(run.out == "ok   small is fine\n1 passed, 0 failed\n", "\(run.out)")
        // A folder search finds it too, and does not load it as rules.
        #expect(shore(["test", "rules"], in: root).out == "ok   small is fine\n1 passed, 0 failed\n")
    }
}

import Foundation
import Testing
import ShoreCLI

/// `shore init` into a temporary folder, then the generated repository used at once.
@Suite("shore init")
struct AuthoringInitCommandTests {
    @Test func initThenLintAndCheck() throws {
        let root = try temporaryFolder("init")
        let created = shore(["init", "repo"], in: root)
        #expect(created.code == 0, "\(created.err)")
        let repo = root + "/repo"
        for path in ["shore.yaml", "rules/data.yaml", "rules/data.test.yaml", "rules/fixtures/onshore.yaml",
                     "rules/fixtures/offshore-restricted.yaml", "plans/example.yaml", ".github/workflows/shore.yml",
                     ".gitlab-ci.yml", ".pre-commit-hooks.yaml", "schemas/plan.schema.json"] {
            #expect(FileManager.default.fileExists(atPath: repo + "/" + path), "\(path) missing")
        }
        let lint = shore(["lint"], in: repo)
        #expect(lint.code == 0)
        #expect(lint.out == "1 file, 1 rule: no problems\n")

        // The example plan passes, as its header and the README say.
        let check = shore(["check", "plans/example.yaml"], in: repo)
        #expect(check.code == 0, "\(check.out)\(check.err)")
        // The offshore fixture trips the rule.
        let offshore = shore(["check", "rules/fixtures/offshore-restricted.yaml"], in: repo)
        #expect(offshore.code == 1)
        #expect(offshore.out.contains("DATA-001"))
        let onshore = shore(["check", "rules/fixtures/onshore.yaml"], in: repo)
        #expect(onshore.code == 0)

        let explain = shore(["explain", "plans/example.yaml", "--rule", "DATA-001"], in: repo)
        #expect(explain.code == 0)
        #expect(explain.out.contains("2 items: 1 passed, 1 not applicable"))

        let workflow = try String(contentsOfFile: repo + "/.github/workflows/shore.yml", encoding: .utf8)
        #expect(workflow.contains("github/codeql-action/upload-sarif"))
    }

    @Test func refusesToOverwrite() throws {
        let root = try temporaryFolder("init-conflict")
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: root + "/shore.yaml"))
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: root + "/rules/data.yaml"))
        let result = shore(["init"], in: root)
        #expect(result.code == 2)
        #expect(result.err.contains("  shore.yaml\n  rules/data.yaml\n"))
        #expect(try String(contentsOfFile: root + "/shore.yaml", encoding: .utf8) == "keep me\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/plans/example.yaml"))
    }

    @Test func schemaCommandPrintsTheCommittedSchema() throws {
        let result = shore(["schema", "plan"])
        #expect(result.code == 0)
        let committed = try String(contentsOfFile: repoRoot + "/schemas/plan.schema.json", encoding: .utf8)
        #expect(result.out == committed)
        #expect(shore(["schema", "nonsense"]).code == 2)
    }
}

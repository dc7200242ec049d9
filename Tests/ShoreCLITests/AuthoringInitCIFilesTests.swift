import Foundation
import Testing
@testable import ShoreCLI

/// The CI files `shore init` writes, checked by the tools that read them: the GitHub and
/// GitLab files against their published schemas (check-jsonschema), the pre-commit
/// config and hook manifest by pre-commit itself, which then runs the hooks with the
/// built `shore` on PATH in a fresh git repository.
@Suite("shore init: CI files")
struct AuthoringInitCIFilesTests {
    /// Runs a program found on PATH (plus `extraPath`) in `directory`.
    static func run(_ arguments: [String], in directory: String, extraPath: String? = nil) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        if let extraPath { environment["PATH"] = extraPath + ":" + (environment["PATH"] ?? "/usr/bin:/bin") }
        environment["PRE_COMMIT_HOME"] = directory + "/.pre-commit-cache"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether `tool` runs; prints why the test is skipped when not (.ci/run installs it).
    static func available(_ tool: String) -> Bool {
        if run([tool, "--version"], in: NSTemporaryDirectory())?.status == 0 { return true }
        FileHandle.standardError.write(Data("AuthoringInitCIFilesTests: skipped, \(tool) is not installed (pip install \(tool))\n".utf8))
        return false
    }

    /// The folder of the built `shore` executable (beside the test bundle).
    static var builtShoreFolder: String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("shore").path) { return folder.path }
            folder = folder.deletingLastPathComponent()
        }
        let debug = repoRoot + "/.build/debug"
        return FileManager.default.isExecutableFile(atPath: debug + "/shore") ? debug : nil
    }

    @Test func workflowsMatchTheirSchemas() throws {
        guard Self.available("check-jsonschema") else { return }
        let root = try temporaryFolder("init-ci-schemas")
        #expect(shore(["init"], in: root).code == 0)
        let github = try #require(Self.run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows",
                                            ".github/workflows/shore.yml"], in: root))
        #expect(github.status == 0, "\(github.output)")
        let gitlab = try #require(Self.run(["check-jsonschema", "--builtin-schema", "vendor.gitlab-ci", ".gitlab-ci.yml"], in: root))
        #expect(gitlab.status == 0, "\(gitlab.output)")

        let workflow = try String(contentsOfFile: root + "/.github/workflows/shore.yml", encoding: .utf8)
        #expect(workflow.contains("uses: github/codeql-action/upload-sarif@v4\n"))
        #expect(!workflow.contains("@v3"))
        for permission in ["contents: read", "actions: read", "security-events: write"] {
            #expect(workflow.contains("  \(permission)"), "missing permission \(permission)")
        }
    }

    @Test func preCommitRunsTheHooks() throws {
        guard Self.available("pre-commit"), Self.available("git") else { return }
        let shoreFolder = try #require(Self.builtShoreFolder, "the shore executable is not built")
        let root = try temporaryFolder("init-ci-pre-commit")
        #expect(shore(["init"], in: root).code == 0)
        let config = try #require(Self.run(["pre-commit", "validate-config", ".pre-commit-config.yaml"], in: root))
        #expect(config.status == 0, "\(config.output)")
        let manifest = try #require(Self.run(["pre-commit", "validate-manifest", ".pre-commit-hooks.yaml"], in: root))
        #expect(manifest.status == 0, "\(manifest.output)")

        for step in [["git", "init", "-q"], ["git", "add", "-A"]] {
            #expect(Self.run(step, in: root)?.status == 0)
        }
        let clean = try #require(Self.run(["pre-commit", "run", "--all-files"], in: root, extraPath: shoreFolder))
        #expect(clean.status == 0, "\(clean.output)")
        for hook in ["shore lint", "shore test", "shore check"] {
            #expect(clean.output.range(of: "\(hook)\\.+Passed", options: .regularExpression) != nil,
                    "\(hook) did not pass: \(clean.output)")
        }

        // Payroll moved offshore: the check hook fails with DATA-001.
        let path = root + "/plans/example.yaml"
        let plan = try String(contentsOfFile: path, encoding: .utf8)
        let moved = plan.replacingOccurrences(
            of: "- { country: US, timezone: America/New_York, hours: \"09:00-17:00\", headcount: 40 }",
            with: "- { country: PH, city: Manila, timezone: Asia/Manila, hours: \"21:00-06:00\", headcount: 40 }")
        #expect(moved != plan)
        try Data(moved.utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.run(["git", "add", "-A"], in: root)?.status == 0)
        let failing = try #require(Self.run(["pre-commit", "run", "--all-files"], in: root, extraPath: shoreFolder))
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.output.range(of: "shore check\\.+Failed", options: .regularExpression) != nil, "\(failing.output)")
        #expect(failing.output.contains("DATA-001"), "\(failing.output)")
    }
}

import Foundation
import Testing
@testable import ShoreCLI
import TestScratch

/// A fresh temporary folder holding a copy of rules/ (rule files, tests, fixtures).
func copyOfRules() throws -> String {
    let folder = TestScratch.url.appendingPathComponent("shore-test-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: repoPath("rules"), toPath: folder)
    return folder
}

@Suite("shore test")
struct TestCommandTests {
    @Test func theStarterPackTestsPass() {
        let io = CommandIO.capturing(workingDirectory: repoRoot)
        let code = ShoreMain.run(["test", repoPath("rules")], io: io)
        let lines = io.standardOutput.split(separator: "\n").map(String.init)
        #expect(code == 0, "\(io.standardOutput)\n\(io.standardError)")
        #expect(io.standardError.isEmpty, "\(io.standardError)")
        let last = lines.last ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"), "\(last)")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("ok   ") })
        #expect(lines.count > 40)
    }

    @Test func theDefaultPathIsRulesInTheWorkingDirectory() {
        let io = CommandIO.capturing(workingDirectory: repoRoot)
        #expect(ShoreMain.run(["test"], io: io) == 0, "\(io.standardError)")
        #expect(io.standardOutput.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func aWrongExpectationFailsWithExpectedVersusActual() throws {
        let folder = try copyOfRules()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("time-zones.test.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken = text.replacingOccurrences(
            of: "{ rule: TZ-002, engagement: london-support, country: GB, severity: warning }",
            with: "{ rule: TZ-002, engagement: london-support, country: GB, severity: error }")
        #expect(broken != text)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)

        let io = CommandIO.capturing(workingDirectory: folder)
        let code = ShoreMain.run(["test", folder], io: io)
        #expect(code == 1, "\(io.standardOutput)\n\(io.standardError)")
        let out = io.standardOutput
        #expect(out.contains("FAIL TZ-002: customer-facing offshore locations under 4 h are warnings (3.0 h, 0.0 h)\n"))
        #expect(out.contains("  expected (2):\n"))
        #expect(out.contains("    TZ-002 engagement=london-support country=GB kind=violation severity=error\n"))
        #expect(out.contains("  actual (2):\n"))
        #expect(out.contains("    TZ-002 engagement=london-support country=GB kind=violation status=failing severity=warning\n"))
        #expect(out.hasSuffix(" passed, 1 failed\n"))
    }

    @Test func aTestFileGivenDirectlyRunsAgainstItsFolder() throws {
        let io = CommandIO.capturing(workingDirectory: repoRoot)
        let code = ShoreMain.run(["test", repoPath("rules/concentration.test.yaml")], io: io)
        #expect(code == 0, "\(io.standardOutput)\n\(io.standardError)")
        #expect(io.standardOutput.hasSuffix("7 passed, 0 failed\n"))
    }

    @Test func invalidTestsExitTwoWithLocatedErrors() throws {
        let folder = try copyOfRules()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "tests:\n  - name: typo\n    plan: fixtures/quality-triggers.yaml\n    expct: []\n"
            .write(toFile: (folder as NSString).appendingPathComponent("broken.test.yaml"), atomically: true, encoding: .utf8)
        let io = CommandIO.capturing(workingDirectory: folder)
        let code = ShoreMain.run(["test", folder], io: io)
        #expect(code == 2)
        #expect(io.standardOutput.contains("broken.test.yaml:4:5"), "\(io.standardOutput)")
        #expect(io.standardOutput.contains("did you mean 'expect'?"), "\(io.standardOutput)")
        #expect(io.standardOutput.contains("FAIL typo\n  at broken.test.yaml:2:11\n  not run: the test is invalid"), "\(io.standardOutput)")
        #expect(io.standardOutput.hasSuffix(" passed, 1 failed\n"), "\(io.standardOutput)")
        #expect(io.standardError.isEmpty)
    }

    /// Broken rules: every test counts as failed, and the errors come on stdout with
    /// paths relative to the working folder, as lint shows them.
    @Test func brokenRulesFailEveryTestOnOneStream() throws {
        let folder = try copyOfRules()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("quality.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "engagement.controls", with: "engagement.contrls")
        #expect(broken != text)
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let io = CommandIO.capturing(workingDirectory: folder)
        #expect(ShoreMain.run(["test", folder], io: io) == 2)
        #expect(io.standardError.isEmpty, "\(io.standardError)")
        let out = io.standardOutput
        #expect(out.hasPrefix("quality.yaml:"), "\(out)")
        #expect(out.contains("error[rules.cel-type]: undefined field 'contrls'"), "\(out)")
        #expect(!out.contains(folder), "absolute paths: \(out)")
        let tests = out.components(separatedBy: "\nFAIL ").count - 1
        #expect(tests > 40, "\(out)")
        #expect(out.contains("  not run: the rules did not load (see the errors reported)\n"))
        #expect(out.hasSuffix("\n0 passed, \(tests) failed\n"), "\(out)")
    }

    @Test func withoutARulesFolderItSaysTheBuiltInPackHasNoTests() {
        let empty = TestScratch.url.appendingPathComponent("shore-empty-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let io = CommandIO.capturing(workingDirectory: empty)
        #expect(ShoreMain.run(["test"], io: io) == 2)
        #expect(io.standardOutput.contains("starter pack's tests are not in the binary"))
        #expect(io.standardOutput.hasSuffix("\n0 passed, 0 failed\n"))
    }
}

/// The example plans through `shore check` with the built-in starter pack (no ./rules).
@Suite("Example plans with the built-in pack")
struct ExamplePlansWithBuiltInPackTests {
    static func check(_ plan: String) -> (Int32, CommandIO) {
        let empty = TestScratch.url.appendingPathComponent("shore-empty-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let io = CommandIO.capturing(workingDirectory: empty)
        return (ShoreMain.run(["check", repoPath("examples/plans/" + plan)], io: io), io)
    }

    @Test func theCleanPlanExitsZero() {
        let (code, io) = Self.check("clean-eu-support.yaml")
        #expect(code == 0, "\(io.standardOutput)\n\(io.standardError)")
    }

    @Test func theLargePlanHasErrorsButNoInputProblems() {
        let (code, io) = Self.check("global-operations-2027.yaml")
        #expect(code == 1, "\(io.standardOutput)\n\(io.standardError)")
    }
}

import Foundation
import Testing
@testable import ShoreCLI
import TestScratch

/// `shore review` run in-process: exit codes like `check`, the verdict first.
@Suite("shore review")
struct ReviewCommandTests {
    /// The repository root: three levels up from this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let plan = "examples/plans/support-expansion-2027.yaml"

    @Test func blockedExampleExitsOneAndStartsWithTheVerdict() {
        let io = CommandIO.capturing(workingDirectory: Self.root)
        let code = ShoreMain.run(["review", Self.plan, "--rules", "examples/rules"], io: io)
        #expect(code == 1)
        #expect(io.standardOutput.hasPrefix("# Verdict: ✗ BLOCKED\n"), "\(io.standardOutput.prefix(200))")
        #expect(io.standardOutput.contains("- **Plan:** Customer support and back-office expansion 2027 (support-expansion-2027), examples/plans/support-expansion-2027.yaml"))
        #expect(io.standardError.isEmpty)
    }

    @Test func failOnNoneExitsZeroAndTextFormatWorks() {
        let io = CommandIO.capturing(workingDirectory: Self.root)
        let code = ShoreMain.run(["review", Self.plan, "--rules", "examples/rules", "--fail-on", "none", "--format", "text"], io: io)
        #expect(code == 0)
        #expect(io.standardOutput.hasPrefix("VERDICT: ✗ BLOCKED\n"))
    }

    @Test func htmlGoesToTheOutputFile() throws {
        let dir = TestScratch.url.appendingPathComponent("shore-review-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("review.html").path
        let io = CommandIO.capturing(workingDirectory: Self.root)
        let code = ShoreMain.run(["review", Self.plan, "--rules", "examples/rules", "--format", "html", "--output", out], io: io)
        #expect(code == 1)
        #expect(io.standardOutput.isEmpty)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Verdict: BLOCKED"))
        // Without --format, the extension decides.
        let inferred = dir.appendingPathComponent("inferred.htm").path
        #expect(ShoreMain.run(["review", Self.plan, "--rules", "examples/rules", "--output", inferred], io: io) == 1)
        #expect(try String(contentsOfFile: inferred, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let markdown = dir.appendingPathComponent("review.md").path
        #expect(ShoreMain.run(["review", Self.plan, "--rules", "examples/rules", "--output", markdown], io: io) == 1)
        #expect(try String(contentsOfFile: markdown, encoding: .utf8).hasPrefix("# Verdict:"))
    }

    @Test func invalidInputExitsTwoWithEveryError() throws {
        let dir = TestScratch.url.appendingPathComponent("shore-review-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("""
        plan: bad
        company: { name: A, country: UK }
        engagements:
          - id: e
            provider: { name: P, kind: agency, country: XX }
            locations: [{ country: PH, timezone: Asia/Manila, headcount: 1 }]

        """.utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        let io = CommandIO.capturing(workingDirectory: dir.path)
        let code = ShoreMain.run(["review", "bad.yaml", "--rules", Self.root + "/examples/rules"], io: io)
        #expect(code == 2)
        #expect(io.standardOutput.isEmpty)
        #expect(io.standardError.contains("UK"))
        #expect(io.standardError.contains("XX"))
    }

    /// Waivers from --waivers files are sorted too: one expiring within 90 days of the
    /// plan date (DATA-001, 61 days), one that matches nothing.
    @Test func waiverFilesAreListed() throws {
        let dir = TestScratch.url.appendingPathComponent("shore-review-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let waivers = dir.appendingPathComponent("waivers.yaml")
        try Data("""
        waivers:
          - { rule: DATA-001, engagement: tier1-support, reason: Tokenization in Q1, approved_by: CISO, ticket: SEC-1, expires: 2027-01-31 }
          - { rule: COUNTRY-001, country: DE, reason: never used, approved_by: CISO, expires: 2027-06-30 }

        """.utf8).write(to: waivers)
        let io = CommandIO.capturing(workingDirectory: Self.root)
        let code = ShoreMain.run(["review", Self.plan, "--rules", "examples/rules", "--waivers", waivers.path], io: io)
        #expect(code == 1)
        let out = io.standardOutput
        #expect(out.contains("| ! expiring soon | DATA-001 | engagement tier1-support | 2027-01-31 (61 days after the plan date) | CISO | SEC-1 | 1 |"))
        #expect(out.contains("| i unused | COUNTRY-001 | country DE |"))
        #expect(out.contains("1 active, 1 expiring within 90 days, 1 expired, 1 unused."))
    }

    @Test func usageErrorsExitTwo() {
        let io = CommandIO.capturing(workingDirectory: Self.root)
        #expect(ShoreMain.run(["review", Self.plan, "--format", "pdf"], io: io) == 2)
        #expect(ShoreMain.run(["review"], io: CommandIO.capturing(workingDirectory: Self.root)) == 2)
    }
}

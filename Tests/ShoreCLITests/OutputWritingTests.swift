import Foundation
import Testing
@testable import ShoreCLI

/// Where reports go: `--output` never overwrites an input, is written atomically, and
/// every failure (a folder, a missing folder, a full disk, an unwritable stdout) is a
/// coded one-line diagnostic and exit 2, never a crash or a raw NSError.
@Suite("Output writing")
struct OutputWritingTests {
    static let plan = "examples/plans/support-expansion-2027.yaml"

    /// A folder holding a copy of the example plan, its rules, a waiver file, a config
    /// and a baseline: every kind of input `--output` must not replace.
    static func project() throws -> String {
        let folder = try temporaryFolder("output")
        try FileManager.default.copyItem(atPath: repoPath(plan), toPath: folder + "/plan.yaml")
        try FileManager.default.copyItem(atPath: repoPath("examples/rules"), toPath: folder + "/rules")
        try """
            waivers:
              - { rule: DATA-001, engagement: nobody, reason: test, approved_by: a@example.com, expires: 2030-01-01 }
            """.write(toFile: folder + "/waivers.yaml", atomically: true, encoding: .utf8)
        try "fail_on: error\n".write(toFile: folder + "/shore.yaml", atomically: true, encoding: .utf8)
        #expect(shore(["check", "plan.yaml", "--output", "baseline.json"], in: folder).code == 1)
        return folder
    }

    static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: --output over an input

    @Test(arguments: ["plan.yaml", "rules/data.yaml", "waivers.yaml", "baseline.json", "shore.yaml", "./plan.yaml"])
    func checkRefusesToOverwriteAnyInput(_ target: String) throws {
        let folder = try Self.project()
        let before = Self.contents(folder + "/" + target)
        let run = shore(["check", "plan.yaml", "--waivers", "waivers.yaml", "--baseline", "baseline.json",
                         "--format", "json", "--output", target], in: folder)
        #expect(run.code == 2)
        #expect(run.err.hasPrefix("error[output.overwrites-input]: the output \(target) is an input of this run"), "\(run.err)")
        #expect(run.out.isEmpty)
        #expect(Self.contents(folder + "/" + target) == before)
    }

    /// The reported case: the plan given as its own report, without --format.
    @Test func thePlanAsItsOwnOutputIsRefusedAsAnInput() throws {
        let folder = try Self.project()
        for command in [["check", "plan.yaml"], ["review", "plan.yaml"]] {
            let run = shore(command + ["--output", "plan.yaml"], in: folder)
            #expect(run.code == 2)
            #expect(run.err.hasPrefix("error[output.overwrites-input]: the output plan.yaml is an input of this run"), "\(run.err)")
        }
        let lint = shore(["lint", "rules", "--output", "rules/data.yaml"], in: folder)
        #expect(lint.err.hasPrefix("error[output.overwrites-input]"), "\(lint.err)")
        #expect(Self.contents(folder + "/plan.yaml") == Self.contents(repoPath(Self.plan)))
    }

    @Test func aLinkToAnInputIsTheInput() throws {
        let folder = try Self.project()
        try FileManager.default.createSymbolicLink(atPath: folder + "/report.json", withDestinationPath: folder + "/plan.yaml")
        try FileManager.default.linkItem(atPath: folder + "/plan.yaml", toPath: folder + "/hard.json")
        for target in ["report.json", "hard.json"] {
            let run = shore(["check", "plan.yaml", "--output", target], in: folder)
            #expect(run.code == 2)
            #expect(run.err.contains("output.overwrites-input"), "\(target): \(run.err)")
        }
        #expect(Self.contents(folder + "/plan.yaml") == Self.contents(repoPath(Self.plan)))
    }

    @Test func lintAndReviewRefuseToOverwriteTheirInputs() throws {
        let folder = try Self.project()
        let rule = Self.contents(folder + "/rules/data.yaml")
        let lint = shore(["lint", "rules", "--format", "text", "--output", "rules/data.yaml"], in: folder)
        #expect(lint.code == 2)
        #expect(lint.err.contains("output.overwrites-input"), "\(lint.err)")
        let review = shore(["review", "plan.yaml", "--format", "markdown", "--output", "plan.yaml"], in: folder)
        #expect(review.code == 2)
        #expect(review.err.contains("output.overwrites-input"), "\(review.err)")
        let reviewRule = shore(["review", "plan.yaml", "--format", "markdown", "--output", "rules/data.yaml"], in: folder)
        #expect(reviewRule.code == 2)
        #expect(Self.contents(folder + "/rules/data.yaml") == rule)
        #expect(Self.contents(folder + "/plan.yaml") == Self.contents(repoPath(Self.plan)))
    }

    // MARK: Targets that cannot be written

    @Test func aFolderOrAMissingFolderIsACodedError() throws {
        let folder = try Self.project()
        let directory = shore(["check", "plan.yaml", "--output", "rules"], in: folder)
        #expect(directory.code == 2)
        #expect(directory.err.hasPrefix("error[output.is-directory]: the output rules is a folder\n"), "\(directory.err)")
        #expect(directory.err.contains("= help: "))
        let missing = shore(["review", "plan.yaml", "--output", "no/such/review.md"], in: folder)
        #expect(missing.code == 2)
        #expect(missing.err.hasPrefix("error[output.missing-folder]: the folder of the output no/such/review.md does not exist\n"))
        for run in [directory, missing] {
            #expect(!run.err.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func aFullDiskIsACodedErrorNamingTheFile() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let folder = try Self.project()
        try FileManager.default.createSymbolicLink(atPath: folder + "/full.json", withDestinationPath: "/dev/full")
        let run = shore(["check", "plan.yaml", "--output", "full.json"], in: folder)
        #expect(run.code == 2)
        #expect(run.err.hasPrefix("error[output.write-failed]: cannot write the output full.json: "), "\(run.err)")
        #expect(!run.err.contains("NSCocoaErrorDomain"))
        // A device is written in place, never replaced by a renamed file.
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
        #expect(shore(["check", "plan.yaml", "--output", "/dev/null", "--format", "json"], in: folder).code == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    // MARK: Atomic writes

    @Test func aWriteThatFailsHalfwayLeavesThePreviousFile() throws {
        let folder = try Self.project()
        try "previous report\n".write(toFile: folder + "/out.json", atomically: true, encoding: .utf8)
        // 2 KiB: far less than the JSON report, so the write fails partway.
        let run = try runBinary("ulimit -f 2; exec \"$SHORE\" check plan.yaml --output out.json", in: folder)
        #expect(run.code == 2)
        #expect(run.err.hasPrefix("error[output.write-failed]: cannot write the output out.json: File too large\n"), "\(run.err)")
        #expect(Self.contents(folder + "/out.json") == "previous report\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".out.json") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSuccessfulWriteReplacesTheFileAndKeepsItsMode() throws {
        let folder = try Self.project()
        let path = folder + "/out.json"
        try "previous".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        #expect(shore(["check", "plan.yaml", "--output", "out.json"], in: folder).code == 1)
        #expect(Self.contents(path)?.hasPrefix("{\n  \"version\": 1,") == true)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    // MARK: stdout that cannot be written

    @Test(arguments: [["--help"], ["check", "--help"], ["--version"], ["check", plan, "--rules", "examples/rules"],
                      ["review", plan, "--rules", "examples/rules"], ["lint", "examples/rules"]])
    func aFullStdoutIsOneLineAndExitTwo(_ arguments: [String]) throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        defer { try? full.close() }
        let io = CommandIO.writing(to: full.fileDescriptor, workingDirectory: repoRoot)
        let code = ShoreMain.run(arguments, io: io)
        #expect(code == 2)
        #expect(io.standardError == "error[output.write-failed]: cannot write to standard output: No space left on device\n")
    }

    @Test func theBinaryReportsAFullOrClosedStdoutAndEndsQuietlyOnABrokenPipe() throws {
        let check = "\"$SHORE\" check \(repoPath(Self.plan)) --rules \(repoPath("examples/rules"))"
        for script in ["exec \"$SHORE\" --help > /dev/full", "exec \(check) > /dev/full", "exec \(check) >&-"] {
            let run = try runBinary(script, in: repoRoot)
            #expect(run.code == 2, "\(script): \(run.err)")
            #expect(run.err.hasPrefix("error[output.write-failed]: cannot write to standard output: "), "\(script): \(run.err)")
            #expect(run.err.split(separator: "\n").count == 1, "\(script): \(run.err)")
        }
        // SIGPIPE ignored (as some CI runners leave it): the write fails with EPIPE.
        let pipe = try runBinary("trap '' PIPE; \(check) | true; exit ${PIPESTATUS[0]}", in: repoRoot)
        #expect(pipe.code == 141)
        #expect(pipe.err.isEmpty, "\(pipe.err)")
    }

    // MARK: Colour

    @Test func noColorTurnsColoursOff() throws {
        let folder = try temporaryFolder("color")
        for (environment, coloured) in [([String: String](), true), (["NO_COLOR": "1"], false), (["NO_COLOR": ""], true)] {
            let path = folder + "/out-\(coloured)-\(environment.count).txt"
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            let io = CommandIO.writing(to: handle.fileDescriptor, workingDirectory: repoRoot, isTerminal: true,
                                       environment: environment)
            #expect(ShoreMain.run(["check", Self.plan, "--rules", "examples/rules"], io: io) == 1)
            try handle.close()
            #expect(Self.contents(path)?.contains("\u{1B}[") == coloured, "\(environment)")
        }
    }
}

/// Runs `script` with bash in `directory`, `$SHORE` being the built `shore` binary.
func runBinary(_ script: String, in directory: String) throws -> (code: Int32, err: String) {
    let binary = try #require(shoreBinary(), "the shore binary is not built next to the tests")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.environment = ["SHORE": binary, "PATH": "/usr/bin:/bin"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: err, as: UTF8.self))
}

/// The `shore` executable SwiftPM built beside the test bundle.
func shoreBinary() -> String? {
    let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
                      Bundle.main.bundlePath, Bundle.main.bundleURL.deletingLastPathComponent().path,
                      repoRoot + "/.build/debug"]
    return candidates.map { $0 + "/shore" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

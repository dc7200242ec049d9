import Foundation
@testable import PlanGenerator
import Testing

/// Check and review must do linear work in the number of engagements. Nothing is timed:
/// valgrind's callgrind counts the instructions the `shore` binary executes on a
/// generated plan of N and of 4N engagements, and the ratio must stay near 4 (linear
/// work gives about 4, or less with the fixed start-up; quadratic work gives about 16).
/// For review only the review itself is counted (building the report and rendering it),
/// so the check inside it does not hide its growth.
@Suite("scaling", .serialized)
struct ScalingTests {
    static let small = 100
    /// 4N over N may cost at most this factor.
    static let allowed = 5.0
    /// The same, once the work of a one-engagement plan is taken off both counts.
    static let allowedBeyondStartUp = 4.6

    @Test func checkWorkGrowsLinearly() throws {
        let counts = try Self.counts(collecting: []) { plan in
            ["check", plan, "--rules", repoRoot + "/examples/rules", "--format", "json"]
        }
        #expect(counts.large <= Self.allowed * counts.small,
                "check: \(counts.small) instructions at \(Self.small) engagements, \(counts.large) at \(4 * Self.small)")
    }

    /// The built-in pack (what `shore check` runs by default) compiles 150-odd rules at
    /// start, which would hide quadratic evaluation at these sizes; so the work of a
    /// one-engagement plan is taken off both counts. Linear work gives (4N − 1)/(N − 1) ≈ 4;
    /// a rule that searches every engagement for every provider gave 5.5 at N = 100.
    @Test func builtinPackWorkGrowsLinearly() throws {
        let arguments = { (plan: String) in ["check", plan, "--rules", "builtin", "--format", "json"] }
        let start = try Self.counts(collecting: [], sizes: [1], arguments)[0]
        let counts = try Self.counts(collecting: [], arguments)
        let small = counts.small - start, large = counts.large - start
        #expect(small > 0, "the built-in pack did no more work on \(Self.small) engagements than on one")
        #expect(large <= Self.allowedBeyondStartUp * small,
                "built-in pack: \(small) instructions beyond start-up at \(Self.small) engagements, \(large) at \(4 * Self.small)")
    }

    @Test func reviewWorkGrowsLinearly() throws {
        // The exact mangled names (no closures inside them: each match toggles collection).
        let counts = try Self.counts(collecting: ["*12ReviewReportV5build_*tFZ", "*18ReviewHTMLRendererO6render*VFZ"]) { plan in
            ["review", plan, "--rules", repoRoot + "/examples/rules", "--format", "html"]
        }
        #expect(counts.small > 0, "callgrind counted nothing inside the review: were its functions renamed?")
        #expect(counts.large <= Self.allowed * counts.small,
                "review: \(counts.small) instructions at \(Self.small) engagements, \(counts.large) at \(4 * Self.small)")
    }

    /// Instructions of `shore ARGUMENTS(plan)` at N and 4N engagements: the whole process,
    /// or only inside the functions matching `functions` (callgrind's mangled-name patterns).
    static func counts(collecting functions: [String], _ arguments: (String) -> [String]) throws
        -> (small: Double, large: Double)
    {
        let counts = try counts(collecting: functions, sizes: [small, 4 * small], arguments)
        return (counts[0], counts[1])
    }

    /// Instructions of `shore ARGUMENTS(plan)` on a generated plan of each of `sizes` engagements.
    static func counts(collecting functions: [String], sizes: [Int], _ arguments: (String) -> [String]) throws
        -> [Double]
    {
        let valgrind = try #require(which("valgrind"), "valgrind is needed to count instructions: apt-get install valgrind (.ci/run does)")
        let binary = try #require(shoreBinary(), "the shore binary is not built beside the tests")
        let folder = try temporaryFolder("scaling")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var result: [Double] = []
        for n in sizes {
            let plan = folder + "/plan-\(n).yaml"
            try PlanGenerator(engagements: n, seed: 7).text().write(toFile: plan, atomically: true, encoding: .utf8)
            let out = folder + "/callgrind-\(n).out"
            var options = ["--tool=callgrind", "--callgrind-out-file=" + out, "--dump-instr=no"]
            if !functions.isEmpty { options += ["--collect-atstart=no"] + functions.map { "--toggle-collect=" + $0 } }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: valgrind)
            process.arguments = options + [binary] + arguments(plan)
            // The same hash seed in every run, so dictionary work is the same for the same input.
            process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_DETERMINISTIC_HASHING": "1"]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0 || process.terminationStatus == 1, "shore \(arguments(plan)[0]) exited \(process.terminationStatus)")
            result.append(try instructions(inCallgrindOutput: out))
        }
        return result
    }

    /// The `summary:` (or `totals:`) event count of a callgrind output file.
    static func instructions(inCallgrindOutput path: String) throws -> Double {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("summary:") || line.hasPrefix("totals:") {
            if let value = line.split(separator: " ").last.flatMap({ Double($0) }) { return value }
        }
        Issue.record("no instruction total in \(path)")
        return 0
    }

    /// The `shore` executable built beside this test bundle (on macOS the bundle is a
    /// folder, `Foo.xctest/Contents/MacOS/Foo`, three levels further in).
    static func shoreBinary() -> String? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let path = folder.appendingPathComponent("shore").path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: path) {
                return path
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static func which(_ tool: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

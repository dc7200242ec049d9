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

    /// A plan written as one line of JSON, with names in other scripts: each position on
    /// the line was counted from its start (the 1 MB line of a 2,000-engagement plan took
    /// over three minutes to read), and each finding's snippet quoted the whole line.
    /// At half the usual size (the text output makes each run slow under callgrind): the
    /// quadratic reading gave 15.6 between 100 and 400 engagements, 10 or more at these.
    @Test func oneLinePlanWorkGrowsLinearly() throws {
        let n = Self.small / 2
        let counts = try Self.counts(collecting: [], sizes: [n, 4 * n], plan: Self.oneLinePlan) { plan in
            ["check", plan, "--rules", repoRoot + "/examples/rules", "--format", "text"]
        }
        #expect(counts[1] <= Self.allowed * counts[0], "one-line plan: \(counts[0]) instructions at \(n) engagements, \(counts[1]) at \(4 * n)")
    }

    /// `n` engagements in Brazil (not approved by the example rules: a finding each) on one
    /// line of JSON, with the line-length of a plan exported by another tool.
    static func oneLinePlan(_ n: Int) -> String {
        let engagements = (0..<n).map { i in
            "{\"id\": \"e-\(i)\", \"service\": \"support\", \"provider\": {\"name\": \"Serviços São \(i % 7)\", "
                + "\"kind\": \"agency\", \"country\": \"BR\"}, \"locations\": [{\"country\": \"BR\", \"city\": \"São Paulo\", "
                + "\"timezone\": \"America/Sao_Paulo\", \"hours\": \"09:00-17:00\", \"headcount\": \(5 + i % 20)}], "
                + "\"data\": [{\"name\": \"tickets\", \"classification\": \"internal\"}], \"controls\": [\"nda\"]}"
        }
        return "{\"plan\": \"one-line\", \"date\": \"2026-12-01\", \"company\": {\"name\": \"Acme\", \"country\": \"US\", "
            + "\"timezone\": \"America/New_York\", \"hours\": \"09:00-17:00\"}, \"engagements\": ["
            + engagements.joined(separator: ", ") + "]}"
    }

    /// A rule file written as one line of JSON: each expression's first character was
    /// found by building the whole line's text (6.2x between 50 and 200 rules; a 1.6 MB
    /// file took 24 s to load).
    @Test func oneLineRuleFileWorkGrowsLinearly() throws {
        let n = Self.small / 2
        let plan = repoRoot + "/examples/plans/support-expansion-2027.yaml"
        // The generated "plan" is the rule file here; the plan is the example's.
        let counts = try Self.counts(collecting: [], sizes: [n, 4 * n], plan: Self.oneLineRuleFile) { rules in
            ["check", plan, "--rules", rules, "--format", "json"]
        }
        #expect(counts[1] <= Self.allowed * counts[0], "one-line rule file: \(counts[0]) instructions at \(n) rules, \(counts[1]) at \(4 * n)")
    }

    /// `n` location rules on one line of JSON, their titles in other scripts.
    static func oneLineRuleFile(_ n: Int) -> String {
        let rules = (0..<n).map { i in
            "{\"id\": \"R-\(i)\", \"title\": \"Work stays in approved countries — São Paulo \(i)\", \"for\": \"location\", "
                + "\"assert\": \"location.country in ['US', 'CA', 'BR']\", \"message\": \"{{ location.city }} is not approved (\(i))\"}"
        }
        return "{\"policy\": \"one-line\", \"rules\": [" + rules.joined(separator: ", ") + "]}"
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
    static func counts(collecting functions: [String], plan: (Int) -> String = generatedPlan,
                       _ arguments: (String) -> [String]) throws -> (small: Double, large: Double)
    {
        let counts = try counts(collecting: functions, sizes: [small, 4 * small], plan: plan, arguments)
        return (counts[0], counts[1])
    }

    /// The generated plan of `n` engagements (`PlanGenerator`).
    static func generatedPlan(_ n: Int) -> String { PlanGenerator(engagements: n, seed: 7).text() }

    /// Instructions of `shore ARGUMENTS(plan)` on the plan of each of `sizes` engagements.
    static func counts(collecting functions: [String], sizes: [Int], plan text: (Int) -> String = generatedPlan,
                       _ arguments: (String) -> [String]) throws -> [Double]
    {
        let valgrind = try #require(which("valgrind"), "valgrind is needed to count instructions: apt-get install valgrind (.ci/run does)")
        let binary = try #require(shoreBinary(), "the shore binary is not built beside the tests")
        let folder = try temporaryFolder("scaling")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var result: [Double] = []
        for n in sizes {
            let plan = folder + "/plan-\(n).yaml"
            try text(n).write(toFile: plan, atomically: true, encoding: .utf8)
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

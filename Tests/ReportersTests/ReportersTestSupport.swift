import Foundation
@testable import Policy
@testable import Reference
@testable import Reporters
import TestScratch

/// The repository root, found from this file's path (three levels up).
let repositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A path inside the repository.
func repoPath(_ relative: String) -> String {
    URL(fileURLWithPath: repositoryRoot).appendingPathComponent(relative).path
}

/// Fixed options for stable output: no colours, a pinned version, paths relative to
/// `workingDirectory`.
func testOptions(workingDirectory: String = repositoryRoot) -> ReportOptions {
    ReportOptions(colored: false, toolVersion: "1.2.3", workingDirectory: workingDirectory)
}

/// "Today" for the checks: only the default for plans without `date:` (every plan in
/// these tests has one), fixed so nothing depends on the clock.
let fixedToday: CivilDate = CivilDate(year: 2026, month: 11, day: 29) ?? CivilDate.today()

/// The shared example checked against the example rules, as `shore check` would.
func exampleReport() -> CheckReport {
    CheckRunner.run(CheckRequest(
        plans: [repoPath("examples/plans/support-expansion-2027.yaml")],
        rules: RuleFiles.find(under: [repoPath("examples/rules")]).map(RuleSource.file),
        today: fixedToday))
}

/// A plan written to a fresh temporary directory and checked against the example
/// rules. Returns the report and the directory (for `testOptions(workingDirectory:)`).
func checkPlan(_ text: String, name: String = "plan.yaml") throws -> (report: CheckReport, directory: String) {
    let directory = TestScratch.url
        .appendingPathComponent("shore-reporters-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    let report = CheckRunner.run(CheckRequest(
        plans: [file.path],
        rules: RuleFiles.find(under: [repoPath("examples/rules")]).map(RuleSource.file),
        today: fixedToday))
    return (report, directory.path)
}

/// Runs `python3` with arguments; nil when python3 cannot be started.
func runPython(_ arguments: [String]) -> (status: Int32, output: String)? {
    let process = Process()
    guard let python = TestPython.path else { return nil }
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Whether the schema checks run: python3 has the `jsonschema` package, or this is CI,
/// where they must run (and fail when it is missing) rather than be skipped.
let runsSchemaChecks: Bool = TestPython.hasJSONSchema || TestPython.mustRun

/// Writes `text` to a new temporary file and returns its path.
func writeTemporary(_ text: String, suffix: String) throws -> String {
    let url = TestScratch.url.appendingPathComponent("shore-\(UUID().uuidString)\(suffix)")
    try Data(text.utf8).write(to: url)
    return url.path
}

/// The parsed JSON object of a rendered report.
func jsonObject(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let dictionary = object as? [String: Any] else { throw TestFailure("not a JSON object") }
    return dictionary
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A plan with one input error: the provider's `country: UK` (line 6, column 49).
let badCountryPlan = """
    plan: bad
    date: 2026-12-01
    company: { name: Acme, country: US, timezone: America/New_York, hours: "09:00-17:00" }
    engagements:
      - id: e1
        provider: { name: P, kind: agency, country: UK }
        locations:
          - { country: PH, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 10 }
    """

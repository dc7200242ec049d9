import Foundation
@testable import Policy
@testable import Reference
@testable import ShoreCLI
@testable import SourceText
import TestScratch

/// A scratch folder for one hostile-input test, removed when the value goes away.
final class Scratch {
    let path: String

    init() {
        path = TestScratch.directory + "shore-hostile-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` inside the folder and returns its full path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let full = (path as NSString).appendingPathComponent(name)
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        let made = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        precondition(made, "the test could not write its fixture \(full)")
        return full
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, bytes: Array(text.utf8)) }
}

/// What `shore check` returned, with the report the same request gives the library.
///
/// The exit code comes from the command line run in-process; the located errors and
/// findings from `CheckRunner` (the data every output format is rendered from), so the
/// assertions do not depend on one reporter's layout.
struct CheckOutcome {
    let exitCode: Int32
    let report: CheckReport
    let output: String

    /// `code@file:line:column` of each error, the file as its last path component.
    var errors: [String] {
        report.diagnostics.filter { $0.severity == .error }.map { d in
            guard let span = d.location else { return "\(d.code)@-" }
            return "\(d.code)@\((span.path as NSString).lastPathComponent):\(span.start.line):\(span.start.column)"
        }
    }

    var findings: [Finding] { report.findings }
}

/// Runs `shore check --rules RULES ARGS… PLANS…` in-process in `scratch`, and the same
/// check through `CheckRunner` (with `evaluation`) for the report.
func runCheck(_ plans: [String], rules: String = "rules", arguments: [String] = [],
              evaluation: EvaluationOptions = EvaluationOptions(), in scratch: Scratch) -> CheckOutcome {
    let io = CommandIO.capturing(workingDirectory: scratch.path)
    let code = ShoreMain.run(["check", "--rules", rules] + arguments + plans, io: io)
    let full = { (name: String) in (scratch.path as NSString).appendingPathComponent(name) }
    let report = CheckRunner.run(CheckRequest(
        plans: plans.map(full), rules: RuleFiles.find(under: [full(rules)]).map(RuleSource.file),
        evaluation: evaluation))
    return CheckOutcome(exitCode: code, report: report, output: io.standardOutput + io.standardError)
}

/// One rule file with a single rule; `body` is spliced in after `id:`.
func ruleFile(_ body: String, id: String = "R-1") -> String {
    """
    policy: hostile
    rules:
      - id: \(id)
    \(body)
    """
}

// `loadRules(_:)` (rule text as `rules.yaml`) comes from RuleLoaderTests.swift.

/// Loads plan bytes (not necessarily UTF-8) as `plan.yaml`.
func loadPlanBytes(_ bytes: [UInt8], loader: PlanLoader = PlanLoader(today: CivilDate(year: 2026, month: 12, day: 1)!)) -> PlanLoadResult {
    loader.interpret(loader.yaml.load(bytes: bytes, path: "plan.yaml"))
}

/// A plan with `count` copies of a minimal engagement.
func planWith(engagements count: Int, extra: String = "") -> String {
    var text = """
    plan: p
    date: 2026-12-01
    company: { name: Acme, country: US, timezone: America/New_York }
    engagements:

    """
    for i in 0..<count {
        text += """
          - id: e\(i)
            provider: { name: P, kind: agency, country: PH }
            locations: [{ country: PH, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 10 }]
        \(extra)

        """
    }
    return text
}

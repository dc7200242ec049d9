import Foundation
@testable import Policy
@testable import Reference
@testable import Reporters
import TestScratch

/// Helpers for the review tests.
enum ReviewFixtures {
    /// The repository root: three levels up from this file (Tests/ReportersTests/…).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Runs the example rules on a plan and builds its review, with paths shown relative
    /// to `base` (the repository root by default, so goldens match on every machine).
    static func review(plan: String, rules: String = path("examples/rules"), base: String? = root.path)
        -> (report: CheckReport, review: ReviewReport?) {
        let report = CheckRunner.run(CheckRequest(
            plans: [plan], rules: RuleFiles.find(under: [rules]).map(RuleSource.file),
            today: CivilDate(year: 2026, month: 11, day: 29) ?? CivilDate.today()))
        guard let planReport = report.plans.first else { return (report, nil) }
        return (report, ReviewReport.build(report, plan: planReport, baseDirectory: base))
    }

    static func example() -> (report: CheckReport, review: ReviewReport?) {
        review(plan: path("examples/plans/support-expansion-2027.yaml"))
    }

    /// Writes `text` as `plan.yaml` in a fresh folder and reviews it there (paths shown
    /// relative to that folder).
    static func review(planText text: String, rules: String = path("examples/rules"))
        throws -> (report: CheckReport, review: ReviewReport?) {
        let dir = try temporaryDirectory()
        let plan = dir.appendingPathComponent("plan.yaml")
        try Data(text.utf8).write(to: plan)
        return review(plan: plan.path, rules: rules, base: dir.path)
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = TestScratch.url.appendingPathComponent("shore-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A plan whose strings try to break every format: a provider named like a script
    /// tag, an engagement id with a table pipe, a city that closes an attribute, a title
    /// with a newline, backticks and Markdown link syntax, a waiver reason with HTML.
    static let hostilePlan = #"""
    plan: hostile
    title: "Evil `title`\n# heading [link](http://x) <b>bold</b> & more"
    date: 2026-12-01
    company: { name: "Acme <i>Corp</i>", country: US, timezone: America/New_York }
    engagements:
      - id: "a|b"
        service: "svc | with pipe"
        provider: { name: "<script>alert(1)</script>", kind: agency, country: PH }
        locations:
          - { country: PH, city: "x\"onload=\"y", timezone: Asia/Manila, hours: "21:00-06:00", headcount: 10 }
        data:
          - { name: "<img src=x onerror=alert(2)>", classification: restricted }
        controls: ["<svg onload=alert(3)>"]
        cost: { annual: 100000, currency: USD }
      - id: "c`d"
        provider: { name: "Pipe | Co\nNext", kind: contractor, country: KE }
        locations:
          - { country: KE, city: "Nai|robi", timezone: Africa/Nairobi, hours: "08:00-17:00", headcount: 30 }
    waivers:
      - rule: QC-001
        engagement: "a|b"
        reason: "</td><script>alert(4)</script>"
        approved_by: "CISO | \"the boss\""
        ticket: "T<1>"
        expires: 2027-01-15
    """#
}

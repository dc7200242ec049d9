import Foundation
@testable import Policy
@testable import Reporters
import Testing

@Suite("GitHub and Markdown reporters")
struct GitHubAndMarkdownTests {
    @Test func githubAnnotatesFailingFindingsOnly() {
        let report = exampleReport()
        let lines = ReportRenderer.render(report, as: .github, options: testOptions()).split(separator: "\n")
        #expect(lines.count == 9)
        #expect(lines.contains("::error file=examples/plans/support-expansion-2027.yaml,line=18,col=20,title=DATA-001::restricted data would be processed in Philippines"))
        #expect(lines.contains("::warning file=examples/plans/support-expansion-2027.yaml,line=78,col=9,title=TZ-001::Nairobi overlaps the company's business day by 0.0 h"))
        #expect(lines.contains { $0.contains("Mexico would hold 42%25 of all headcount") })
        #expect(!lines.contains { $0.contains("Bengaluru") }, "the waived finding is not annotated")
    }

    @Test func githubReportsInputErrors() throws {
        let (report, directory) = try checkPlan(badCountryPlan)
        let output = ReportRenderer.render(report, as: .github, options: testOptions(workingDirectory: directory))
        #expect(output.hasPrefix("::error file=plan.yaml,line=6,col=49,title=plan.unknown-country::'UK' is not"))
        #expect(output.contains("%0Ahelp: write 'GB'"))
    }

    @Test func markdownHasASummaryATableAndTheWaivedInDetails() {
        let markdown = ReportRenderer.render(exampleReport(), as: .markdown, options: testOptions())
        #expect(markdown.contains("**9 failing (7 errors, 2 warnings), 1 waived in 1 plan, 10 rules**"))
        #expect(markdown.contains("| error | DATA-001 | restricted data would be processed in Philippines | examples/plans/support-expansion-2027.yaml:18 | tier1-support | PH |  |"))
        let details = markdown.components(separatedBy: "<details>")
        #expect(details.count == 2)
        #expect(details.last?.contains("| warning | TZ-001 | Bengaluru overlaps") == true)
        #expect(details.first?.contains("Bengaluru") == false)
    }
}

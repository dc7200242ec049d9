import Foundation
@testable import Policy
@testable import Reporters
import Testing

@Suite("Text reporter")
struct TextReporterTests {
    @Test func findingIsCompilerStyleWithSnippetHelpAndValues() {
        let text = ReportRenderer.render(exampleReport(), as: .text, options: testOptions())
        #expect(text.contains("""
            error[DATA-001]: restricted data would be processed in Philippines
              --> examples/plans/support-expansion-2027.yaml:18:20
               |
            18 |       - { country: PH, city: Manila, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 40 }
               |                    ^^
               = help: Keep restricted data onshore, or tokenize it before it leaves.
               = because: location.country == company.country ↦ "PH" == "US"

            """))
        #expect(text.contains("   = waived by VP Engineering until 2027-03-31 (ENG-2211): Asynchronous hand-off agreed"))
        #expect(text.hasSuffix("\n9 failing (7 errors, 2 warnings), 1 waived in 1 plan, 10 rules\n"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func coloursOnlyWhenAsked() {
        var options = testOptions()
        options.colored = true
        let text = ReportRenderer.render(exampleReport(), as: .text, options: options)
        #expect(text.contains("\u{1B}[1;31merror[DATA-001]\u{1B}[0m"))
    }

    @Test func inputDiagnosticsComeFirstRenderedWithTheirSnippet() throws {
        let (report, directory) = try checkPlan(badCountryPlan)
        let text = ReportRenderer.render(report, as: .text, options: testOptions(workingDirectory: directory))
        #expect(text.hasPrefix("plan.yaml:6:49: error[plan.unknown-country]: 'UK' is not an ISO 3166-1 alpha-2 code"))
        #expect(text.contains("""
            6 |     provider: { name: P, kind: agency, country: UK }
              |                                                 ^^
            """))
        #expect(text.contains("= help: write 'GB'"))
        #expect(text.hasSuffix("0 failing, 0 waived in 0 plans, 10 rules; 1 input error\n"))
    }
}

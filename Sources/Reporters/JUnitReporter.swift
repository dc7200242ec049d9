import Policy
import SourceText

/// `--format junit`: JUnit XML for CI test dashboards.
///
/// One `<testsuite>` per plan (name = plan id): one `<testcase>` per finding
/// (classname = rule id, name = the message), holding `<failure message=… type=severity>`
/// with the compiler-style details when failing, or `<skipped message=…>` when waived;
/// then one passing `<testcase>` per enabled rule that found nothing in that plan.
/// Input diagnostics form a last suite, `shore: input`, one `<error>` test case each.
/// No timestamps or durations, so the same report gives the same bytes.
enum JUnitReporter {
    static func render(_ report: CheckReport, options: ReportOptions) -> String {
        var suites: [Suite] = report.plans.map { suite(for: $0, rules: report.rules, options: options) }
        if !report.diagnostics.isEmpty { suites.append(inputSuite(report.diagnostics, options: options)) }
        let totals = suites.reduce(into: (tests: 0, failures: 0, errors: 0, skipped: 0)) { sum, suite in
            sum.tests += suite.cases.count
            sum.failures += suite.failures
            sum.errors += suite.errors
            sum.skipped += suite.skipped
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"shore\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" "
            + "errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n"
        for suite in suites {
            out += "  <testsuite name=\"\(XMLEscaping.attribute(suite.name))\" tests=\"\(suite.cases.count)\" "
                + "failures=\"\(suite.failures)\" errors=\"\(suite.errors)\" skipped=\"\(suite.skipped)\""
            if let file = suite.file { out += " file=\"\(XMLEscaping.attribute(file))\"" }
            out += ">\n"
            out += "    <properties>\n"
            out += "      <property name=\"shore.version\" value=\"\(XMLEscaping.attribute(options.toolVersion))\"/>\n"
            out += "    </properties>\n"
            for testCase in suite.cases { out += testCase.xml }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    struct Case {
        enum Outcome { case passed, failed, skipped, error }
        let outcome: Outcome
        let xml: String
    }

    struct Suite {
        let name: String
        let file: String?
        let cases: [Case]
        var failures: Int { cases.filter { $0.outcome == .failed }.count }
        var errors: Int { cases.filter { $0.outcome == .error }.count }
        var skipped: Int { cases.filter { $0.outcome == .skipped }.count }
    }

    static func suite(for plan: PlanReport, rules: RuleSet?, options: ReportOptions) -> Suite {
        var cases = plan.findings.map { testCase(for: $0, options: options) }
        let found = Set(plan.findings.map(\.rule))
        for rule in rules?.enabledRules ?? [] where !found.contains(rule.id) {
            cases.append(Case(outcome: .passed, xml: "    <testcase classname=\"\(XMLEscaping.attribute(rule.id))\" "
                + "name=\"\(XMLEscaping.attribute(rule.title ?? rule.id))\"/>\n"))
        }
        return Suite(name: plan.plan.id, file: options.displayPath(plan.plan.source.path), cases: cases)
    }

    static func testCase(for finding: Finding, options: ReportOptions) -> Case {
        var open = "    <testcase classname=\"\(XMLEscaping.attribute(finding.rule))\" name=\"\(XMLEscaping.attribute(finding.message))\""
        if let location = finding.location {
            open += " file=\"\(XMLEscaping.attribute(options.displayPath(location.path)))\" line=\"\(location.start.line)\""
        }
        open += ">\n"
        let plain = ReportOptions(colored: false, toolVersion: options.toolVersion, workingDirectory: options.workingDirectory)
        let details = TextReporter.header(finding, ansi: ANSI(enabled: false)) + "\n" + TextReporter.body(finding, options: plain)
        if finding.isFailing {
            return Case(outcome: .failed, xml: open
                + "      <failure message=\"\(XMLEscaping.attribute(finding.message))\" type=\"\(finding.severity.rawValue)\">"
                + XMLEscaping.text(details) + "</failure>\n    </testcase>\n")
        }
        let reason = finding.waiver.map { "waived by \($0.approvedBy) until \($0.expires): \($0.reason)" } ?? "waived"
        return Case(outcome: .skipped, xml: open
            + "      <skipped message=\"\(XMLEscaping.attribute(reason))\"/>\n    </testcase>\n")
    }

    static func inputSuite(_ diagnostics: [Diagnostic], options: ReportOptions) -> Suite {
        let renderer = DiagnosticRenderer(colored: false)
        let cases = diagnostics.map { diagnostic in
            let place = diagnostic.location.map { " file=\"\(XMLEscaping.attribute(options.displayPath($0.path)))\" line=\"\($0.start.line)\"" } ?? ""
            let open = "    <testcase classname=\"\(XMLEscaping.attribute(diagnostic.code))\" "
                + "name=\"\(XMLEscaping.attribute(diagnostic.message))\"\(place)>\n"
            guard diagnostic.severity == .error else {
                return Case(outcome: .passed, xml: open + "      <system-out>"
                    + XMLEscaping.text(renderer.render(options.displayed(diagnostic))) + "</system-out>\n    </testcase>\n")
            }
            return Case(outcome: .error, xml: open
                + "      <error message=\"\(XMLEscaping.attribute(diagnostic.message))\" type=\"\(XMLEscaping.attribute(diagnostic.code))\">"
                + XMLEscaping.text(renderer.render(options.displayed(diagnostic))) + "</error>\n    </testcase>\n")
        }
        return Suite(name: "shore: input", file: nil, cases: cases)
    }
}

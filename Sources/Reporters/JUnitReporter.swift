import Policy
import SourceText

/// `--format junit`: JUnit XML for CI test dashboards.
///
/// One `<testsuite>` per plan (name = plan id): one `<testcase>` per finding
/// (classname = rule id, name = the message), holding `<failure message=… type=severity>`
/// with the compiler-style details when failing, or `<skipped message=…>` when waived;
/// then one passing `<testcase>` per enabled rule that found nothing in that plan.
/// Input diagnostics form a last suite, `shore: input`, one `<error>` test case each.
/// No timestamps or durations, so the same report gives the same bytes. The counts in
/// the opening tags are taken first, then the test cases are written one at a time.
enum JUnitReporter {
    static func write(_ report: CheckReport, options: ReportOptions, to sink: TextSink) {
        let suites = report.plans.map { PlanSuite(plan: $0, rules: report.rules) }
        let inputErrors = report.diagnostics.filter { $0.severity == .error }.count
        var totals = Counts()
        for suite in suites { totals.add(suite.counts) }
        if !report.diagnostics.isEmpty { totals.add(Counts(tests: report.diagnostics.count, errors: inputErrors)) }
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        sink.write("<testsuites name=\"shore\" \(totals.attributes)>\n")
        for suite in suites {
            sink.write("  <testsuite name=\"\(XMLEscaping.attribute(suite.plan.plan.id))\" \(suite.counts.attributes)"
                + " file=\"\(XMLEscaping.attribute(options.displayPath(suite.plan.plan.source.path)))\">\n")
            sink.write("    <properties>\n")
            sink.write("      <property name=\"shore.version\" value=\"\(XMLEscaping.attribute(options.toolVersion))\"/>\n")
            sink.write("    </properties>\n")
            for finding in suite.plan.findings { sink.write(testCase(for: finding, options: options)) }
            for rule in suite.passingRules {
                sink.write("    <testcase classname=\"\(XMLEscaping.attribute(rule.id))\" "
                    + "name=\"\(XMLEscaping.attribute(rule.title ?? rule.id))\"/>\n")
            }
            sink.write("  </testsuite>\n")
        }
        if !report.diagnostics.isEmpty {
            sink.write("  <testsuite name=\"shore: input\" "
                + Counts(tests: report.diagnostics.count, errors: inputErrors).attributes + ">\n")
            sink.write("    <properties>\n")
            sink.write("      <property name=\"shore.version\" value=\"\(XMLEscaping.attribute(options.toolVersion))\"/>\n")
            sink.write("    </properties>\n")
            for diagnostic in report.diagnostics { sink.write(testCase(for: diagnostic, options: options)) }
            sink.write("  </testsuite>\n")
        }
        sink.write("</testsuites>\n")
    }

    /// The test counts of a suite, as the opening tag states them.
    struct Counts {
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0

        mutating func add(_ other: Counts) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
            skipped += other.skipped
        }

        var attributes: String {
            "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        }
    }

    /// One plan's suite: its findings, then the enabled rules that found nothing.
    struct PlanSuite {
        let plan: PlanReport
        let passingRules: [Rule]
        let counts: Counts

        init(plan: PlanReport, rules: RuleSet?) {
            self.plan = plan
            let found = Set(plan.findings.map(\.rule))
            passingRules = (rules?.enabledRules ?? []).filter { !found.contains($0.id) }
            var counts = Counts(tests: plan.findings.count + passingRules.count)
            for finding in plan.findings {
                if finding.isFailing { counts.failures += 1 } else { counts.skipped += 1 }
            }
            self.counts = counts
        }
    }

    static func testCase(for finding: Finding, options: ReportOptions) -> String {
        var open = "    <testcase classname=\"\(XMLEscaping.attribute(finding.rule))\" name=\"\(XMLEscaping.attribute(finding.message))\""
        if let location = finding.location {
            open += " file=\"\(XMLEscaping.attribute(options.displayPath(location.path)))\" line=\"\(location.start.line)\""
        }
        open += ">\n"
        let plain = ReportOptions(colored: false, toolVersion: options.toolVersion, workingDirectory: options.workingDirectory)
        let details = TextReporter.header(finding, ansi: ANSI(enabled: false)) + "\n" + TextReporter.body(finding, options: plain)
        if finding.isFailing {
            return open
                + "      <failure message=\"\(XMLEscaping.attribute(finding.message))\" type=\"\(finding.severity.rawValue)\">"
                + XMLEscaping.text(details) + "</failure>\n    </testcase>\n"
        }
        let reason = finding.waiver.map { "waived by \($0.approvedBy) until \($0.expires): \($0.reason)" } ?? "waived"
        return open + "      <skipped message=\"\(XMLEscaping.attribute(reason))\"/>\n    </testcase>\n"
    }

    static func testCase(for diagnostic: Diagnostic, options: ReportOptions) -> String {
        let rendered = XMLEscaping.text(DiagnosticRenderer(colored: false).render(options.displayed(diagnostic)))
        let place = diagnostic.location.map { " file=\"\(XMLEscaping.attribute(options.displayPath($0.path)))\" line=\"\($0.start.line)\"" } ?? ""
        let open = "    <testcase classname=\"\(XMLEscaping.attribute(diagnostic.code))\" "
            + "name=\"\(XMLEscaping.attribute(diagnostic.message))\"\(place)>\n"
        guard diagnostic.severity == .error else {
            return open + "      <system-out>" + rendered + "</system-out>\n    </testcase>\n"
        }
        return open
            + "      <error message=\"\(XMLEscaping.attribute(diagnostic.message))\" type=\"\(XMLEscaping.attribute(diagnostic.code))\">"
            + rendered + "</error>\n    </testcase>\n"
    }
}

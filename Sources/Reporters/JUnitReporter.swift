import Policy
import SourceText

/// `--format junit`: JUnit XML for CI test dashboards.
///
/// One `<testsuite>` per plan (name = plan id): one `<testcase>` per finding
/// (classname = rule id, name = the message), holding `<failure message=… type=severity>`
/// with the compiler-style details when it fails the gate (`--fail-on`); a finding below
/// the gate is `<skipped message="below --fail-on …">` with the details in
/// `<system-out>`, a waived one `<skipped message=…>`; then one passing `<testcase>` per
/// enabled rule that found nothing in that plan. Each suite's `<properties>` name the
/// Shore version, the `shore.yaml` overrides in force (`shore.override.RULE`) and the
/// baseline counts (`shore.baseline.new|known|fixed`). Input diagnostics form a last
/// suite, `shore: input`, one `<error>` test case each. No timestamps or durations, so
/// the same report gives the same bytes. The counts in the opening tags are taken
/// first, then the test cases are written one at a time. Values from plans and rules
/// show control and bidi characters as visible escapes (`VisibleText`), since CI
/// dashboards print them.
struct JUnitReporter: Reporter {
    let options: ReportOptions

    func write(_ report: CheckReport, to sink: TextSink) {
        Self.write(report, options: options, to: sink)
    }

    static func write(_ report: CheckReport, options: ReportOptions, to sink: TextSink) {
        let suites = report.plans.map { PlanSuite(plan: $0, rules: report.rules, failOn: report.failOn) }
        let inputErrors = report.diagnostics.filter { $0.severity == .error }.count
        var totals = Counts()
        for suite in suites { totals.add(suite.counts) }
        if !report.diagnostics.isEmpty { totals.add(Counts(tests: report.diagnostics.count, errors: inputErrors)) }
        let buffer = UTF8Text(capacity: 1 << 14)
        sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        sink.write("<testsuites name=\"shore\" \(totals.attributes)>\n")
        for suite in suites {
            sink.write("  <testsuite name=\"\(attribute(suite.plan.plan.id))\" \(suite.counts.attributes)"
                + " file=\"\(attribute(options.displayPath(suite.plan.plan.source.path)))\">\n")
            writeProperties(report, options: options, to: sink)
            let findings = suite.plan.findings
            let failOn = report.failOn
            ParallelRendering.write(count: findings.count, to: sink, buffer: buffer) { range, out in
                for i in range { out.append(testCase(for: findings[i], failOn: failOn, options: options)) }
            }
            for rule in suite.passingRules {
                sink.write("    <testcase classname=\"\(attribute(rule.id))\" "
                    + "name=\"\(attribute(rule.title ?? rule.id))\"/>\n")
            }
            sink.write("  </testsuite>\n")
        }
        if !report.diagnostics.isEmpty {
            sink.write("  <testsuite name=\"shore: input\" "
                + Counts(tests: report.diagnostics.count, errors: inputErrors).attributes + ">\n")
            writeProperties(report, options: options, to: sink)
            for diagnostic in report.diagnostics { sink.write(testCase(for: diagnostic, options: options)) }
            sink.write("  </testsuite>\n")
        }
        sink.write("</testsuites>\n")
    }

    /// `<properties>`: the version, the policy changes, the baseline counts.
    static func writeProperties(_ report: CheckReport, options: ReportOptions, to sink: TextSink) {
        var properties = [("shore.version", options.toolVersion)]
        properties += report.policyChanges.map { ("shore.override." + $0.rule, $0.change) }
        if let baseline = report.baseline {
            properties += [("shore.baseline.new", String(baseline.new)), ("shore.baseline.known", String(baseline.known)),
                           ("shore.baseline.fixed", String(baseline.fixed.count))]
        }
        sink.write("    <properties>\n")
        for (name, value) in properties {
            sink.write("      <property name=\"\(attribute(name))\" value=\"\(attribute(value))\"/>\n")
        }
        sink.write("    </properties>\n")
    }

    /// Whether a finding fails the gate: failing (not waived) and at or above `failOn`.
    static func failsGate(_ finding: Finding, failOn: Severity?) -> Bool {
        guard finding.isFailing, let failOn else { return false }
        return finding.severity >= failOn
    }

    /// An attribute value from a plan or rule: control and bidi characters made
    /// visible, then XML-escaped.
    static func attribute(_ value: String) -> String {
        XMLEscaping.attribute(VisibleText.escaped(value))
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

        init(plan: PlanReport, rules: RuleSet?, failOn: Severity?) {
            self.plan = plan
            var found = Set<String>()
            for finding in plan.findings { found.insert(finding.rule) }
            passingRules = (rules?.enabledRules ?? []).filter { !found.contains($0.id) }
            var counts = Counts(tests: plan.findings.count + passingRules.count)
            for finding in plan.findings {
                if failsGate(finding, failOn: failOn) { counts.failures += 1 } else { counts.skipped += 1 }
            }
            self.counts = counts
        }
    }

    static func testCase(for finding: Finding, failOn: Severity?, options: ReportOptions) -> String {
        var open = "    <testcase classname=\"\(attribute(finding.rule))\" name=\"\(attribute(finding.message))\""
        if let location = finding.location {
            open += " file=\"\(attribute(options.displayPath(location.path)))\" line=\"\(location.start.line)\""
        }
        open += ">\n"
        let plain = ReportOptions(colored: false, toolVersion: options.toolVersion, workingDirectory: options.workingDirectory)
        let details = XMLEscaping.text(TextReporter.header(finding, ansi: ANSI(enabled: false)) + "\n"
            + TextReporter.body(finding, options: plain))
        if failsGate(finding, failOn: failOn) {
            return open
                + "      <failure message=\"\(attribute(finding.message))\" type=\"\(finding.severity.rawValue)\">"
                + details + "</failure>\n    </testcase>\n"
        }
        if finding.isFailing {
            let gate = failOn.map { "below --fail-on \($0.rawValue)" } ?? "--fail-on none"
            return open + "      <skipped message=\"\(attribute("\(finding.severity.rawValue), \(gate): \(finding.message)"))\"/>\n"
                + "      <system-out>" + details + "</system-out>\n    </testcase>\n"
        }
        let reason = finding.waiver.map { "waived by \($0.approvedBy) until \($0.expires): \($0.reason)" } ?? "waived"
        return open + "      <skipped message=\"\(attribute(reason))\"/>\n    </testcase>\n"
    }

    static func testCase(for diagnostic: Diagnostic, options: ReportOptions) -> String {
        let rendered = XMLEscaping.text(DiagnosticRenderer(colored: false).render(options.displayed(diagnostic)))
        let place = diagnostic.location.map { " file=\"\(attribute(options.displayPath($0.path)))\" line=\"\($0.start.line)\"" } ?? ""
        let open = "    <testcase classname=\"\(attribute(diagnostic.code.rawValue))\" "
            + "name=\"\(attribute(diagnostic.message))\"\(place)>\n"
        guard diagnostic.severity == .error else {
            return open + "      <system-out>" + rendered + "</system-out>\n    </testcase>\n"
        }
        return open
            + "      <error message=\"\(attribute(diagnostic.message))\" type=\"\(attribute(diagnostic.code.rawValue))\">"
            + rendered + "</error>\n    </testcase>\n"
    }
}

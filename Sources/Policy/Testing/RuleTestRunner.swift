import Foundation
import Reference
import SourceText
import YAML

/// What to test: the rule files, the `*.test.yaml` files, and the date used for plans
/// that give none.
public struct RuleTestRequest: Sendable {
    public var rules: [RuleSource]
    var tests: [String]
    var today: CivilDate
    public var yamlLimits: YAMLLimits
    /// Text to read instead of files on disk, by path (see `YAMLLoader.overlay`).
    public var overlay: [String: [UInt8]] = [:]

    public init(rules: [RuleSource], tests: [String], today: CivilDate = CivilDate.today(),
                yamlLimits: YAMLLimits = .default) {
        self.rules = rules
        self.tests = tests
        self.today = today
        self.yamlLimits = yamlLimits
    }
}

/// One finding a test expects (docs/rules-reference.md, `expected finding`). A key the expectation does not give matches
/// any value, except `kind`, which is `violation` unless given: `{ rule: X }` means
/// "one violation of X", whatever its subject, status or severity.
public struct ExpectedFinding: Sendable, Hashable, CustomStringConvertible {
    public var rule: String
    public var engagement: String?
    public var country: String?
    public var provider: String?
    public var kind: FindingKind
    var status: FindingStatus?
    public var severity: Severity?
    /// Where the expectation is written.
    public var location: SourceSpan?

    public init(rule: String, engagement: String? = nil, country: String? = nil, provider: String? = nil,
                kind: FindingKind = .violation, status: FindingStatus? = nil, severity: Severity? = nil,
                location: SourceSpan? = nil) {
        self.rule = rule
        self.engagement = engagement
        self.country = country
        self.provider = provider
        self.kind = kind
        self.status = status
        self.severity = severity
        self.location = location
    }

    /// Whether `finding` is one this expectation describes.
    func matches(_ finding: Finding) -> Bool {
        finding.rule == rule && finding.kind == kind
            && (engagement == nil || finding.engagement == engagement)
            && (country == nil || finding.country == country)
            && (provider == nil || finding.provider == provider)
            && (status == nil || finding.status == status)
            && (severity == nil || finding.severity == severity)
    }

    /// `RULE engagement=… country=… kind=…` with the keys it gives.
    public var description: String {
        RuleTestFormat.line(rule: rule, engagement: engagement, country: country, provider: provider,
                            kind: kind.rawValue, status: status?.rawValue, severity: severity?.rawValue)
    }
}

/// The outcome of one test.
public struct RuleTestResult: Sendable {
    public let name: String
    /// The test file.
    public let file: String
    /// Where the test is written (its `name`).
    public let location: SourceSpan?
    public let expected: [ExpectedFinding]
    /// Every finding the rules produced (narrowed to the test's `rules:`).
    public let actual: [Finding]
    /// Expected findings with no actual finding to match.
    let missing: [ExpectedFinding]
    /// Actual findings that no expectation matches.
    let unexpected: [Finding]
    /// Why the test could not run (its plan or the test itself is invalid, or the rules
    /// did not load; the diagnostics are in the report); nil when it ran. A test that
    /// could not run counts as failed.
    public let notRun: String?

    public var passed: Bool { notRun == nil && missing.isEmpty && unexpected.isEmpty }

    /// Why the test failed, as indented lines (expected vs actual, then the difference);
    /// empty when it passed.
    public var failureDetails: [String] {
        guard !passed else { return [] }
        var lines: [String] = []
        if let location { lines.append("  at \(location.path):\(location.start.line):\(location.start.column)") }
        if let notRun {
            lines.append("  not run: \(notRun) (see the errors reported)")
            return lines
        }
        lines.append("  expected (\(expected.count)):")
        lines += expected.isEmpty ? ["    (no findings)"] : expected.map { "    \($0)" }
        lines.append("  actual (\(actual.count)):")
        lines += actual.isEmpty ? ["    (no findings)"] : actual.map { "    \(RuleTestFormat.line($0))" }
        if !missing.isEmpty {
            lines.append("  missing (expected, not reported):")
            lines += missing.map { "    \($0)" }
        }
        if !unexpected.isEmpty {
            lines.append("  unexpected (reported, not expected):")
            lines += unexpected.map { "    \(RuleTestFormat.line($0))  # \($0.message)" }
        }
        return lines
    }
}

/// Everything a `shore test` run found.
public struct RuleTestReport: Sendable {
    public let results: [RuleTestResult]
    /// Problems with the rules, the test files or the plans; any error means exit 2.
    public let diagnostics: [Diagnostic]
    public let rules: RuleSet?

    public init(results: [RuleTestResult], diagnostics: [Diagnostic], rules: RuleSet?) {
        self.results = results
        self.diagnostics = diagnostics
        self.rules = rules
    }

    public var passed: Int { results.filter(\.passed).count }
    public var failed: Int { results.count - passed }
    public var hasInputErrors: Bool { diagnostics.containsErrors }

    /// 2 for invalid input; 1 when a test failed; else 0.
    public var exitCode: Int32 {
        if hasInputErrors { return 2 }
        return failed > 0 ? 1 : 0
    }
}

/// Runs rule tests (format: docs/rules-reference.md): for each test, load its plan (a path relative to the
/// test file, or an inline mapping), check it with the rules (only those in `rules:`
/// when given; the plan's waivers apply), and compare the findings with the
/// expectations as multisets. A rule named in `rules:` runs even when it is
/// `enabled: false`; findings of other rules (including waiver findings) are ignored.
public enum RuleTestRunner {
    public static func run(_ request: RuleTestRequest) -> RuleTestReport {
        // Tests check the rules as written: no shore.yaml overrides, no waiver files.
        var inputRequest = InputRequest(rules: request.rules, today: request.today)
        inputRequest.yaml = YAMLLoader(limits: request.yamlLimits)
        inputRequest.yaml.overlay = request.overlay
        let inputs = InputLoader.load(inputRequest)
        let yaml = inputRequest.yaml
        var diagnostics = inputs.diagnostics
        if request.tests.isEmpty {
            diagnostics.append(Diagnostic(.testNone, "no rule tests found", at: nil,
                                          help: "rule tests are files named *.test.yaml beside the rules"))
        }
        guard let rules = inputs.rules else {
            // Every test counts as failed: none can run without the rules.
            let results = request.tests.flatMap { file in
                testNodes(file, yaml: yaml, into: &diagnostics).map { node in
                    notRun(node, file: file, because: "the rules did not load")
                }
            }
            return RuleTestReport(results: results, diagnostics: diagnostics, rules: nil)
        }
        var context = Context(rules: rules, planLoader: inputs.planLoader)
        var results: [RuleTestResult] = []
        for file in request.tests {
            results += runFile(file, yaml: yaml, context: &context, into: &diagnostics)
        }
        return RuleTestReport(results: results, diagnostics: diagnostics, rules: rules)
    }

    struct Context {
        let rules: RuleSet
        let planLoader: PlanLoader
        /// Plan files already loaded (a fixture is often shared by many tests).
        var plans: [String: Plan?] = [:]
        /// Plans already warned about for having no `date:`.
        var undated: Set<SourceSpan> = []
    }

    static func runFile(_ file: String, yaml: YAMLLoader, context: inout Context,
                        into diagnostics: inout [Diagnostic]) -> [RuleTestResult] {
        testNodes(file, yaml: yaml, into: &diagnostics).map { node in
            runTest(node, file: file, context: &context, into: &diagnostics)
        }
    }

    /// The entries under a test file's `tests:`.
    static func testNodes(_ file: String, yaml: YAMLLoader, into diagnostics: inout [Diagnostic]) -> [YAMLNode] {
        let loaded = yaml.load(path: file)
        diagnostics += loaded.diagnostics
        guard let root = loaded.document?.root,
              let fields = FieldReader.open(root, as: RuleSchema.testFile, codes: .test, into: &diagnostics) else {
            return []
        }
        return fields.list("tests", into: &diagnostics)
    }

    /// A test that could not run, named by its `name` or, without one, by its line.
    static func notRun(_ node: YAMLNode, file: String, because reason: String) -> RuleTestResult {
        let name = node["name"]?.scalar ?? "the test at line \(node.start.line)"
        return RuleTestResult(name: name, file: file, location: node["name"]?.span ?? node.span, expected: [],
                              actual: [], missing: [], unexpected: [], notRun: reason)
    }

    static func runTest(_ node: YAMLNode, file: String, context: inout Context,
                        into diagnostics: inout [Diagnostic]) -> RuleTestResult {
        var problems: [Diagnostic] = []
        guard let fields = FieldReader.open(node, as: RuleSchema.test, codes: .test, into: &problems) else {
            diagnostics += problems
            return notRun(node, file: file, because: "the test is invalid")
        }
        let name = fields.string("name", into: &problems)
        let ruleIDs: [String]? = fields.value("rules").map { _ in fields.strings("rules", into: &problems) }
        let expected = fields.list("expect", into: &problems).compactMap { expectation($0, into: &problems) }
        if let idNodes = fields.value("rules")?.items {
            let known = context.rules.rules.map(\.id)
            for idNode in idNodes {
                guard let id = idNode.scalar, !known.contains(id) else { continue }
                problems.append(Diagnostic(
                    .testUnknownRule, "the test names the rule '\(id)', which is not loaded", at: idNode.span,
                    help: Suggestions.didYouMean(id, among: known) ?? "check the rule id"))
            }
        }
        // `rules: []` runs no rule, so the test would check nothing and always pass.
        if let rulesNode = fields.value("rules"), rulesNode.kind == .sequence, rulesNode.items.isEmpty {
            problems.append(Diagnostic(
                .testNoRules, "the test selects no rule (`rules: []`), so it checks nothing", at: rulesNode.span,
                help: "name the rules this test checks, or leave `rules:` out to run every loaded rule"))
        }
        let structureOK = !problems.containsErrors && name != nil
        diagnostics += problems
        guard structureOK, let name, let planNode = fields.value("plan") else {
            return notRun(node, file: file, because: "the test is invalid")
        }

        let plan = loadPlan(planNode, file: file, context: &context, into: &diagnostics)
        let location = node["name"]?.span ?? node.span
        guard let plan else {
            return RuleTestResult(name: name, file: file, location: location, expected: expected, actual: [],
                                  missing: expected, unexpected: [], notRun: "the test's plan is invalid")
        }
        // Without a date, waiver expiry and DST depend on the day the tests run.
        if plan.place.span(of: "date") == nil, context.undated.insert(plan.place.span).inserted {
            diagnostics.append(Diagnostic(
                .testPlanWithoutDate, "this test plan has no date, so its results depend on the day the tests run",
                at: plan.place.startSpan, severity: .warning,
                help: "add `date: YYYY-MM-DD` to the plan"))
        }
        // An expectation of a rule that is neither loaded nor waived in the plan can never match.
        let known = Set(context.rules.rules.map(\.id)).union(plan.waivers.map(\.rule))
        for item in expected where !known.contains(item.rule) {
            diagnostics.append(Diagnostic(
                .testUnknownRule, "the test expects a finding of '\(item.rule)', which is not loaded",
                at: item.location, help: Suggestions.didYouMean(item.rule, among: context.rules.rules.map(\.id)) ?? "check the rule id"))
        }

        var rules = context.rules
        if let ruleIDs {
            let selected = Set(ruleIDs)
            for i in rules.rules.indices { rules.rules[i].enabled = selected.contains(rules.rules[i].id) }
        }
        var actual = Evaluator(rules: rules, options: EvaluationOptions(parallel: false)).check(plan)
        if let ruleIDs {
            let selected = Set(ruleIDs)
            actual = actual.filter { selected.contains($0.rule) }
        }
        let (missing, unexpected) = compare(expected: expected, actual: actual)
        return RuleTestResult(name: name, file: file, location: location, expected: expected, actual: actual,
                              missing: missing, unexpected: unexpected, notRun: nil)
    }

    /// The test's plan: a file (relative to the test file) or an inline mapping.
    static func loadPlan(_ node: YAMLNode, file: String, context: inout Context,
                         into diagnostics: inout [Diagnostic]) -> Plan? {
        switch node.kind {
        case .mapping:
            var problems: [Diagnostic] = []
            let plan = PlanBuilder(loader: context.planLoader).build(node, into: &problems)
            diagnostics += problems
            return problems.containsErrors ? nil : plan
        case .scalar where !(node.scalar ?? "").isEmpty && node.scalarKind == .string:
            let relative = node.scalar ?? ""
            let directory = (file as NSString).deletingLastPathComponent
            let path = relative.hasPrefix("/") ? relative
                : ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(relative)
            if let cached = context.plans[path] { return cached }
            guard FileManager.default.fileExists(atPath: path) else {
                diagnostics.append(Diagnostic(
                    .testMissingPlan, "the plan file '\(relative)' does not exist", at: node.span,
                    help: "plan paths are relative to the test file (\(file))"))
                context.plans[path] = .some(nil)
                return nil
            }
            let loaded = context.planLoader.load(path: path)
            diagnostics += loaded.diagnostics
            context.plans[path] = .some(loaded.plan)
            return loaded.plan
        default:
            diagnostics.append(Diagnostic(
                .testWrongType, "'plan' in test must be a plan file path or an inline plan mapping, found \(node.kindDescription)",
                at: node.span, help: "write `plan: fixtures/my-plan.yaml`, or the plan's fields indented under `plan:`"))
            return nil
        }
    }

    static func expectation(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> ExpectedFinding? {
        let before = diagnostics.count
        guard let fields = FieldReader.open(node, as: RuleSchema.expectation, codes: .test, into: &diagnostics) else {
            return nil
        }
        let rule = fields.string("rule", into: &diagnostics)
        let engagement = fields.string("engagement", into: &diagnostics)
        let country = fields.country("country", into: &diagnostics)
        let provider = fields.string("provider", into: &diagnostics)
        let kind = fields.oneOf("kind", FindingKind.allCases.map(\.rawValue), into: &diagnostics).flatMap(FindingKind.init(rawValue:))
        let status = fields.oneOf("status", FindingStatus.allCases.map(\.rawValue), into: &diagnostics).flatMap(FindingStatus.init(rawValue:))
        let severity = fields.oneOf("severity", RuleSchema.severities, into: &diagnostics).flatMap(Severity.init(rawValue:))
        guard let rule, !diagnostics[before...].contains(where: { $0.severity == .error }) else { return nil }
        return ExpectedFinding(rule: rule, engagement: engagement, country: country, provider: provider,
                               kind: kind ?? .violation, status: status, severity: severity, location: node.span)
    }

    /// Matches expectations to findings one to one, as many as possible (a maximum
    /// bipartite matching, so a broad expectation never takes the finding a narrower
    /// one needed); returns what is left on each side.
    public static func compare(expected: [ExpectedFinding], actual: [Finding])
        -> (missing: [ExpectedFinding], unexpected: [Finding]) {
        let candidates = expected.map { e in actual.indices.filter { e.matches(actual[$0]) } }
        var owner = [Int?](repeating: nil, count: actual.count)  // finding -> expectation
        func augment(_ e: Int, _ seen: inout [Bool]) -> Bool {
            for f in candidates[e] where !seen[f] {
                seen[f] = true
                if let current = owner[f] {
                    if augment(current, &seen) {
                        owner[f] = e
                        return true
                    }
                } else {
                    owner[f] = e
                    return true
                }
            }
            return false
        }
        for e in expected.indices {
            var seen = [Bool](repeating: false, count: actual.count)
            _ = augment(e, &seen)
        }
        let matchedExpectations = Set(owner.compactMap { $0 })
        let missing = expected.indices.filter { !matchedExpectations.contains($0) }.map { expected[$0] }
        let unexpected = actual.indices.filter { owner[$0] == nil }.map { actual[$0] }
        return (missing, unexpected)
    }
}

/// How tests show findings: `DATA-001 engagement=tier1-support country=PH kind=violation status=failing`.
enum RuleTestFormat {
    public static func line(_ finding: Finding) -> String {
        line(rule: finding.rule, engagement: finding.engagement, country: finding.country, provider: finding.provider,
             kind: finding.kind.rawValue, status: finding.status.rawValue, severity: finding.severity.rawValue)
    }

    static func line(rule: String, engagement: String?, country: String?, provider: String?,
                     kind: String, status: String?, severity: String?) -> String {
        var parts = [rule]
        func add(_ key: String, _ value: String?) {
            guard let value else { return }
            let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" }
            let shown = needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
            parts.append("\(key)=\(shown)")
        }
        add("engagement", engagement)
        add("country", country)
        add("provider", provider)
        add("kind", kind)
        add("status", status)
        add("severity", severity)
        return parts.joined(separator: " ")
    }
}

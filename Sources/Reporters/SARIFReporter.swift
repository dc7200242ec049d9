import Policy
import SourceText

/// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps).
///
/// One run. `tool.driver.rules` lists the enabled rules (then any other rule a finding
/// names), so `ruleIndex` points into it. Each finding is a result at its most specific
/// span (columns are Unicode code points: `run.columnKind`), with the finding's
/// fingerprint as `partialFingerprints["shore/v1"]`; waived findings carry an external,
/// accepted suppression whose justification is the waiver's reason. Input diagnostics are
/// `invocations[0].toolExecutionNotifications`, and `executionSuccessful` is false when
/// any of them is an error; the `shore.yaml` overrides in force are
/// `invocations[0].ruleConfigurationOverrides`. In a `--baseline` run every result has
/// `baselineState: "new"` (known findings are not reported) and the run's
/// `properties.baseline` holds the new, known and fixed counts. Validated against the
/// OASIS schema in the tests.
struct SARIFReporter: Reporter {
    let options: ReportOptions

    func write(_ report: CheckReport, to sink: TextSink) {
        Self.write(report, options: options, to: sink)
    }

    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let fingerprintKey = "shore/v1"

    static func write(_ report: CheckReport, options: ReportOptions, to sink: TextSink) {
        document(report, options: options).write(to: sink)
        sink.write("\n")
    }

    static func document(_ report: CheckReport, options: ReportOptions) -> StreamedJSON {
        let descriptors = ruleDescriptors(report)
        var index: [String: Int] = [:]
        for (position, descriptor) in descriptors.enumerated() where index[descriptor.id] == nil {
            index[descriptor.id] = position
        }
        var driver: [(String, JSONText)] = [("name", .string("Shore")), ("version", .string(options.toolVersion))]
        if isSemanticVersion(options.toolVersion) { driver.append(("semanticVersion", .string(options.toolVersion))) }
        if let uri = options.informationUri { driver.append(("informationUri", .string(uri))) }
        driver.append(("rules", .array(descriptors.map(\.json))))
        let ruleIndex = index
        let plansByID = Dictionary(report.plans.map { ($0.plan.id, $0.plan.source.path) }, uniquingKeysWith: { first, _ in first })
        let run: [(String, StreamedJSON)] = [
            ("tool", .value(.object([("driver", .object(driver))]))),
            ("invocations", .value(.array([invocation(report, ruleIndex: index, options: options)]))),
            ("columnKind", .value(.string("unicodeCodePoints"))),
            ("results", .findings(report.plans, memo: FindingMemo(options: options)) { finding, out, memo, indent in
                write(finding, ruleIndex: ruleIndex[finding.rule], planFile: plansByID[finding.plan],
                      baselined: report.baseline != nil, options: options, memo: &memo, into: out, indent: indent)
            }),
        ] + baselineProperties(report)
        return .object([
            ("$schema", .value(.string(schemaURI))),
            ("version", .value(.string(SARIFLog.version))),
            ("runs", .array([.object(run)])),
        ])
    }

    // MARK: Rules

    struct Descriptor {
        let id: String
        let json: JSONText
    }

    /// The enabled rules in load order, then rules that only findings name.
    static func ruleDescriptors(_ report: CheckReport) -> [Descriptor] {
        var seen = Set<String>()
        var out: [Descriptor] = []
        for rule in report.rules?.enabledRules ?? [] where seen.insert(rule.id).inserted {
            out.append(Descriptor(id: rule.id, json: descriptor(rule)))
        }
        for finding in report.allFindings where seen.insert(finding.rule).inserted {
            if let rule = report.rules?.rule(finding.rule) {
                out.append(Descriptor(id: rule.id, json: descriptor(rule)))
            } else {
                out.append(Descriptor(id: finding.rule, json: .object([
                    ("id", .string(finding.rule)),
                    ("shortDescription", .object([("text", .string(finding.ruleTitle ?? finding.rule))])),
                    ("defaultConfiguration", .object([("level", .string(SARIFLog.level(finding.severity)))])),
                ])))
            }
        }
        return out
    }

    static func descriptor(_ rule: Rule) -> JSONText {
        let title = rule.title ?? rule.id
        var members: [(String, JSONText)] = [
            ("id", .string(rule.id)),
            ("name", .string(pascalCase(rule.title) ?? rule.id)),
            ("shortDescription", .object([("text", .string(title))])),
            ("fullDescription", .object([("text", .string(rule.description ?? title))])),
        ]
        var help = rule.remediation ?? rule.description ?? title
        if !rule.references.isEmpty {
            help += "\n\nReferences:\n" + rule.references.map { "- " + $0 }.joined(separator: "\n")
        }
        members.append(("help", .object([("text", .string(help))])))
        if let uri = rule.references.first(where: isWebURL) { members.append(("helpUri", .string(uri))) }
        members.append(("defaultConfiguration", .object([("level", .string(SARIFLog.level(rule.severity)))])))
        members.append(("properties", .object([
            ("tags", .array(rule.tags.map(JSONText.string))),
            ("policy", .string(rule.policy)),
            ("scope", .string(rule.scope.rawValue)),
        ])))
        return .object(members)
    }

    // MARK: Results

    /// `result(…)`'s object written member by member: the same text, without a tree per
    /// finding. The rarer parts (a location that is only the plan's file, a suppression)
    /// are written from `JSONText`.
    static func write(_ finding: Finding, ruleIndex: Int?, planFile: String?, baselined: Bool,
                      options: ReportOptions, memo: inout FindingMemo, into out: UTF8Text, indent: Int) {
        out.openObject()
        out.member("ruleId", first: true, indent: indent)
        out.appendJSONQuoted(finding.rule)
        if let ruleIndex {
            out.member("ruleIndex", indent: indent)
            out.append(int: ruleIndex)
        }
        out.member("level", indent: indent)
        out.appendJSONQuoted(SARIFLog.level(finding.severity))
        out.member("message", indent: indent)
        out.openObject()
        out.member("text", first: true, indent: indent + 1)
        out.appendJSONQuoted(finding.message)
        out.closeObject(indent: indent + 1)
        if let location = finding.location {
            out.member("locations", indent: indent)
            out.append("[\n" as StaticString)
            out.appendPad(indent + 2)
            out.openObject()
            out.member("physicalLocation", first: true, indent: indent + 2)
            out.openObject()
            out.member("artifactLocation", first: true, indent: indent + 3)
            out.openObject()
            out.member("uri", first: true, indent: indent + 4)
            out.appendJSONQuoted(memo.paths.uriReference(location.path))
            out.closeObject(indent: indent + 4)
            out.member("region", indent: indent + 3)
            out.append(json: SARIFLog.region(location), indent: indent + 4)
            out.closeObject(indent: indent + 3)
            out.closeObject(indent: indent + 2)
            out.append(byte: 0x0A)
            out.appendPad(indent + 1)
            out.append(byte: 0x5D)
        } else if let planFile {
            out.member("locations", indent: indent)
            out.append(json: .array([.object([("physicalLocation", .object([
                ("artifactLocation", SARIFLog.artifactLocation(planFile, options: options)),
            ]))])]), indent: indent + 1)
        }
        out.member("partialFingerprints", indent: indent)
        out.openObject()
        out.member("shore/v1", first: true, indent: indent + 1)
        out.appendJSONQuoted(finding.fingerprint)
        out.closeObject(indent: indent + 1)
        if baselined {
            out.member("baselineState", indent: indent)
            out.append("\"new\"" as StaticString)
        }
        if let waiver = finding.waiver, !finding.isFailing {
            out.member("suppressions", indent: indent)
            out.append(json: .array([suppression(waiver, options: options)]), indent: indent + 1)
        }
        out.member("properties", indent: indent)
        out.openObject()
        out.member("kind", first: true, indent: indent + 1)
        out.appendJSONQuoted(finding.kind.rawValue)
        out.member("plan", indent: indent + 1)
        out.appendJSONQuoted(finding.plan)
        out.optionalMember("path", finding.path, indent: indent + 1)
        out.optionalMember("engagement", finding.engagement, indent: indent + 1)
        out.optionalMember("country", finding.country, indent: indent + 1)
        out.optionalMember("provider", finding.provider, indent: indent + 1)
        out.optionalMember("remediation", finding.remediation, indent: indent + 1)
        if !finding.because.isEmpty {
            out.member("because", indent: indent + 1)
            memo.because.append(finding.because, indent: indent + 3, to: out)
        }
        out.closeObject(indent: indent + 1)
        out.closeObject(indent: indent)
    }

    /// A waived finding's suppression: external, accepted, with the waiver's reason,
    /// location and approval.
    static func suppression(_ waiver: WaiverReference, options: ReportOptions) -> JSONText {
        var suppression: [(String, JSONText)] = [
            ("kind", .string("external")),
            ("status", .string("accepted")),
            ("justification", .string(waiver.reason)),
            ("location", SARIFLog.physicalLocation(waiver.location, options: options)),
        ]
        var properties: [(String, JSONText)] = [("approved_by", .string(waiver.approvedBy))]
        if let ticket = waiver.ticket { properties.append(("ticket", .string(ticket))) }
        properties.append(("expires", .string(waiver.expires)))
        suppression.append(("properties", .object(properties)))
        return .object(suppression)
    }

    static func result(_ finding: Finding, ruleIndex: Int?, planFile: String?, baselined: Bool = false,
                       options: ReportOptions) -> JSONText {
        var members: [(String, JSONText)] = [("ruleId", .string(finding.rule))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members.append(("level", .string(SARIFLog.level(finding.severity))))
        members.append(("message", .object([("text", .string(finding.message))])))
        if let location = finding.location {
            members.append(("locations", .array([SARIFLog.physicalLocation(location, options: options)])))
        } else if let planFile {
            members.append(("locations", .array([.object([("physicalLocation", .object([
                ("artifactLocation", SARIFLog.artifactLocation(planFile, options: options)),
            ]))])])))
        }
        members.append(("partialFingerprints", .object([(fingerprintKey, .string(finding.fingerprint))])))
        if baselined { members.append(("baselineState", .string("new"))) }
        if let waiver = finding.waiver, !finding.isFailing {
            members.append(("suppressions", .array([suppression(waiver, options: options)])))
        }
        var properties: [(String, JSONText)] = [("kind", .string(finding.kind.rawValue)), ("plan", .string(finding.plan))]
        for (key, value) in [("path", finding.path), ("engagement", finding.engagement),
                             ("country", finding.country), ("provider", finding.provider)] {
            if let value { properties.append((key, .string(value))) }
        }
        if let remediation = finding.remediation { properties.append(("remediation", .string(remediation))) }
        if !finding.because.isEmpty {
            properties.append(("because", .array(finding.because.map {
                .object([("expression", .string($0.expression)), ("value", .string($0.value))])
            })))
        }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    // MARK: Invocation

    static func invocation(_ report: CheckReport, ruleIndex: [String: Int], options: ReportOptions) -> JSONText {
        var members: [(String, JSONText)] = [
            ("executionSuccessful", .bool(!report.hasInputErrors)),
            ("toolExecutionNotifications", .array(report.diagnostics.map { notification($0, options: options) })),
        ]
        if !report.policyChanges.isEmpty {
            members.append(("ruleConfigurationOverrides", .array(report.policyChanges.map {
                configurationOverride($0, ruleIndex: ruleIndex[$0.rule])
            })))
        }
        return .object(members)
    }

    /// A `shore.yaml` override: the rule (by id, and by index when it is in
    /// `tool.driver.rules`), and the configuration the run used instead of its default.
    static func configurationOverride(_ change: PolicyChange, ruleIndex: Int?) -> JSONText {
        var descriptor: [(String, JSONText)] = [("id", .string(change.rule))]
        if let ruleIndex { descriptor.append(("index", .int(ruleIndex))) }
        return .object([
            ("descriptor", .object(descriptor)),
            ("configuration", .object([
                ("enabled", .bool(change.enabled)),
                ("level", .string(SARIFLog.level(change.severity))),
            ])),
            ("properties", .object([
                ("change", .string(change.change)),
                ("source", .string("shore.yaml")),
            ])),
        ])
    }

    /// `properties.baseline` for a baseline run: the counts and the fixed findings.
    static func baselineProperties(_ report: CheckReport) -> [(String, StreamedJSON)] {
        guard let baseline = report.baseline else { return [] }
        return [("properties", .value(.object([("baseline", JSONReporter.baseline(baseline))])))]
    }

    static func notification(_ diagnostic: Diagnostic, options: ReportOptions) -> JSONText {
        var members: [(String, JSONText)] = [
            ("descriptor", .object([("id", .string(diagnostic.code.rawValue))])),
            ("level", .string(SARIFLog.level(diagnostic.severity))),
            ("message", .object([("text", .string(SARIFLog.text(diagnostic)))])),
        ]
        if let location = diagnostic.location {
            members.append(("locations", .array([SARIFLog.physicalLocation(location, options: options)])))
        }
        return .object(members)
    }

    // MARK: Helpers

    /// `Offshore vendors accept audits` → `OffshoreVendorsAcceptAudits` (SARIF's `name`
    /// is an identifier-like friendly name); nil when there are no letters or digits.
    static func pascalCase(_ title: String?) -> String? {
        guard let title else { return nil }
        let words = title.filter { $0 != "'" && $0 != "’" }.split { !($0.isLetter || $0.isNumber) }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.isEmpty ? nil : name
    }

    static func isWebURL(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && !text.contains(where: \.isWhitespace)
    }

    static func isSemanticVersion(_ version: String) -> Bool {
        let core = version.split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

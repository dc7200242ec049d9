import Policy
import SourceText

/// `--format json`: the stable machine contract, version 1.
///
/// Keys appear in a fixed, documented order (not sorted): first the contract's keys in
/// the contract's order, then additions (`because` on findings; `severity` and `help` on
/// errors; `overrides` and `baseline` in `summary`). Absent values are `null`, never
/// omitted, so consumers can index without checking. `overrides` lists the `shore.yaml`
/// overrides in force; `baseline` is `null` unless the run had `--baseline`. `waiver` is `null` or `{reason, approved_by, ticket, expires, file, line}`.
/// With invalid input the object is still written, with `errors` filled.
struct JSONReporter: Reporter {
    let options: ReportOptions

    func write(_ report: CheckReport, to sink: TextSink) {
        Self.write(report, options: options, to: sink)
    }

    static let version = 1

    static func write(_ report: CheckReport, options: ReportOptions, to sink: TextSink) {
        document(report, options: options).write(to: sink)
        sink.write("\n")
    }

    static func document(_ report: CheckReport, options: ReportOptions) -> StreamedJSON {
        let summary = report.summary
        return .object([
            ("version", .value(.int(version))),
            ("summary", .value(.object([
                ("plans", .int(summary.plans)),
                ("rules", .int(summary.rules)),
                ("failing", .int(summary.failing)),
                ("waived", .int(summary.waived)),
                ("by_severity", .object([
                    ("error", .int(summary.bySeverity[.error] ?? 0)),
                    ("warning", .int(summary.bySeverity[.warning] ?? 0)),
                    ("info", .int(summary.bySeverity[.info] ?? 0)),
                ])),
                ("rule_files", .array(report.ruleFiles.map { ruleFile($0, options: options) })),
                ("overrides", .array(report.policyChanges.map(override))),
                ("baseline", report.baseline.map(baseline) ?? .null),
            ]))),
            ("findings", .findings(report.plans, memo: FindingMemo(options: options)) { finding, out, memo, indent in
                write(finding, options: options, memo: &memo, into: &out, indent: indent)
            }),
            ("errors", .value(.array(report.diagnostics.map { error($0, options: options) }))),
        ])
    }

    /// A rule file the run read: `{path, builtin, rules, enabled}` (`builtin:NAME` for a
    /// part of the built-in pack).
    static func ruleFile(_ file: RuleFileSummary, options: ReportOptions) -> JSONText {
        let builtin = BuiltinPack.isSelector(file.path)
        return .object([
            ("path", .string(builtin ? file.path : options.displayPath(file.path))),
            ("builtin", .bool(builtin)),
            ("rules", .int(file.rules)),
            ("enabled", .int(file.enabled)),
        ])
    }

    /// A `shore.yaml` override in force: `{rule, change, severity, declared_severity,
    /// enabled, declared_enabled}`.
    static func override(_ change: PolicyChange) -> JSONText {
        .object([
            ("rule", .string(change.rule)),
            ("change", .string(change.change)),
            ("severity", .string(change.severity.rawValue)),
            ("declared_severity", .string(change.declaredSeverity.rawValue)),
            ("enabled", .bool(change.enabled)),
            ("declared_enabled", .bool(change.declaredEnabled)),
        ])
    }

    /// `{new, known, fixed, fixed_findings: [{rule, message, plan, file, line, fingerprint}]}`.
    static func baseline(_ comparison: BaselineComparison) -> JSONText {
        .object([
            ("new", .int(comparison.new)),
            ("known", .int(comparison.known)),
            ("fixed", .int(comparison.fixed.count)),
            ("fixed_findings", .array(comparison.fixed.map { entry in
                .object([
                    ("rule", .string(entry.rule)),
                    ("message", .string(entry.message)),
                    ("plan", .optional(entry.plan)),
                    ("file", .optional(entry.file)),
                    ("line", .optional(entry.line)),
                    ("fingerprint", .string(entry.fingerprint)),
                ])
            })),
        ])
    }

    /// A finding's members, in the contract's order.
    enum Member: Int, CaseIterable {
        case rule, severity, status, kind, message, plan, file, line, column, path, engagement, country, provider,
             remediation, waiver, fingerprint, because

        var key: StaticString {
            switch self {
            case .rule: "rule"
            case .severity: "severity"
            case .status: "status"
            case .kind: "kind"
            case .message: "message"
            case .plan: "plan"
            case .file: "file"
            case .line: "line"
            case .column: "column"
            case .path: "path"
            case .engagement: "engagement"
            case .country: "country"
            case .provider: "provider"
            case .remediation: "remediation"
            case .waiver: "waiver"
            case .fingerprint: "fingerprint"
            case .because: "because"
            }
        }
    }

    /// A finding's object, written member by member (the same text as a `JSONText` object
    /// of these members); the members' prefixes are made once per indent (`memo.members`).
    static func write(_ finding: Finding, options: ReportOptions, memo: inout FindingMemo,
                      into out: inout UTF8Text, indent: Int) {
        if memo.members?.indent != indent { memo.members = JSONMemberPrefixes(Member.allCases.map(\.key), indent: indent) }
        let members = memo.members!
        out.openObject()
        members.append(Member.rule.rawValue, first: true, to: out)
        out.appendJSONQuoted(finding.rule)
        members.append(Member.severity.rawValue, to: out)
        out.append(Self.quoted(finding.severity))
        members.append(Member.status.rawValue, to: out)
        out.append(finding.status == .failing ? "\"failing\"" as StaticString : "\"waived\"")
        members.append(Member.kind.rawValue, to: out)
        out.append(Self.quoted(finding.kind))
        members.append(Member.message.rawValue, to: out)
        out.appendJSONQuoted(finding.message)
        members.append(Member.plan.rawValue, to: out)
        out.appendJSONQuoted(finding.plan)
        members.append(Member.file.rawValue, to: out)
        out.appendJSON(finding.file.map { memo.paths.shown($0) })
        let start = finding.start
        members.append(Member.line.rawValue, to: out)
        out.appendJSON(start?.line)
        members.append(Member.column.rawValue, to: out)
        out.appendJSON(start?.column)
        members.append(Member.path.rawValue, to: out)
        if let path = finding.planPath {
            out.appendInPlace(reserving: PlanPath.maxLength + 2) { bytes in
                bytes[0] = 0x22
                let length = path.write(into: bytes + 1)
                bytes[length + 1] = 0x22
                return length + 2
            }
        } else {
            out.append("null" as StaticString)
        }
        members.append(Member.engagement.rawValue, to: out)
        out.appendJSON(finding.engagement)
        members.append(Member.country.rawValue, to: out)
        out.appendJSON(finding.country)
        members.append(Member.provider.rawValue, to: out)
        out.appendJSON(finding.provider)
        members.append(Member.remediation.rawValue, to: out)
        out.appendJSON(finding.remediation)
        members.append(Member.waiver.rawValue, to: out)
        if let waiver = finding.waiver {
            out.append(json: self.waiver(waiver, options: options), indent: indent + 1)
        } else {
            out.append("null" as StaticString)
        }
        members.append(Member.fingerprint.rawValue, to: out)
        out.append(byte: 0x22)
        out.append(hex: finding.fingerprintNumber)
        out.append(byte: 0x22)
        members.append(Member.because.rawValue, to: out)
        if finding.because.isEmpty {
            out.append("[]" as StaticString)
        } else {
            memo.because.append(finding.because, indent: indent + 2, to: out)
        }
        out.closeObject(indent: indent)
    }

    /// A severity as its JSON string, made at compile time.
    static func quoted(_ severity: Severity) -> StaticString {
        switch severity {
        case .error: "\"error\""
        case .warning: "\"warning\""
        case .info: "\"info\""
        }
    }

    /// A finding kind as its JSON string, made at compile time.
    static func quoted(_ kind: FindingKind) -> StaticString {
        switch kind {
        case .violation: "\"violation\""
        case .evaluationError: "\"evaluation-error\""
        case .waiverExpired: "\"waiver-expired\""
        case .waiverUnused: "\"waiver-unused\""
        }
    }

    static func waiver(_ waiver: WaiverReference, options: ReportOptions) -> JSONText {
        .object([
            ("reason", .string(waiver.reason)),
            ("approved_by", .string(waiver.approvedBy)),
            ("ticket", .optional(waiver.ticket)),
            ("expires", .string(waiver.expires)),
            ("file", .string(options.displayPath(waiver.location.path))),
            ("line", .int(waiver.location.start.line)),
        ])
    }

    static func error(_ diagnostic: Diagnostic, options: ReportOptions) -> JSONText {
        .object([
            ("code", .string(diagnostic.code.rawValue)),
            ("message", .string(diagnostic.message)),
            ("file", .optional(diagnostic.location.map { options.displayPath($0.path) })),
            ("line", .optional(diagnostic.location?.start.line)),
            ("column", .optional(diagnostic.location?.start.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("help", .optional(diagnostic.help)),
        ])
    }
}

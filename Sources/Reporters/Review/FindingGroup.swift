import Policy
import SourceText

/// One finding as the review shows it.
struct ReviewFinding: Sendable, Hashable {
    public let rule: String
    let ruleTitle: String?
    public let severity: Severity
    public let kind: FindingKind
    let waived: Bool
    public let message: String
    /// `examples/plans/x.yaml:18`, or nil when the finding has no location.
    public let location: String?
    public let country: String?
    public let provider: String?
    let remediation: String?
    let references: [String]
    /// `waived until 2027-03-31 by VP Engineering (ENG-2211): reason`.
    let waiver: String?

    init(_ finding: Finding, rules: RuleSet?, path: (String) -> String) {
        rule = finding.rule
        ruleTitle = finding.ruleTitle ?? rules?.rule(finding.rule)?.title
        severity = finding.severity
        kind = finding.kind
        waived = !finding.isFailing
        message = finding.message
        location = finding.location.map { "\(path($0.path)):\($0.start.line)" }
        country = finding.country
        provider = finding.provider
        remediation = finding.remediation
        references = finding.references
        waiver = finding.waiver.map { w in
            var text = "waived until \(w.expires) by \(w.approvedBy)"
            if let ticket = w.ticket { text += " (\(ticket))" }
            return text + ": " + w.reason
        }
    }

    /// The detail lines under the finding, in order, each present only when known:
    /// Rule, Where, Waiver, Fix, References (joined with `; `). Renderers escape them.
    var details: [(label: String, value: String)] {
        var lines: [(String, String)] = []
        if let ruleTitle { lines.append(("Rule", ruleTitle)) }
        if let location { lines.append(("Where", location)) }
        if let waiver { lines.append(("Waiver", waiver)) }
        if let remediation { lines.append(("Fix", remediation)) }
        if !references.isEmpty { lines.append(("References", references.joined(separator: "; "))) }
        return lines
    }

    /// `✗ error`, `! warning`, `i info`, `– waived`.
    var markSymbol: String {
        if waived { return "–" }
        switch severity {
        case .error: return "✗"
        case .warning: return "!"
        case .info: return "i"
        }
    }

    /// `error`, `warning (waived)`.
    var label: String { severity.rawValue + (waived ? " (waived)" : "") }

    /// Most severe first: failing before waived, then error, warning, info; then rule id.
    static func mostSevereFirst(_ a: ReviewFinding, _ b: ReviewFinding) -> Bool {
        if a.waived != b.waived { return !a.waived }
        if a.severity != b.severity { return a.severity > b.severity }
        return a.rule < b.rule
    }
}

/// The findings about one engagement, or the plan-wide ones (country and provider
/// aggregates, plan rules, waivers that name no engagement).
struct FindingGroup: Sendable, Hashable {
    /// The engagement id, or nil for the plan-wide group.
    public let engagement: String?
    /// `Manila Contact Co (agency, PH)`, or nil for the plan-wide group.
    let subtitle: String?
    let mark: ReviewMark
    /// Most severe first.
    public let findings: [ReviewFinding]

    init(engagement: String?, subtitle: String?, findings: [Finding], rules: RuleSet?, path: (String) -> String) {
        self.engagement = engagement
        self.subtitle = subtitle
        mark = ReviewMark.of(findings)
        self.findings = findings.map { ReviewFinding($0, rules: rules, path: path) }.sorted(by: ReviewFinding.mostSevereFirst)
    }

    /// `tier1-support`, or `Plan-wide`.
    var heading: String { engagement ?? "Plan-wide (countries, providers, waivers)" }
}

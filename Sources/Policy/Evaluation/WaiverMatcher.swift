import SourceText

/// Applies waivers to a plan's findings (BRIEF §3): an active waiver that matches a
/// failing finding waives it; an expired waiver no longer applies and is reported
/// (`waiver-expired`, warning); an active waiver that matches nothing is reported
/// (`waiver-unused`, info).
enum WaiverMatcher {
    static func apply(_ waivers: [Waiver], to findings: [Finding], plan: Plan) -> [Finding] {
        var findings = findings
        apply(waivers, to: &findings, plan: plan)
        return findings
    }

    /// Applies waivers in place, appending the waiver findings. With `loadedRules`, an
    /// unused waiver of a rule that is not among them says so (a typo or a missing file).
    static func apply(_ waivers: [Waiver], to findings: inout [Finding], plan: Plan, loadedRules: Set<String>? = nil) {
        var result: [Finding] = []
        var byRule: [String: [Int]] = [:]
        if !waivers.isEmpty {
            for i in findings.indices { byRule[findings[i].rule, default: []].append(i) }
        }
        for waiver in waivers {
            guard waiver.plan == nil || waiver.plan == plan.id else { continue }
            guard waiver.isActive(on: plan.date) else {
                result.append(report(waiver, plan: plan, kind: .waiverExpired, severity: .warning,
                                     message: "the waiver of \(waiver.rule)\(scope(of: waiver)) expired on \(waiver.expires); its findings fail again"))
                continue
            }
            var used = false
            // Fields are read one by one: passing `findings[i]` whole would copy the finding.
            for i in byRule[waiver.rule] ?? [] where findings[i].status == .failing
                && matches(waiver, rule: findings[i].rule, kind: findings[i].kind,
                           engagement: findings[i].engagement, country: findings[i].country) {
                findings[i].status = .waived
                findings[i].waiver = WaiverReference(
                    reason: waiver.reason, approvedBy: waiver.approvedBy, ticket: waiver.ticket,
                    expires: waiver.expires.description, location: waiver.node.span)
                used = true
            }
            if !used {
                let why = loadedRules.map { !$0.contains(waiver.rule) } == true
                    ? "waives a rule that is not loaded" + (Suggestions.didYouMean(waiver.rule, among: loadedRules ?? []).map { " (\($0))" } ?? "")
                        + "; correct its rule id or load the rule"
                    : "matches no finding; remove it"
                result.append(report(waiver, plan: plan, kind: .waiverUnused, severity: .info,
                                     message: "the waiver of \(waiver.rule)\(scope(of: waiver)) \(why)"))
            }
        }
        findings += result
    }

    /// Whether `waiver` covers a finding of `rule` and `kind` about `engagement` and
    /// `country`: same rule, and each id the waiver names equal.
    private static func matches(_ waiver: Waiver, rule: String, kind: FindingKind, engagement: String?, country: String?) -> Bool {
        kind != .waiverExpired && kind != .waiverUnused
            && waiver.rule == rule
            && (waiver.engagement == nil || waiver.engagement == engagement)
            && (waiver.country == nil || waiver.country == country)
    }

    private static func scope(of waiver: Waiver) -> String {
        var parts: [String] = []
        if let engagement = waiver.engagement { parts.append("engagement \(engagement)") }
        if let country = waiver.country { parts.append("country \(country)") }
        return parts.isEmpty ? "" : " for " + parts.joined(separator: ", ")
    }

    private static func report(_ waiver: Waiver, plan: Plan, kind: FindingKind, severity: Severity, message: String) -> Finding {
        Finding(
            rule: waiver.rule, ruleTitle: nil, severity: severity, kind: kind, status: .failing, message: message,
            plan: plan.id, location: waiver.node.span, path: nil, engagement: waiver.engagement, country: waiver.country,
            provider: nil,
            remediation: kind == .waiverExpired ? "Renew the waiver with a new expiry date, or fix the findings it covered." : "Remove the waiver, or correct its rule, engagement or country.",
            references: [], waiver: nil,
            fingerprint: Fingerprint.of([waiver.rule, kind.rawValue, plan.id, waiver.engagement, waiver.country, nil, nil]),
            because: [])
    }
}

import Reference
import SourceText

/// When waivers are judged and which are allowed: the run's part of waiver matching.
public struct WaiverPolicy: Sendable, Hashable {
    /// The run date: a waiver has expired when the later of this and the plan's own date
    /// is past its expiry, so back-dating a plan cannot revive an expired waiver. Nil
    /// judges by the plan date alone (rule tests, which fix their own dates).
    var asOf: CivilDate?
    /// Whether a plan's own `waivers:` are applied (`shore.yaml` `waivers: { plan: forbid }`
    /// turns them off, so a plan cannot waive its own findings).
    var allowPlanWaivers: Bool

    public init(asOf: CivilDate? = nil, allowPlanWaivers: Bool = true) {
        self.asOf = asOf
        self.allowPlanWaivers = allowPlanWaivers
    }

    /// The date expiry is judged on for `plan`.
    func judgingDate(for plan: Plan) -> CivilDate {
        guard let asOf else { return plan.date }
        return max(asOf, plan.date)
    }
}

/// Applies waivers to a plan's findings (format: docs/plan-format.md#waiver): an active waiver that matches a
/// failing finding waives it; an expired waiver no longer applies and is reported
/// (`waiver-expired`, warning); an active waiver that matches nothing is reported
/// (`waiver-unused`, info).
///
/// Linear: each active waiver's key (its rule, and the engagement and country it names)
/// is a bucket, and a failing finding goes into the buckets whose key it matches, so a
/// waiver looks only at the findings it covers; a bucket a waiver has gone through holds
/// nothing failing any more and is emptied, so each finding is visited at most four times
/// however many waivers there are.
enum WaiverMatcher {
    static func apply(_ waivers: [Waiver], to findings: [Finding], plan: Plan, policy: WaiverPolicy = WaiverPolicy(),
                      loadedRules: Set<String>? = nil) -> [Finding] {
        var findings = findings
        var work = 0
        _ = apply(waivers, to: &findings, plan: plan, policy: policy, loadedRules: loadedRules, deadline: nil, work: &work)
        return findings
    }

    /// Applies waivers in place, appending the waiver findings. Returns false when
    /// `deadline` passed first (looked at every 64 steps); `work` counts the steps. With
    /// `loadedRules`, an unused waiver of a rule that is not among them says so (a typo or
    /// a missing file).
    static func apply(_ waivers: [Waiver], to findings: inout [Finding], plan: Plan, policy: WaiverPolicy,
                      loadedRules: Set<String>? = nil, deadline: ContinuousClock.Instant?, work: inout Int) -> Bool {
        guard !waivers.isEmpty else { return true }
        /// Counts one step; false when the deadline has passed (looked at every 64 steps).
        func tick() -> Bool {
            work += 1
            guard let deadline, work & 63 == 0 else { return true }
            return ContinuousClock.now < deadline
        }
        // A finding is looked up only in the waivers of its own rule, by the engagement and
        // country it names: a rule no waiver names costs nothing per finding, and a bucket
        // is made only for a key some finding matches.
        let date = policy.judgingDate(for: plan)
        var byRule: [String: RuleWaivers] = [:]
        for waiver in waivers where (waiver.plan == nil || waiver.plan == plan.id) && waiver.isActive(on: date) {
            byRule[waiver.rule, default: RuleWaivers()].add(engagement: waiver.engagement, country: waiver.country)
        }
        var buckets: [BucketKey: [Int]] = [:]
        // A rule's findings come in runs, so the run's rule is looked up once.
        var lastRule: String?, lastWaivers: RuleWaivers?
        for i in findings.indices where findings[i].status == .failing && findings[i].kind.isWaivable {
            let rule = findings[i].rule
            if rule != lastRule {
                lastRule = rule
                lastWaivers = byRule[rule]
            }
            guard let named = lastWaivers else { continue }
            guard tick() else { return false }
            named.forEachKey(rule: rule, engagement: findings[i].engagement, country: findings[i].country) {
                buckets[$0, default: []].append(i)
            }
        }
        var result: [Finding] = []
        for waiver in waivers {
            guard tick() else { return false }
            guard waiver.plan == nil || waiver.plan == plan.id else { continue }
            guard waiver.isActive(on: date) else {
                result.append(report(waiver, plan: plan, kind: .waiverExpired, severity: .warning,
                                     message: "the waiver of \(waiver.rule)\(scope(of: waiver)) expired on \(waiver.expires); its findings fail again"))
                continue
            }
            var used = false
            let key = BucketKey(rule: waiver.rule, engagement: waiver.engagement, country: waiver.country)
            for i in buckets.removeValue(forKey: key) ?? [] where findings[i].status == .failing {
                guard tick() else { return false }
                findings[i].status = .waived
                findings[i].waiver = WaiverReference(
                    reason: waiver.reason, approvedBy: waiver.approvedBy, ticket: waiver.ticket,
                    expires: waiver.expires.description, location: waiver.span)
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
        return true
    }

    /// The findings one waiver covers: its rule, and the engagement and country it
    /// names (nil: any).
    private struct BucketKey: Hashable {
        let rule: String
        let engagement: String?
        let country: String?
    }

    /// What the active waivers of one rule name: the rule alone, an engagement, a
    /// country, or both.
    private struct RuleWaivers {
        private var wholeRule = false
        private var engagements: Set<String> = []
        private var countries: Set<String> = []
        private var both: Set<Pair> = []

        private struct Pair: Hashable {
            let engagement: String
            let country: String
        }

        mutating func add(engagement: String?, country: String?) {
            switch (engagement, country) {
            case (nil, nil): wholeRule = true
            case (let engagement?, nil): engagements.insert(engagement)
            case (nil, let country?): countries.insert(country)
            case (let engagement?, let country?): both.insert(Pair(engagement: engagement, country: country))
            }
        }

        /// Calls `body` with each key of a waiver of this rule that covers a finding about
        /// `engagement` and `country` (so each bucket holds the finding once).
        func forEachKey(rule: String, engagement: String?, country: String?, _ body: (BucketKey) -> Void) {
            if wholeRule { body(BucketKey(rule: rule, engagement: nil, country: nil)) }
            if let engagement, !engagements.isEmpty, engagements.contains(engagement) {
                body(BucketKey(rule: rule, engagement: engagement, country: nil))
            }
            if let country, !countries.isEmpty, countries.contains(country) { body(BucketKey(rule: rule, engagement: nil, country: country)) }
            if let engagement, let country, !both.isEmpty, both.contains(Pair(engagement: engagement, country: country)) {
                body(BucketKey(rule: rule, engagement: engagement, country: country))
            }
        }
    }

    private static func scope(of waiver: Waiver) -> String {
        var parts: [String] = []
        if let engagement = waiver.engagement { parts.append("engagement \(engagement)") }
        if let country = waiver.country { parts.append("country \(country)") }
        return parts.isEmpty ? "" : " for " + parts.joined(separator: ", ")
    }

    private static func report(_ waiver: Waiver, plan: Plan, kind: FindingKind, severity: Severity, message: String) -> Finding {
        Finding(
            FindingRule(rule: waiver.rule, ruleTitle: nil, plan: plan.id,
                        remediation: kind == .waiverExpired ? "Renew the waiver with a new expiry date, or fix the findings it covered." : "Remove the waiver, or correct its rule, engagement or country.",
                        references: []),
            severity: severity, kind: kind, status: .failing, message: message,
            location: waiver.span, path: nil, engagement: waiver.engagement, country: waiver.country,
            provider: nil, waiver: nil,
            fingerprint: Fingerprint.value(waiver.rule, kind.rawValue, plan.id, waiver.engagement, waiver.country, nil, nil),
            because: [])
    }
}

extension FindingKind {
    /// Whether a waiver can waive a finding of this kind (not the waiver reports themselves).
    var isWaivable: Bool { self != .waiverExpired && self != .waiverUnused }
}

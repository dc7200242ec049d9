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
        // Only the buckets some waiver asks for are made, and a finding is looked up only
        // under the kinds of key its rule's waivers use: a rule no waiver names costs one
        // lookup per finding, a rule waived per engagement two.
        let date = policy.judgingDate(for: plan)
        var buckets: [BucketKey: [Int]] = [:]
        var shapes: [String: BucketKey.Shapes] = [:]
        for waiver in waivers where (waiver.plan == nil || waiver.plan == plan.id) && waiver.isActive(on: date) {
            let key = BucketKey(rule: waiver.rule, engagement: waiver.engagement, country: waiver.country)
            buckets[key] = []
            shapes[waiver.rule, default: []].insert(key.shape)
        }
        // A rule's findings come in runs, so the run's rule is looked up once.
        var lastRule: String?, lastShapes: BucketKey.Shapes?
        for i in findings.indices where findings[i].status == .failing && findings[i].kind.isWaivable {
            let rule = findings[i].rule
            if rule != lastRule {
                lastRule = rule
                lastShapes = shapes[rule]
            }
            guard let ruleShapes = lastShapes else { continue }
            guard tick() else { return false }
            for key in BucketKey.all(rule: rule, engagement: findings[i].engagement, country: findings[i].country,
                                     shapes: ruleShapes) {
                buckets[key]?.append(i)
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

        /// Which of the four kinds of key this is: the rule alone, with an engagement,
        /// with a country, or with both.
        struct Shapes: OptionSet, Hashable {
            let rawValue: UInt8
            static let rule = Shapes(rawValue: 1)
            static let engagement = Shapes(rawValue: 2)
            static let country = Shapes(rawValue: 4)
            static let both = Shapes(rawValue: 8)
        }

        var shape: Shapes {
            switch (engagement, country) {
            case (nil, nil): .rule
            case (_?, nil): .engagement
            case (nil, _?): .country
            case (_?, _?): .both
            }
        }

        /// The keys of the given shapes a finding belongs to (so each bucket holds the
        /// finding once).
        static func all(rule: String, engagement: String?, country: String?, shapes: Shapes) -> [BucketKey] {
            var keys: [BucketKey] = []
            if shapes.contains(.rule) { keys.append(BucketKey(rule: rule, engagement: nil, country: nil)) }
            if shapes.contains(.engagement), let engagement { keys.append(BucketKey(rule: rule, engagement: engagement, country: nil)) }
            if shapes.contains(.country), let country { keys.append(BucketKey(rule: rule, engagement: nil, country: country)) }
            if shapes.contains(.both), let engagement, let country {
                keys.append(BucketKey(rule: rule, engagement: engagement, country: country))
            }
            return keys
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

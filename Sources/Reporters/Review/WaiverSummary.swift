import Policy
import Reference
import SourceText

/// The plan's waivers (its own `waivers:` and those from `--waivers` files that apply to
/// it), sorted into active, expiring soon (active, expiring within 90 days of the plan
/// date), expired and unused (active but matching no finding).
public struct WaiverSummary: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let rule: String
        /// `engagement tier1-support, country PH`, or `whole plan`.
        let scope: String
        let reason: String
        let approvedBy: String
        let ticket: String?
        let expires: String
        /// Days from the plan date to the expiry (negative once expired).
        let daysLeft: Int
        /// How many findings it waives.
        let waives: Int
        /// `examples/plans/x.yaml:93`.
        public let location: String
    }

    let active: [Entry]
    let expiringSoon: [Entry]
    let expired: [Entry]
    let unused: [Entry]

    public var isEmpty: Bool { active.isEmpty && expiringSoon.isEmpty && expired.isEmpty && unused.isEmpty }

    init(waivers: [Waiver], findings: [Finding], plan: Plan, path: (String) -> String) {
        var active: [Entry] = [], soon: [Entry] = [], expired: [Entry] = [], unused: [Entry] = []
        // Expiry as the run judged it (the later of the plan date and the run date).
        let expiredAt = Set(findings.filter { $0.kind == .waiverExpired }.compactMap(\.location))
        var waivedBy: [SourceSpan: Int] = [:]
        for finding in findings { if let span = finding.waiver?.location { waivedBy[span, default: 0] += 1 } }
        for waiver in waivers where waiver.plan == nil || waiver.plan == plan.id {
            let span = waiver.span
            let waives = waivedBy[span] ?? 0
            var scope: [String] = []
            if let engagement = waiver.engagement { scope.append("engagement \(engagement)") }
            if let country = waiver.country { scope.append("country \(country)") }
            let days = waiver.expires.daysSinceEpoch - plan.date.daysSinceEpoch
            let entry = Entry(rule: waiver.rule, scope: scope.isEmpty ? "whole plan" : scope.joined(separator: ", "),
                              reason: waiver.reason, approvedBy: waiver.approvedBy, ticket: waiver.ticket,
                              expires: waiver.expires.description, daysLeft: days, waives: waives,
                              location: "\(path(span.path)):\(span.start.line)")
            if expiredAt.contains(span) {
                expired.append(entry)
            } else if waives == 0 {
                unused.append(entry)
            } else if days <= ReviewVerdict.expiringWindowDays {
                soon.append(entry)
            } else {
                active.append(entry)
            }
        }
        self.active = active
        self.expiringSoon = soon
        self.expired = expired
        self.unused = unused
    }
}

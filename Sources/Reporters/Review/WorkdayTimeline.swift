import Foundation
import Policy
import Reference

/// Each location's working hours converted to the company's local time on the plan
/// date, against the company's business day: the overlap at a glance.
///
/// The axis is the company's calendar day on the plan date, 00:00…24:00 local. A
/// location's shifts starting on the day before, the same day and the day after (in its
/// own zone, each converted with the offset in force at that moment — the same rule as
/// `location.overlap_hours`) are clipped to the axis, so a shift crossing midnight shows
/// as two pieces (it wraps). The company's own hours are drawn the same way.
///
/// A row whose location fails a loaded rule on `overlap_hours` carries that rule and the
/// minimum it asks for; `limits` lists every such minimum the loaded rules set.
struct WorkdayTimeline: Sendable, Hashable {
    /// A stretch of the axis, in minutes after the company's local midnight (0…1440).
    struct Segment: Sendable, Hashable {
        public let start: Int
        let end: Int

        init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    struct Row: Sendable, Hashable {
        /// `Manila, PH`.
        let label: String
        public let engagement: String
        /// `21:00-06:00 Asia/Manila`.
        let localHours: String
        let segments: [Segment]
        let overlapHours: Double
        let offshore: Bool
        /// The failing overlap finding on this location, if any.
        let shortfall: Shortfall?

        /// `below 4.0 h (TZ-002)`, or nil when the row passes every overlap rule.
        var shortfallText: String? {
            shortfall.map { f in f.minimum.map { "below \(ReviewText.hours($0)) (\(f.rule))" } ?? "fails \(f.rule)" }
        }
    }

    /// A location that fails a rule on its overlap: the rule and the minimum its assert
    /// sets (nil when the assert has no constant minimum).
    struct Shortfall: Sendable, Hashable {
        public let rule: String
        let minimum: Double?
    }

    /// A minimum overlap set by a loaded, enabled location rule: `TZ-001 ≥ 2 h`.
    struct Limit: Sendable, Hashable {
        public let rule: String
        let minimum: Double
    }

    /// `09:00-17:00 America/New_York`.
    let companyLabel: String
    let businessDay: [Segment]
    let rows: [Row]
    let date: String
    public let limits: [Limit]

    init(plan: Plan, findings: [Finding] = [], rules: RuleSet? = nil) {
        date = plan.date.description
        let company = plan.company
        companyLabel = "\(company.hours) \(company.timezone)"
        let companyZone = TimeZones.zone(company.timezone)
        if let companyZone {
            businessDay = Self.segments(of: company.hours, zone: companyZone, on: plan.date, axisZone: companyZone)
        } else {
            businessDay = []
        }
        let overlapRules = Self.overlapRules(rules)
        let minimumByRule = Dictionary(overlapRules.map { ($0.id, $0.lowerLimit(on: "overlap_hours")) }, uniquingKeysWith: { a, _ in a })
        limits = Self.overlapLimits(rules)
        // The strictest failing overlap finding per location path.
        var shortfalls: [String: Shortfall] = [:]
        for finding in findings where finding.isFailing && finding.kind == .violation {
            guard let path = finding.path, let minimum = minimumByRule[finding.rule] else { continue }
            let candidate = Shortfall(rule: finding.rule, minimum: minimum)
            if let known = shortfalls[path], (known.minimum ?? 0) >= (minimum ?? 0) { continue }
            shortfalls[path] = candidate
        }
        var rows: [Row] = []
        for engagement in plan.engagements {
            for location in engagement.locations {
                var segments: [Segment] = []
                if let companyZone, let zone = TimeZones.zone(location.timezone) {
                    segments = Self.segments(of: location.hours, zone: zone, on: plan.date, axisZone: companyZone)
                }
                rows.append(Row(
                    label: location.city.map { "\($0), \(location.country)" } ?? location.country,
                    engagement: engagement.id, localHours: "\(location.hours) \(location.timezone)" + Self.hubNote(engagement),
                    segments: segments, overlapHours: location.overlapHours, offshore: location.offshore,
                    shortfall: shortfalls["\(engagement.path).locations[\(location.index)]"]))
            }
        }
        self.rows = rows
    }

    /// ` · overlap measured against its hub, London (08:00-16:00 Europe/London)` for an
    /// engagement that reports to a hub: the bars show the company's day, the overlap
    /// figure the hub's.
    static func hubNote(_ engagement: Engagement) -> String {
        guard let hub = engagement.reportsTo else { return "" }
        return " · overlap measured against its hub" + (hub.city.map { ", \($0)" } ?? "") + " (\(hub.hours) \(hub.timezone))"
    }

    /// The loaded, enabled location rules that read `overlap_hours`.
    static func overlapRules(_ rules: RuleSet?) -> [Rule] {
        (rules?.enabledRules ?? []).filter { $0.scope == .location && $0.assertReads(field: "overlap_hours") }
    }

    /// The minimum overlap each of those rules sets, where its assert has one.
    static func overlapLimits(_ rules: RuleSet?) -> [Limit] {
        overlapRules(rules).compactMap { rule in rule.lowerLimit(on: "overlap_hours").map { Limit(rule: rule.id, minimum: $0) } }
    }

    /// `hours` worked in `zone` on the days around `date`, as merged segments of the
    /// company's calendar day `date` in `axisZone`.
    static func segments(of hours: BusinessHours, zone: TimeZone, on date: CivilDate, axisZone: TimeZone) -> [Segment] {
        var pieces: [(Int, Int)] = []
        for offset in -1...1 {
            guard let day = date.adding(days: offset) else { continue }
            let interval = Overlap.interval(of: hours, on: day, in: zone)
            let start = axisMinute(interval.start, date: date, zone: axisZone)
            let end = axisMinute(interval.end, date: date, zone: axisZone)
            let s = max(0, start), e = min(1440, end)
            if e > s { pieces.append((s, e)) }
        }
        pieces.sort { $0.0 < $1.0 }
        var merged: [Segment] = []
        for piece in pieces {
            if let last = merged.last, piece.0 <= last.end {
                merged[merged.count - 1] = Segment(start: last.start, end: max(last.end, piece.1))
            } else {
                merged.append(Segment(start: piece.0, end: piece.1))
            }
        }
        return merged
    }

    /// The wall-clock minute in `zone` of an instant, counted from midnight starting `date`.
    static func axisMinute(_ seconds: Double, date: CivilDate, zone: TimeZone) -> Int {
        let offset = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
        let local = seconds + offset - Double(date.daysSinceEpoch) * 86_400
        return Int((local / 60).rounded())
    }

    /// Minutes of `segments` that fall inside `other`.
    static func intersection(_ segments: [Segment], _ other: [Segment]) -> [Segment] {
        var result: [Segment] = []
        for a in segments {
            for b in other {
                let s = max(a.start, b.start), e = min(a.end, b.end)
                if e > s { result.append(Segment(start: s, end: e)) }
            }
        }
        return result.sorted { $0.start < $1.start }
    }

    /// Whether minute `m` (0…1439) is inside any segment.
    static func covers(_ segments: [Segment], _ m: Int) -> Bool {
        segments.contains { $0.start <= m && m < $0.end }
    }
}

import Policy
import Reference

/// How the review stays readable (and linear) for a plan of thousands of engagements:
/// tables and charts that cannot usefully show every row show the most important ones,
/// and the report says in one sentence what was left out and what stands in for it.
/// Plans under the limits are shown in full.
enum ReviewSummary {
    /// Sourcing-map rows shown at most: the most severe engagements.
    static let sourcingMapLimit = 500
    /// Bars of the spend-by-provider chart drawn at most: the largest providers.
    static let chartBarLimit = 30
    /// Rows of the working-hours chart drawn at most: the most common place and hours.
    static let timelineRowLimit = 60

    /// The sourcing map: every row, or (over `limit`) the `limit` most severe in plan
    /// order, with a sentence that counts the rest by mark.
    static func sourcingMap(_ rows: [SourcingMapRow], limit: Int) -> (rows: [SourcingMapRow], note: String?) {
        guard rows.count > limit else { return (rows, nil) }
        let kept = Set(rows.indices.sorted { a, b in
            rows[a].mark != rows[b].mark ? rows[a].mark > rows[b].mark : a < b
        }.prefix(limit))
        var shown: [SourcingMapRow] = []
        var rest: [ReviewMark: Int] = [:]
        for (i, row) in rows.enumerated() {
            if kept.contains(i) { shown.append(row) } else { rest[row.mark, default: 0] += 1 }
        }
        let n = { (x: Int) in ReviewText.grouped(Int64(x)) }
        let note = "Sourcing map: the \(n(limit)) most severe of \(n(rows.count)) engagements are listed; the other "
            + "\(n(rows.count - limit)) are \(n(rest[.error] ?? 0)) failing, \(n(rest[.warning] ?? 0)) with warnings and "
            + "\(n(rest[.clear] ?? 0)) clear. Headcount by country and the findings below cover every engagement."
        return (shown, note)
    }

    /// The `limit` largest of `bars` (by value, then order), how many were left out and
    /// their combined share.
    static func largest(_ bars: [(label: String, value: Double, valueText: String, share: Double)], limit: Int)
        -> (kept: [(label: String, value: Double, valueText: String, share: Double)], omitted: Int, omittedShare: Double)
    {
        guard bars.count > limit else { return (bars, 0, 0) }
        let order = bars.indices.sorted { bars[$0].value != bars[$1].value ? bars[$0].value > bars[$1].value : $0 < $1 }
        let kept = order.prefix(limit).map { bars[$0] }
        let omittedShare = order.dropFirst(limit).reduce(0.0) { $0 + bars[$1].share }
        return (kept, bars.count - limit, omittedShare)
    }
}

extension WorkdayTimeline {
    /// The timeline of a plan with more locations than `limit`: one row per distinct
    /// place, zone and hours (they draw the same bars), the `limit` most common of them,
    /// each naming how many locations it stands for; and the sentence that says so.
    static func summarising(_ plan: Plan, limit: Int, rules: RuleSet? = nil) -> (timeline: WorkdayTimeline, note: String) {
        struct Group {
            let first: Location
            let engagement: String
            var count: Int
        }
        var groups: [Group] = []
        var position: [String: Int] = [:]
        var total = 0
        for engagement in plan.engagements {
            for location in engagement.locations {
                total += 1
                let key = "\(location.city ?? "")\u{0}\(location.country)\u{0}\(location.timezone)\u{0}\(location.hours)"
                if let i = position[key] {
                    groups[i].count += 1
                } else {
                    position[key] = groups.count
                    groups.append(Group(first: location, engagement: engagement.id, count: 1))
                }
            }
        }
        let kept = groups.indices.sorted { groups[$0].count != groups[$1].count ? groups[$0].count > groups[$1].count : $0 < $1 }
            .prefix(limit)
        let rows = kept.map { groups[$0] }.map { group in
            (location: group.first, engagement: group.count == 1 ? group.engagement : "\(ReviewText.grouped(Int64(group.count))) locations")
        }
        let shown = kept.reduce(0) { $0 + groups[$1].count }
        let n = { (x: Int) in ReviewText.grouped(Int64(x)) }
        let note = "Working hours: \(n(rows.count)) rows stand for the \(n(rows.count)) most common of \(n(groups.count)) distinct "
            + "place and hours combinations (\(n(shown)) of \(n(total)) locations); each names how many locations it stands for."
        return (WorkdayTimeline(plan: plan, rows: rows, limits: WorkdayTimeline.overlapLimits(rules)), note)
    }

    /// The timeline of `plan` drawing only `rows` (a location each, with the engagement
    /// text its row shows). A row standing for many locations marks no shortfall; the
    /// loaded rules' minimums are still listed.
    private init(plan: Plan, rows chosen: [(location: Location, engagement: String)], limits: [Limit]) {
        date = plan.date.description
        self.limits = limits
        let company = plan.company
        companyLabel = "\(company.hours) \(company.timezone)"
        let companyZone = TimeZones.zone(company.timezone)
        businessDay = companyZone.map { Self.segments(of: company.hours, zone: $0, on: plan.date, axisZone: $0) } ?? []
        rows = chosen.map { chosen in
            let location = chosen.location
            var segments: [Segment] = []
            if let companyZone, let zone = TimeZones.zone(location.timezone) {
                segments = Self.segments(of: location.hours, zone: zone, on: plan.date, axisZone: companyZone)
            }
            return Row(label: location.city.map { "\($0), \(location.country)" } ?? location.country,
                       engagement: chosen.engagement, localHours: "\(location.hours) \(location.timezone)",
                       segments: segments, overlapHours: location.overlapHours, offshore: location.offshore,
                       shortfall: nil)
        }
    }
}

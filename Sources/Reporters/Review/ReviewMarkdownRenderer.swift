/// The review as GitHub-flavoured Markdown (for a pull request, a wiki page or a ticket).
/// Every plan string is escaped with `ReviewEscaping.markdown`; pictures are tables with
/// bars in code spans (which hold only generated characters).
enum ReviewMarkdownRenderer {
    public static func render(_ review: ReviewReport) -> String {
        var out: [String] = []
        let e = ReviewEscaping.markdown
        let v = review.verdict

        // Verdict
        out.append("# Verdict: \(v.mark.symbol) \(v.headline)")
        out.append("")
        out.append("**\(v.reason)** \(v.counts).")
        out.append("")
        let title = review.title.map { "\(e($0)) (\(e(review.planID)))" } ?? e(review.planID)
        out.append("- **Plan:** \(title), \(e(review.planFile))")
        out.append("- **Plan date:** \(e(review.planDate))")
        let c = review.company
        out.append("- **Company:** \(e(c.name)), \(e(c.countryName)) (\(e(c.country))); business day \(e(c.hours)) \(e(c.timezone))")
        for note in review.inputNotes { out.append("- **Input note:** \(e(note))") }
        for note in review.summaries { out.append("- **Summarised:** \(e(note))") }
        out.append("")
        if !review.policyChanges.isEmpty {
            out.append("## Policy changes")
            out.append("")
            out.append("shore.yaml overrides the rule files for \(SummaryText.counted(review.policyChanges.count, "rule")):")
            out.append("")
            for change in review.policyChanges {
                let title = change.ruleTitle.map { " (\(e($0)))" } ?? ""
                out.append("- **\(e(change.rule))**\(title): \(e(change.change))")
            }
            out.append("")
        }

        // Sourcing map
        out.append("## Sourcing map")
        out.append("")
        out.append("| Status | Engagement | Provider (kind, country) | Model | Locations | Headcount | Highest data | Languages | Overlap | Annual cost |")
        out.append("|---|---|---|---|---|--:|---|---|--:|--:|")
        for row in review.sourcingMap {
            let service = row.service.map { " (\(e($0)))" } ?? ""
            let cells = [
                row.statusText,
                e(row.id) + service,
                "\(e(row.provider)) (\(e(row.providerKind)), \(e(row.providerCountry)))",
                e(row.model),
                row.places.map { e($0.label) }.joined(separator: "; "),
                ReviewText.grouped(row.headcount),
                row.highestClassification.map(e) ?? "—",
                row.languages.isEmpty ? "—" : row.languages.map(e).joined(separator: ", "),
                row.overlapText,
                e(row.costText),
            ]
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("✗ failing error · ! failing warning · ✓ clear. Overlap: hours of the company's business day the location works, on the plan date.")
        out.append("")

        // Pictures
        out.append("## Pictures")
        out.append("")
        for chart in [review.headcountByCountry, review.spendByProvider] {
            out += shareChart(chart)
        }
        out += matrix(review.dataMatrix)
        out += timeline(review.timeline, company: review.company)

        // Findings
        out.append("## Findings by engagement")
        out.append("")
        if review.findingGroups.isEmpty { out.append("No findings."); out.append("") }
        for group in review.findingGroups {
            let subtitle = group.subtitle.map { " — " + e($0) } ?? ""
            out.append("### \(group.mark.symbol) \(e(group.heading))\(subtitle)")
            out.append("")
            for f in group.findings {
                out.append("- \(f.markSymbol) **\(f.label) \(e(f.rule))**: \(e(f.message))")
                for (label, value) in f.details { out.append("  - \(label): \(e(value))") }
            }
            out.append("")
        }
        if !review.clearEngagements.isEmpty {
            out.append("✓ No findings: \(review.clearEngagements.map(e).joined(separator: ", ")).")
            out.append("")
        }

        // Waivers
        out.append("## Waivers")
        out.append("")
        let w = review.waivers
        out.append("\(w.active.count) active, \(w.expiringSoon.count) expiring within \(ReviewVerdict.expiringWindowDays) days, \(w.expired.count) expired, \(w.unused.count) unused.")
        out.append("")
        if !w.isEmpty {
            out.append("| Status | Rule | Scope | Expires | Approved by | Ticket | Waives | Reason | Where |")
            out.append("|---|---|---|---|---|---|--:|---|---|")
            for (status, entries) in waiverGroups(w) {
                for x in entries {
                    let cells = [status, e(x.rule), e(x.scope), "\(e(x.expires)) (\(days(x.daysLeft)))", e(x.approvedBy),
                                 x.ticket.map(e) ?? "—", String(x.waives), e(x.reason), e(x.location)]
                    out.append("| " + cells.joined(separator: " | ") + " |")
                }
            }
            out.append("")
        }

        // Checklist
        out.append("## Sign-off checklist")
        out.append("")
        out.append("What each engagement still needs, from its failing findings: missing contract controls named by the rules, then each rule's remediation.")
        out.append("")
        for section in review.checklist.sections {
            out.append("### \(section.engagement.map(e) ?? "Plan-wide")")
            out.append("")
            for item in section.items {
                let rules = item.rules.map(e).joined(separator: ", ")
                out.append(item.isControl ? "- [ ] Add the control **\(e(item.text))** (\(rules))" : "- [ ] \(e(item.text)) (\(rules))")
            }
            out.append("")
        }
        if review.checklist.sections.isEmpty { out.append("Nothing outstanding."); out.append("") }
        out.append("### Sign-off")
        out.append("")
        for who in review.checklist.signOffs { out.append("- [ ] \(e(who))") }
        return out.joined(separator: "\n") + "\n"
    }

    static func shareChart(_ chart: ShareChart) -> [String] {
        let e = ReviewEscaping.markdown
        var out: [String] = []
        var heading = "### " + chart.title
        if let t = chart.threshold {
            heading += " (limit \(ReviewText.percent(t))" + (chart.thresholdRule.map { ", \(e($0))" } ?? "") + ")"
        }
        out.append(heading)
        out.append("")
        out.append("| Name | Amount | Share | Bar |")
        out.append("|---|--:|--:|---|")
        for bar in chart.bars {
            let flag = bar.overThreshold ? " ✗ over the limit" : ""
            let picture = TextCharts.bar(share: bar.share, axisMaximum: chart.axisMaximum, threshold: chart.threshold)
            out.append("| \(e(bar.label)) | \(e(bar.valueText)) | \(ReviewText.percent(bar.share)) | `\(picture)`\(flag) |")
        }
        out.append("| *scale* | | | `\(TextCharts.barScale(axisMaximum: chart.axisMaximum, threshold: chart.threshold))` |")
        out.append("")
        return out
    }

    static func matrix(_ matrix: ClassificationMatrix) -> [String] {
        let e = ReviewEscaping.markdown
        var out = ["### Data classification × country", ""]
        guard !matrix.countries.isEmpty else { return out + ["No locations.", ""] }
        out.append("| Classification | " + matrix.countries.map(e).joined(separator: " | ") + " |")
        out.append("|---|" + matrix.countries.map { _ in ":-:|" }.joined())
        for (r, name) in matrix.classifications.enumerated() {
            let cells = matrix.cells[r].map { $0.isEmpty ? "·" : String($0.count) }
            out.append("| \(e(name)) | " + cells.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("Each cell counts the data items of that class handled by an engagement working in that country.")
        out.append("")
        return out
    }

    static func timeline(_ timeline: WorkdayTimeline, company: ReviewCompany) -> [String] {
        let e = ReviewEscaping.markdown
        var out = ["### Working hours in company time (\(e(company.timezone)), \(e(timeline.date)))", ""]
        out.append("| Where | Local hours | Overlap | 00:00–24:00 company time, one character = 30 min |")
        out.append("|---|---|--:|---|")
        out.append("| *hour* | | | `\(TextCharts.dayRuler())` |")
        out.append("| **\(e(company.name))** business day | \(e(timeline.companyLabel)) | | `\(TextCharts.businessDay(timeline.businessDay))` |")
        for row in timeline.rows {
            let picture = TextCharts.day(working: row.segments, business: timeline.businessDay)
            let overlap = ReviewText.hours(row.overlapHours) + (row.shortfallText.map { " ✗ \(e($0))" } ?? "")
            out.append("| \(e(row.label)) (\(e(row.engagement))) | \(e(row.localHours)) | \(overlap) | `\(picture)` |")
        }
        out.append("")
        out.append("█ working during the company's business day · ▒ working outside it · · not working. Shifts crossing midnight wrap around."
            + (ReviewText.overlapLimits(timeline.limits).map { " " + $0 } ?? ""))
        out.append("")
        return out
    }

    static func waiverGroups(_ w: WaiverSummary) -> [(String, [WaiverSummary.Entry])] {
        [("! expiring soon", w.expiringSoon), ("✗ expired", w.expired), ("i unused", w.unused), ("✓ active", w.active)]
    }

    static func days(_ n: Int) -> String {
        n < 0 ? "expired \(-n) days before the plan date" : n == 0 ? "expires on the plan date" : "\(n) days after the plan date"
    }
}

/// The review as plain text for a terminal or an e-mail: aligned columns, bars drawn
/// with █. Plan strings go through `ReviewEscaping.text` (no control characters reach
/// the terminal).
enum ReviewTextRenderer {
    public static func render(_ review: ReviewReport) -> String {
        var out: [String] = []
        let e = ReviewEscaping.text
        let v = review.verdict

        out.append("VERDICT: \(v.mark.symbol) \(v.headline)")
        out.append(v.reason)
        out.append(v.counts + ".")
        out.append("")
        let title = review.title.map { "\(e($0)) (\(e(review.planID)))" } ?? e(review.planID)
        out.append("Plan:       \(title)")
        out.append("File:       \(e(review.planFile))")
        out.append("Plan date:  \(e(review.planDate))")
        let c = review.company
        out.append("Company:    \(e(c.name)), \(e(c.countryName)) (\(e(c.country))); business day \(e(c.hours)) \(e(c.timezone))")
        for note in review.inputNotes { out.append("Note:       \(e(note))") }
        for note in review.summaries { out.append("Summarised: \(e(note))") }
        out.append("")
        if !review.policyChanges.isEmpty {
            out += heading("POLICY CHANGES")
            out.append("shore.yaml overrides the rule files for \(SummaryText.counted(review.policyChanges.count, "rule")):")
            for change in review.policyChanges {
                let title = change.ruleTitle.map { " (\(e($0)))" } ?? ""
                out.append("  \(e(change.rule))\(title): \(e(change.change))")
            }
            out.append("")
        }

        out += heading("SOURCING MAP")
        var rows = [["STATUS", "ENGAGEMENT", "PROVIDER", "MODEL", "LOCATIONS", "HEADCOUNT", "DATA", "LANGUAGES", "OVERLAP", "ANNUAL COST"]]
        for row in review.sourcingMap {
            rows.append([
                row.statusText, e(row.id), "\(e(row.provider)) (\(e(row.providerKind)), \(e(row.providerCountry)))",
                e(row.model), row.places.map { e($0.label) }.joined(separator: "; "), ReviewText.grouped(row.headcount),
                row.highestClassification.map(e) ?? "—", row.languages.isEmpty ? "—" : row.languages.map(e).joined(separator: ", "),
                row.overlapText, e(row.costText),
            ])
        }
        out += table(rows, rightAligned: [5, 8, 9])
        out.append("✗ failing error   ! failing warning   ✓ clear")
        out.append("")

        for chart in [review.headcountByCountry, review.spendByProvider] { out += shareChart(chart) }
        out += matrix(review.dataMatrix)
        out += timeline(review.timeline, company: review.company)

        out += heading("FINDINGS BY ENGAGEMENT")
        if review.findingGroups.isEmpty { out.append("No findings."); out.append("") }
        for group in review.findingGroups {
            let subtitle = group.subtitle.map { " — " + e($0) } ?? ""
            out.append("\(group.mark.symbol) \(e(group.heading))\(subtitle)")
            for f in group.findings {
                out.append("  \(f.markSymbol) \(f.label)[\(e(f.rule))]: \(e(f.message))")
                for (label, value) in f.details {
                    let name = (label.lowercased() + ":").padding(toLength: 12, withPad: " ", startingAt: 0)
                    out.append("      \(name)\(e(value))")
                }
            }
            out.append("")
        }
        if !review.clearEngagements.isEmpty {
            out.append("✓ No findings: \(review.clearEngagements.map(e).joined(separator: ", "))")
            out.append("")
        }

        out += heading("WAIVERS")
        let w = review.waivers
        out.append("\(w.active.count) active, \(w.expiringSoon.count) expiring within \(ReviewVerdict.expiringWindowDays) days, \(w.expired.count) expired, \(w.unused.count) unused")
        for (status, entries) in ReviewMarkdownRenderer.waiverGroups(w) {
            for x in entries {
                out.append("  \(status): \(e(x.rule)) for \(e(x.scope)), expires \(e(x.expires)) (\(ReviewMarkdownRenderer.days(x.daysLeft)))")
                var approval = "      approved by \(e(x.approvedBy))"
                if let ticket = x.ticket { approval += " (\(e(ticket)))" }
                out.append(approval + "; waives \(ReviewVerdict.plural(x.waives, "finding")); \(e(x.location))")
                out.append("      reason: \(e(x.reason))")
            }
        }
        out.append("")

        out += heading("SIGN-OFF CHECKLIST")
        for section in review.checklist.sections {
            out.append(section.engagement.map(e) ?? "Plan-wide")
            for item in section.items {
                let rules = item.rules.map(e).joined(separator: ", ")
                out.append(item.isControl ? "  [ ] add the control \(e(item.text)) (\(rules))" : "  [ ] \(e(item.text)) (\(rules))")
            }
        }
        if review.checklist.sections.isEmpty { out.append("Nothing outstanding.") }
        out.append("Sign-off")
        for who in review.checklist.signOffs { out.append("  [ ] \(e(who))") }
        return out.joined(separator: "\n") + "\n"
    }

    static func heading(_ text: String) -> [String] {
        [text, String(repeating: "=", count: text.count)]
    }

    /// Columns padded to their widest cell; trailing spaces trimmed.
    static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            var line = row.enumerated().map { i, cell in
                rightAligned.contains(i) ? TextCharts.padLeft(cell, widths[i]) : TextCharts.pad(cell, widths[i])
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        } + [""]
    }

    static func shareChart(_ chart: ShareChart) -> [String] {
        let e = ReviewEscaping.text
        var title = chart.title.uppercased()
        if let t = chart.threshold {
            title += " (limit \(ReviewText.percent(t))" + (chart.thresholdRule.map { ", \(e($0))" } ?? "") + ")"
        }
        var out = heading(title)
        let labelWidth = chart.bars.map { e($0.label).count }.max() ?? 0
        let valueWidth = chart.bars.map(\.valueText.count).max() ?? 0
        for bar in chart.bars {
            let picture = TextCharts.bar(share: bar.share, axisMaximum: chart.axisMaximum, threshold: chart.threshold)
            var line = "\(TextCharts.pad(e(bar.label), labelWidth))  \(picture)  \(TextCharts.padLeft(e(bar.valueText), valueWidth))  \(TextCharts.padLeft(ReviewText.percent(bar.share), 6))"
            if bar.overThreshold { line += "  ✗ over the limit" }
            out.append(line)
        }
        out.append(TextCharts.pad("", labelWidth) + "  " + TextCharts.barScale(axisMaximum: chart.axisMaximum, threshold: chart.threshold))
        out.append("")
        return out
    }

    static func matrix(_ matrix: ClassificationMatrix) -> [String] {
        let e = ReviewEscaping.text
        var out = heading("DATA CLASSIFICATION × COUNTRY (data items handled there)")
        var rows = [[""] + matrix.countries.map(e)]
        for (r, name) in matrix.classifications.enumerated() {
            rows.append([e(name)] + matrix.cells[r].map { $0.isEmpty ? "·" : String($0.count) })
        }
        out += table(rows, rightAligned: Set(1..<(matrix.countries.count + 1)))
        return out
    }

    static func timeline(_ timeline: WorkdayTimeline, company: ReviewCompany) -> [String] {
        let e = ReviewEscaping.text
        var out = heading("WORKING HOURS IN COMPANY TIME (\(e(company.timezone)), \(e(timeline.date)))")
        var rows = [["", "", "", TextCharts.dayRuler()]]
        rows.append([e(company.name), e(timeline.companyLabel), "", TextCharts.businessDay(timeline.businessDay)])
        for row in timeline.rows {
            let overlap = ReviewText.hours(row.overlapHours) + (row.shortfallText.map { " ✗ \(e($0))" } ?? "")
            rows.append(["\(e(row.label)) (\(e(row.engagement)))", e(row.localHours), overlap,
                         TextCharts.day(working: row.segments, business: timeline.businessDay)])
        }
        out += table(rows, rightAligned: [2])
        out.append("█ working during the company's business day   ▒ working outside it   · not working (one character = 30 min)")
        if let limits = ReviewText.overlapLimits(timeline.limits) { out.append(limits) }
        out.append("")
        return out
    }
}


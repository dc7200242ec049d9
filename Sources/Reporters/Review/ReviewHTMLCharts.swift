/// The review's charts as plain HTML and CSS, for narrow screens (a phone at 420 px):
/// an SVG laid out for a desktop page shrinks its text to a few pixels there, while these
/// reflow to any width at the page's own font size. The page shows the SVG or these by a
/// CSS media query; both say the same thing, with marks and words beside every colour.
/// Every plan string is escaped with `ReviewEscaping.html`.
enum ReviewHTMLCharts {
    /// `42.2%` of a CSS length, clamped to 0…100.
    static func cssPercent(_ fraction: Double) -> String {
        ReviewSVG.number(min(100, max(0, fraction * 100))) + "%"
    }

    /// A share chart as a list: label and value on one line, a bar under it, the limit as
    /// a dashed line across the bar.
    static func shareList(_ chart: ShareChart) -> String {
        let h = ReviewEscaping.html
        var s = "<ol class=\"bars\">\n"
        for bar in chart.bars {
            s += "<li\(bar.overThreshold ? " class=\"fail\"" : "")><span class=\"label\"><span>\(bar.overThreshold ? "✗ " : "")\(h(bar.label))</span>"
                + "<span>\(h(bar.valueText)) · \(ReviewText.percent(bar.share))\(bar.overThreshold ? " over the limit" : "")</span></span>"
            s += "<span class=\"track\" aria-hidden=\"true\"><span class=\"fill\(bar.overThreshold ? " over" : "")\" style=\"width:\(cssPercent(bar.share / chart.axisMaximum))\"></span>"
            if let t = chart.threshold {
                s += "<span class=\"limit\" style=\"left:\(cssPercent(t / chart.axisMaximum))\"></span>"
            }
            s += "</span></li>\n"
        }
        return s + "</ol>\n"
    }

    /// The classification × country matrix as a table of counts (it scrolls sideways when
    /// there are many countries).
    static func matrixTable(_ matrix: ClassificationMatrix) -> String {
        let h = ReviewEscaping.html
        guard !matrix.countries.isEmpty else { return "<p>No locations.</p>\n" }
        var s = "<div class=\"scroll\"><table class=\"compact\">\n<thead><tr><th scope=\"col\">Class</th>"
        s += matrix.countries.map { "<th scope=\"col\" class=\"num\">\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (r, name) in matrix.classifications.enumerated() {
            s += "<tr><th scope=\"row\">\(h(name))</th>"
            s += matrix.cells[r].map { $0.isEmpty ? "<td class=\"num\">·</td>" : "<td class=\"num\">\($0.count)</td>" }.joined()
            s += "</tr>\n"
        }
        return s + "</tbody></table></div>\n"
    }

    /// The working-hours timeline as a list: each location's label and overlap on one
    /// line, its day under it (business day band, hours worked, overlap in green).
    static func timelineList(_ timeline: WorkdayTimeline, company: ReviewCompany) -> String {
        let h = ReviewEscaping.html
        func segments(_ segs: [WorkdayTimeline.Segment], _ cls: String) -> String {
            segs.map { "<span class=\"\(cls)\" style=\"left:\(cssPercent(Double($0.start) / 1440));width:\(cssPercent(Double($0.end - $0.start) / 1440))\"></span>" }
                .joined()
        }
        let day = segments(timeline.businessDay, "day")
        var s = "<ol class=\"bars\">\n"
        s += "<li><span class=\"label\"><span><strong>\(h(company.name))</strong> business day</span><span>\(h(timeline.companyLabel))</span></span>"
            + "<span class=\"track\" aria-hidden=\"true\">\(segments(timeline.businessDay, "seg own"))</span></li>\n"
        for row in timeline.rows {
            let failing = row.shortfall != nil
            s += "<li\(failing ? " class=\"fail\"" : "")><span class=\"label\"><span>\(failing ? "✗ " : "")\(h(row.label)) · \(h(row.engagement))"
                + "<br><small>\(h(row.localHours))</small></span>"
                + "<span>\(ReviewText.hours(row.overlapHours))\(row.shortfallText.map { " " + h($0) } ?? "")</span></span>"
            s += "<span class=\"track\" aria-hidden=\"true\">\(day)\(segments(row.segments, "seg"))"
                + "\(segments(WorkdayTimeline.intersection(row.segments, timeline.businessDay), "seg in"))</span></li>\n"
        }
        s += "</ol>\n<p class=\"axis\" aria-hidden=\"true\"><span>00:00</span><span>12:00</span><span>24:00</span></p>\n"
        return s
    }
}

/// The review's charts as inline SVG (for the HTML report). Each chart is an
/// `role="img"` SVG with a `<title>` and a `<desc>` that says in words what it shows;
/// every plan string is escaped with `ReviewEscaping.html` (SVG inside HTML is parsed by
/// the HTML parser, so the same escaping applies). Marks beside the bars carry the same
/// information as the colours.
enum ReviewSVG {
    static let font = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\""

    /// `name` cut to `limit` characters with an ellipsis.
    static func truncate(_ name: String, _ limit: Int) -> String {
        name.count <= limit ? name : String(name.prefix(limit - 1)) + "…"
    }

    static func number(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    // MARK: Share bars

    static func shareChart(_ chart: ShareChart, id: String) -> String {
        let h = ReviewEscaping.html
        let labelRight = 196.0, barLeft = 206.0, barWidth = 440.0, valueLeft = 660.0, width = 960.0
        let rowHeight = 30.0, top = 26.0
        let height = top + rowHeight * Double(max(1, chart.bars.count)) + 30
        let scale = barWidth / chart.axisMaximum
        var desc = chart.bars.map { "\($0.label): \($0.valueText), \(ReviewText.percent($0.share))\($0.overThreshold ? ", over the limit" : "")" }
            .joined(separator: "; ")
        if let t = chart.threshold { desc += ". Limit: \(ReviewText.percent(t))." }
        var s = "<svg role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" \(font) font-size=\"13\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<title id=\"\(id)-t\">\(h(chart.title))</title>\n<desc id=\"\(id)-d\">\(h(desc))</desc>\n"
        // Grid and axis labels every 10%.
        let steps = Int((chart.axisMaximum * 10).rounded())
        for i in 0...max(1, steps) {
            let x = barLeft + Double(i) * 0.1 * scale
            s += "<line x1=\"\(number(x))\" y1=\"\(number(top - 4))\" x2=\"\(number(x))\" y2=\"\(number(height - 24))\" stroke=\"#e4e7ec\"/>\n"
            s += "<text x=\"\(number(x))\" y=\"\(number(height - 8))\" text-anchor=\"middle\" fill=\"#475467\">\(i * 10)%</text>\n"
        }
        for (i, bar) in chart.bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let w = max(1, bar.share * scale)
            let fill = bar.overThreshold ? "#d92d20" : "#2e90fa"
            s += "<g><title>\(h(bar.label)): \(h(bar.valueText)), \(ReviewText.percent(bar.share))</title>\n"
            s += "<text x=\"\(number(labelRight))\" y=\"\(number(y + 18))\" text-anchor=\"end\" fill=\"#101828\">\(h(truncate(bar.label, 28)))</text>\n"
            s += "<rect x=\"\(number(barLeft))\" y=\"\(number(y + 5))\" width=\"\(number(w))\" height=\"\(number(rowHeight - 10))\" fill=\"\(fill)\""
                + (bar.overThreshold ? " stroke=\"#7a271a\" stroke-width=\"1.5\"" : "") + "/>\n"
            let flag = bar.overThreshold ? " ✗ over the limit" : ""
            s += "<text x=\"\(number(valueLeft))\" y=\"\(number(y + 18))\" fill=\"\(bar.overThreshold ? "#b42318" : "#101828")\""
                + (bar.overThreshold ? " font-weight=\"700\"" : "") + ">\(h(bar.valueText)) · \(ReviewText.percent(bar.share))\(flag)</text></g>\n"
        }
        if let t = chart.threshold {
            let x = barLeft + t * scale
            s += "<line x1=\"\(number(x))\" y1=\"\(number(top - 6))\" x2=\"\(number(x))\" y2=\"\(number(height - 24))\" stroke=\"#b42318\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
            s += "<text x=\"\(number(x + 4))\" y=\"\(number(top - 10))\" fill=\"#b42318\" font-weight=\"700\">limit \(ReviewText.percent(t))"
                + (chart.thresholdRule.map { " (\(h($0)))" } ?? "") + "</text>\n"
        }
        return s + "</svg>"
    }

    // MARK: Classification × country

    static func matrix(_ matrix: ClassificationMatrix, id: String) -> String {
        let h = ReviewEscaping.html
        let labelWidth = 130.0, cellWidth = 104.0, cellHeight = 36.0, top = 44.0
        let width = labelWidth + cellWidth * Double(max(1, matrix.countries.count)) + 10
        let height = top + cellHeight * Double(max(1, matrix.classifications.count)) + 8
        var parts: [String] = []
        for (r, name) in matrix.classifications.enumerated() {
            let held = zip(matrix.countries, matrix.cells[r]).filter { !$0.1.isEmpty }.map { "\($0.0) (\($0.1.count))" }
            parts.append("\(name): " + (held.isEmpty ? "none" : held.joined(separator: ", ")))
        }
        // Sensitivity, not failure: a blue scale, so a clean engagement never looks alarming.
        let palette = ["#eff8ff", "#d1e9ff", "#84caff", "#2e90fa", "#175cd3", "#194185"]
        var s = "<svg role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" style=\"max-width:100%;height:auto\" \(font) font-size=\"13\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<title id=\"\(id)-t\">Data classification by country</title>\n<desc id=\"\(id)-d\">\(h(parts.joined(separator: "; ")))</desc>\n"
        for (c, code) in matrix.countries.enumerated() {
            let x = labelWidth + Double(c) * cellWidth + cellWidth / 2
            s += "<text x=\"\(number(x))\" y=\"18\" text-anchor=\"middle\" font-weight=\"700\" fill=\"#101828\">\(h(code))</text>\n"
            s += "<text x=\"\(number(x))\" y=\"34\" text-anchor=\"middle\" font-size=\"11\" fill=\"#475467\">\(h(truncate(ReviewText.countryName(code), 15)))</text>\n"
        }
        for (r, name) in matrix.classifications.enumerated() {
            let y = top + Double(r) * cellHeight
            s += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 23))\" text-anchor=\"end\" fill=\"#101828\">\(h(truncate(name, 16)))</text>\n"
            let level = matrix.level(ofRow: r)
            let shade = palette[min(palette.count - 1, max(0, level * palette.count / max(1, matrix.classifications.count) - 1))]
            for (c, items) in matrix.cells[r].enumerated() {
                let x = labelWidth + Double(c) * cellWidth
                let fill = items.isEmpty ? "#f9fafb" : shade
                let ink = items.isEmpty ? "#98a2b3" : (level * 2 > matrix.classifications.count ? "#ffffff" : "#101828")
                let tip = items.isEmpty ? "no \(name) data" : items.joined(separator: "; ")
                s += "<g><title>\(h(matrix.countries[c])) · \(h(name)): \(h(tip))</title>"
                s += "<rect x=\"\(number(x + 2))\" y=\"\(number(y + 2))\" width=\"\(number(cellWidth - 4))\" height=\"\(number(cellHeight - 4))\" rx=\"4\" fill=\"\(fill)\" stroke=\"#d0d5dd\"/>"
                let label = items.isEmpty ? "·" : "\(items.count) item\(items.count == 1 ? "" : "s")"
                s += "<text x=\"\(number(x + cellWidth / 2))\" y=\"\(number(y + 23))\" text-anchor=\"middle\" fill=\"\(ink)\">\(label)</text></g>\n"
            }
        }
        return s + "</svg>"
    }

    // MARK: 24-hour timeline

    /// One row per location: its label and local hours on a line of their own above a
    /// full-width 24-hour bar (so no name is cut), and the overlap at the right on a small
    /// gauge with the minimum the failing rule asks for. A failing row is marked ✗ in red.
    static func timeline(_ timeline: WorkdayTimeline, company: ReviewCompany, id: String) -> String {
        let h = ReviewEscaping.html
        let axisLeft = 16.0, axisWidth = 720.0, gaugeLeft = 770.0, gaugeWidth = 120.0, width = 960.0
        let gaugeHours = max(12.0, (timeline.limits.map(\.minimum) + timeline.rows.map(\.overlapHours)).max() ?? 0)
        let rowHeight = 54.0, top = 44.0
        let rows = timeline.rows.count + 1
        let height = top + rowHeight * Double(rows) + 8
        let perMinute = axisWidth / 1440
        func x(_ minute: Int) -> String { number(axisLeft + Double(minute) * perMinute) }
        func gaugeX(_ hours: Double) -> String { number(gaugeLeft + min(hours, gaugeHours) / gaugeHours * gaugeWidth) }
        var desc = "Company business day \(timeline.companyLabel). "
        desc += timeline.rows.map { row in
            "\(row.label) (\(row.engagement)) works \(row.localHours): \(ReviewText.hours(row.overlapHours)) overlap"
                + (row.shortfall.map { ", fails \($0.rule)" + ($0.minimum.map { " (at least \(ReviewText.hours($0)))" } ?? "") } ?? "")
        }.joined(separator: "; ")
        var s = "<svg role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" \(font) font-size=\"13\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<title id=\"\(id)-t\">Working hours in company time (\(h(company.timezone)), \(h(timeline.date)))</title>\n"
        s += "<desc id=\"\(id)-d\">\(h(desc))</desc>\n"
        let barsTop = top + 20, barsHeight = rowHeight * Double(rows) - 20
        // Business day band behind every row.
        for seg in timeline.businessDay {
            s += "<rect x=\"\(x(seg.start))\" y=\"\(number(barsTop - 4))\" width=\"\(number(Double(seg.end - seg.start) * perMinute))\" "
                + "height=\"\(number(barsHeight + 4))\" fill=\"#eff8ff\" stroke=\"#84caff\" stroke-dasharray=\"4 3\"/>\n"
        }
        // Hour grid and labels; the first and last label stay inside the picture.
        for hour in stride(from: 0, through: 24, by: 3) {
            let anchor = hour == 0 ? "start" : hour == 24 ? "end" : "middle"
            s += "<line x1=\"\(x(hour * 60))\" y1=\"\(number(barsTop - 4))\" x2=\"\(x(hour * 60))\" y2=\"\(number(height - 6))\" stroke=\"#e4e7ec\"/>\n"
            s += "<text x=\"\(x(hour * 60))\" y=\"\(number(top - 16))\" text-anchor=\"\(anchor)\" fill=\"#475467\">\(ReviewText.clock(hour * 60))</text>\n"
        }
        s += "<text x=\"\(number(gaugeLeft))\" y=\"\(number(top - 16))\" fill=\"#475467\">overlap (0–\(number(gaugeHours)) h)</text>\n"
        // The company's own row.
        s += "<text x=\"\(number(axisLeft))\" y=\"\(number(top + 10))\" fill=\"#101828\"><tspan font-weight=\"700\">\(h(truncate(company.name, 60)))</tspan>"
            + "<tspan fill=\"#475467\"> — business day \(h(truncate(timeline.companyLabel, 60)))</tspan></text>\n"
        for seg in timeline.businessDay {
            s += "<rect x=\"\(x(seg.start))\" y=\"\(number(top + 20))\" width=\"\(number(Double(seg.end - seg.start) * perMinute))\" height=\"18\" fill=\"#175cd3\"/>\n"
        }
        for (i, row) in timeline.rows.enumerated() {
            let y = top + rowHeight * Double(i + 1)
            let failing = row.shortfall != nil
            let limitText = row.shortfallText
            s += "<g><title>\(h(row.label)) (\(h(row.engagement))): \(h(row.localHours)), \(ReviewText.hours(row.overlapHours)) overlap"
                + (limitText.map { " — \(h($0))" } ?? "") + "</title>\n"
            s += "<text x=\"\(number(axisLeft))\" y=\"\(number(y + 10))\" fill=\"\(failing ? "#b42318" : "#101828")\">"
                + (failing ? "<tspan font-weight=\"700\">✗ </tspan>" : "")
                + "<tspan font-weight=\"700\">\(h(truncate(row.label, 48)))</tspan> · \(h(truncate(row.engagement, 48)))"
                + "<tspan fill=\"#475467\" font-size=\"12\">  \(h(truncate(row.localHours, 48)))</tspan></text>\n"
            if failing {
                s += "<rect x=\"\(number(axisLeft - 10))\" y=\"\(number(y + 20))\" width=\"4\" height=\"18\" fill=\"#b42318\"/>\n"
            }
            for seg in row.segments {
                s += "<rect x=\"\(x(seg.start))\" y=\"\(number(y + 20))\" width=\"\(number(Double(seg.end - seg.start) * perMinute))\" height=\"18\" fill=\"#98a2b3\"/>\n"
            }
            for seg in WorkdayTimeline.intersection(row.segments, timeline.businessDay) {
                s += "<rect x=\"\(x(seg.start))\" y=\"\(number(y + 20))\" width=\"\(number(Double(seg.end - seg.start) * perMinute))\" height=\"18\" fill=\"#12b76a\" stroke=\"#05603a\"/>\n"
            }
            // Overlap gauge: the hours as a bar, the failing rule's minimum as a dashed tick.
            s += "<rect x=\"\(number(gaugeLeft))\" y=\"\(number(y + 22))\" width=\"\(number(gaugeWidth))\" height=\"14\" fill=\"#f2f4f7\" stroke=\"#d0d5dd\"/>\n"
            s += "<rect x=\"\(number(gaugeLeft))\" y=\"\(number(y + 22))\" width=\"\(number(min(row.overlapHours, gaugeHours) / gaugeHours * gaugeWidth))\" height=\"14\" "
                + "fill=\"\(failing ? "#d92d20" : "#12b76a")\"/>\n"
            if let minimum = row.shortfall?.minimum {
                s += "<line x1=\"\(gaugeX(minimum))\" y1=\"\(number(y + 16))\" x2=\"\(gaugeX(minimum))\" y2=\"\(number(y + 42))\" stroke=\"#b42318\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n"
            }
            s += "<text x=\"\(number(gaugeLeft + gaugeWidth + 8))\" y=\"\(number(y + 34))\" font-weight=\"700\" fill=\"\(failing ? "#b42318" : "#101828")\">"
                + "\(ReviewText.hours(row.overlapHours))</text>\n"
            if let limitText {
                s += "<text x=\"\(number(gaugeLeft))\" y=\"\(number(y + 10))\" font-size=\"12\" fill=\"#b42318\">\(h(limitText))</text>\n"
            }
            s += "</g>\n"
        }
        return s + "</svg>"
    }
}

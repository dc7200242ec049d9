/// Character pictures shared by the Markdown and text renderers. They contain only
/// characters Shore generates (█ ▒ · │ and digits), never plan text, so they need no
/// escaping and can sit inside Markdown code spans.
enum TextCharts {
    /// Width of a share bar, in characters, for the chart's axis maximum.
    static let barWidth = 40

    /// `█████████████████████│██·····`: the share as full blocks over `width` cells for
    /// `axisMaximum`, with `│` at the threshold.
    static func bar(share: Double, axisMaximum: Double, threshold: Double?, width: Int = barWidth) -> String {
        let scale = axisMaximum > 0 ? Double(width) / axisMaximum : 0
        let filled = min(width, max(0, Int((share * scale).rounded())))
        var cells = Array(repeating: Character("█"), count: filled) + Array(repeating: Character("·"), count: width - filled)
        if let threshold {
            let at = min(width, max(0, Int((threshold * scale).rounded())))
            cells.insert("│", at: at)
        }
        return String(cells)
    }

    /// The scale under a bar: `0%` at the left, the axis maximum at the right, and the
    /// threshold's position marked `│40%`.
    static func barScale(axisMaximum: Double, threshold: Double?, width: Int = barWidth) -> String {
        var cells = Array(repeating: Character(" "), count: width + (threshold == nil ? 0 : 1))
        func put(_ text: String, at column: Int) {
            for (i, c) in text.enumerated() where column + i >= 0 && column + i < cells.count { cells[column + i] = c }
        }
        put("0%", at: 0)
        let right = "\(Int((axisMaximum * 100).rounded()))%"
        put(right, at: cells.count - right.count)
        if let threshold, axisMaximum > 0 {
            let at = min(width, max(0, Int((threshold * Double(width) / axisMaximum).rounded())))
            put("│", at: at)
        }
        return String(cells)
    }

    /// Cells per hour on the 24-hour timeline (one cell = 30 minutes).
    static let cellsPerHour = 2

    /// A 48-cell day: `█` where `working` and `business` overlap, `▒` working outside the
    /// business day, `·` not working.
    static func day(working: [WorkdayTimeline.Segment], business: [WorkdayTimeline.Segment]) -> String {
        let step = 60 / cellsPerHour
        var out = ""
        for cell in 0..<(24 * cellsPerHour) {
            let m = cell * step + step / 2
            let w = WorkdayTimeline.covers(working, m)
            out.append(w ? (WorkdayTimeline.covers(business, m) ? "█" : "▒") : "·")
        }
        return out
    }

    /// The company's own row: `█` during the business day, `·` outside it.
    static func businessDay(_ business: [WorkdayTimeline.Segment]) -> String {
        day(working: business, business: business)
    }

    /// `0     3     6     9     12    15    18    21`: hour labels every 3 hours over 48 cells.
    static func dayRuler() -> String {
        var out = ""
        for hour in 0..<24 {
            let label = hour % 3 == 0 ? String(hour) : ""
            out += label + String(repeating: " ", count: cellsPerHour - label.count)
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    /// `s` padded with spaces to `width` characters.
    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// `s` right-aligned in `width` characters.
    static func padLeft(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}

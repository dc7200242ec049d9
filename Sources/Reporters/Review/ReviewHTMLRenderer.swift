/// The review as one self-contained HTML page: inline CSS and SVG, no scripts, no
/// network, no external fonts; readable printed and with assistive technology (headings,
/// table headers, chart titles and descriptions, marks and words beside every colour).
/// Every plan string is escaped with `ReviewEscaping.html`.
public struct ReviewHTMLRenderer: Reporter {
    public init() {}

    public func write(_ review: ReviewReport, to sink: TextSink) {
        Self.write(review, to: sink)
    }

    public static func render(_ review: ReviewReport) -> String {
        let sink = StringSink()
        write(review, to: sink)
        return sink.text
    }

    /// Writes the page a section at a time: the findings (one article each, the bulk of a
    /// large plan's review) in parallel batches (`ParallelRendering`), so the page is
    /// never held whole.
    static func write(_ review: ReviewReport, to sink: TextSink) {
        let h = ReviewEscaping.html
        let v = review.verdict
        var o = ""
        let name = review.title ?? review.planID
        o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        o += "<title>Shore review: \(h(v.headline)) — \(h(name))</title>\n"
        o += "<style>\n\(css)</style>\n</head>\n<body>\n<main>\n"

        // Verdict
        o += "<section id=\"verdict\" class=\"verdict v-\(v.mark.rawValue)\" aria-labelledby=\"verdict-h\">\n"
        o += "<h1 id=\"verdict-h\"><span class=\"mark\" aria-hidden=\"true\">\(v.mark.symbol)</span> Verdict: \(h(v.headline))</h1>\n"
        o += "<p class=\"reason\">\(h(v.reason))</p>\n<ul class=\"counts\">\n"
        let counts: [(Int, String, String, String)] = [
            (v.failingErrors, "failing error", "failing errors", "error"), (v.failingWarnings, "warning", "warnings", "warning"),
            (v.failingInfos, "info", "info", "info"), (v.waived, "waived", "waived", "waived"),
            (v.waiversExpiringSoon, "waiver expiring ≤ \(ReviewVerdict.expiringWindowDays) days",
             "waivers expiring ≤ \(ReviewVerdict.expiringWindowDays) days", "warning"),
            (v.waiversExpired, "expired waiver", "expired waivers", "warning"),
        ]
        for (n, one, many, kind) in counts {
            o += "<li class=\"\(n > 0 ? "c-" + kind : "zero")\"><strong>\(n)</strong> \(h(n == 1 ? one : many))</li>\n"
        }
        o += "</ul>\n<dl class=\"facts\">\n"
        o += "<dt>Plan</dt><dd>\(h(name)) (<code>\(h(review.planID))</code>) — <code>\(path(review.planFile))</code></dd>\n"
        o += "<dt>Plan date</dt><dd>\(h(review.planDate))</dd>\n"
        let c = review.company
        o += "<dt>Company</dt><dd>\(h(c.name)), \(h(c.countryName)) (\(h(c.country))); business day \(h(c.hours)) \(h(c.timezone))</dd>\n"
        for note in review.inputNotes { o += "<dt>Input note</dt><dd>\(h(note))</dd>\n" }
        for note in review.summaries { o += "<dt>Summarised</dt><dd>\(h(note))</dd>\n" }
        o += "</dl>\n</section>\n"
        if !review.policyChanges.isEmpty {
            o += "<section id=\"policy-changes\" aria-labelledby=\"policy-h\">\n<h2 id=\"policy-h\">Policy changes</h2>\n"
            o += "<p>shore.yaml overrides the rule files for \(SummaryText.counted(review.policyChanges.count, "rule")):</p>\n<ul>\n"
            for change in review.policyChanges {
                let title = change.ruleTitle.map { " (\(h($0)))" } ?? ""
                o += "<li><code>\(h(change.rule))</code>\(title): \(h(change.change))</li>\n"
            }
            o += "</ul>\n</section>\n"
        }

        // Sourcing map
        o += "<section id=\"sourcing-map\" aria-labelledby=\"map-h\">\n<h2 id=\"map-h\">Sourcing map</h2>\n<div class=\"scroll\"><table>\n"
        o += "<caption>One row per engagement. Overlap: hours of the company's business day the location works on the plan date.</caption>\n"
        o += "<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Engagement</th><th scope=\"col\">Provider</th><th scope=\"col\">Model</th>"
            + "<th scope=\"col\">Locations</th><th scope=\"col\" class=\"num\">Headcount</th><th scope=\"col\">Highest data</th>"
            + "<th scope=\"col\">Languages</th><th scope=\"col\" class=\"num\">Overlap</th><th scope=\"col\" class=\"num\">Annual cost</th></tr></thead>\n<tbody>\n"
        for row in review.sourcingMap {
            o += "<tr><td class=\"status c-\(row.mark.rawValue)\"><span aria-hidden=\"true\">\(row.mark.symbol)</span> \(row.mark.word)"
                + (row.waived > 0 ? "<br><small>\(row.waived) waived</small>" : "")
                + (row.planWideText.map { "<br><small class=\"c-\(row.planWideMark.rawValue)\">\(h($0))</small>" } ?? "") + "</td>"
            o += "<th scope=\"row\">\(h(row.id))" + (row.service.map { "<br><small>\(h($0))</small>" } ?? "") + "</th>"
            o += "<td>\(h(row.provider))<br><small>\(h(row.providerKind)), \(h(row.providerCountry))</small></td>"
            o += "<td>\(h(row.model))</td>"
            o += "<td>" + row.places.map { "\(h($0.label)) <small>(\(ReviewText.grouped($0.headcount)), \(h($0.hours)))</small>" }.joined(separator: "<br>") + "</td>"
            o += "<td class=\"num\">\(ReviewText.grouped(row.headcount))</td>"
            o += "<td>\(row.highestClassification.map(h) ?? "—")</td>"
            o += "<td>\(row.languages.isEmpty ? "—" : row.languages.map(h).joined(separator: ", "))</td>"
            o += "<td class=\"num\">\(h(row.overlapText))</td>"
            o += "<td class=\"num\">" + (row.annualCost.map { h(ReviewText.money($0, row.currency)) } ?? "—")
                + (row.originalCost.map { "<br><small>\(h($0))</small>" } ?? "") + "</td></tr>\n"
        }
        o += "</tbody></table></div>\n<p class=\"legend\"><span class=\"c-error\">✗ failing error</span> · <span class=\"c-warning\">! failing warning</span> · <span class=\"c-clear\">✓ clear</span></p>\n</section>\n"

        // Charts
        o += "<section id=\"charts\" aria-labelledby=\"charts-h\">\n<h2 id=\"charts-h\">Pictures</h2>\n"
        o += figure(ReviewSVG.shareChart(review.headcountByCountry, id: "chart-headcount"),
                    narrow: ReviewHTMLCharts.shareList(review.headcountByCountry),
                    heading: review.headcountByCountry.title,
                    caption: "Share of all headcount per location country" + limitText(review.headcountByCountry))
        o += figure(ReviewSVG.shareChart(review.spendByProvider, id: "chart-spend"),
                    narrow: ReviewHTMLCharts.shareList(review.spendByProvider),
                    heading: review.spendByProvider.title,
                    caption: "Share of the plan's annual cost per provider" + limitText(review.spendByProvider))
        o += figure(ReviewSVG.matrix(review.dataMatrix, id: "chart-data"),
                    narrow: ReviewHTMLCharts.matrixTable(review.dataMatrix),
                    heading: "Data classification × country",
                    caption: "Data items of each class handled by engagements working in each country; darker = more sensitive, "
                        + "not a finding (hover a cell for the items)")
        o += figure(ReviewSVG.timeline(review.timeline, company: review.company, id: "chart-hours"),
                    narrow: ReviewHTMLCharts.timelineList(review.timeline, company: review.company),
                    heading: "Working hours in company time (\(review.company.timezone), \(review.timeline.date))",
                    caption: "Dashed blue band = the company's business day; green = working during it (overlap); "
                        + "grey = working outside it. Shifts crossing midnight wrap to the other end of the day."
                        + (ReviewText.overlapLimits(review.timeline.limits).map { " " + $0 } ?? ""))
        o += "</section>\n"

        // Findings
        o += "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings by engagement</h2>\n"
        if review.findingGroups.isEmpty { o += "<p>No findings.</p>\n" }
        sink.write(o)
        o = ""
        writeFindings(review.findingGroups, to: sink)
        if !review.clearEngagements.isEmpty {
            o += "<p class=\"c-clear\"><span aria-hidden=\"true\">✓</span> No findings: \(review.clearEngagements.map(h).joined(separator: ", ")).</p>\n"
        }
        o += "</section>\n"

        // Waivers
        let w = review.waivers
        o += "<section id=\"waivers\" aria-labelledby=\"waivers-h\">\n<h2 id=\"waivers-h\">Waivers</h2>\n"
        o += "<p>\(w.active.count) active, \(w.expiringSoon.count) expiring within \(ReviewVerdict.expiringWindowDays) days, \(w.expired.count) expired, \(w.unused.count) unused.</p>\n"
        if !w.isEmpty {
            o += "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Status</th><th scope=\"col\">Rule</th><th scope=\"col\">Scope</th>"
                + "<th scope=\"col\">Expires</th><th scope=\"col\">Approved by</th><th scope=\"col\">Ticket</th><th scope=\"col\" class=\"num\">Waives</th>"
                + "<th scope=\"col\">Reason</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n"
            let classes = ["! expiring soon": "c-warning", "✗ expired": "c-error", "i unused": "c-info", "✓ active": "c-clear"]
            for (status, entries) in ReviewMarkdownRenderer.waiverGroups(w) {
                for x in entries {
                    o += "<tr><td class=\"status \(classes[status] ?? "")\">\(h(status))</td><th scope=\"row\" class=\"nowrap\"><code>\(h(x.rule))</code></th>"
                    o += "<td>\(h(x.scope))</td><td><span class=\"nowrap\">\(h(x.expires))</span><br><small>\(h(ReviewMarkdownRenderer.days(x.daysLeft)))</small></td>"
                    o += "<td>\(h(x.approvedBy))</td><td class=\"nowrap\">\(x.ticket.map(h) ?? "—")</td><td class=\"num\">\(x.waives)</td>"
                    o += "<td>\(h(x.reason))</td><td><code>\(path(x.location))</code></td></tr>\n"
                }
            }
            o += "</tbody></table></div>\n"
        }
        o += "</section>\n"

        // Checklist
        o += "<section id=\"checklist\" aria-labelledby=\"checklist-h\">\n<h2 id=\"checklist-h\">Sign-off checklist</h2>\n"
        o += "<p>What each engagement still needs, from its failing findings: missing contract controls named by the rules, then each rule's remediation.</p>\n"
        var fixes = InlineCodeMemo()
        for section in review.checklist.sections {
            o += "<h3>\(section.engagement.map(h) ?? "Plan-wide")</h3>\n<ul class=\"checklist\">\n"
            for item in section.items {
                let rules = item.rules.map(h).joined(separator: ", ")
                let text = item.isControl ? "Add the control <strong>\(h(item.text))</strong>" : fixes.html(item.text)
                o += "<li><label><input type=\"checkbox\"> \(text) <small>(\(rules))</small></label></li>\n"
            }
            o += "</ul>\n"
        }
        if review.checklist.sections.isEmpty { o += "<p>Nothing outstanding.</p>\n" }
        o += "<h3>Sign-off</h3>\n<ul class=\"checklist signoff\">\n"
        for who in review.checklist.signOffs {
            o += "<li><label><input type=\"checkbox\"> \(h(who))</label> <span class=\"line\">name, date</span></li>\n"
        }
        o += "</ul>\n</section>\n"
        o += "<footer><p>Generated by <code>shore review</code>.</p></footer>\n</main>\n</body>\n</html>\n"
        sink.write(o)
    }

    /// Where one piece of the findings section comes from: a group's heading, one of its
    /// findings, or the end of the group.
    private enum FindingsPiece {
        case groupStart(Int)
        case finding(Int, Int)
        case groupEnd
    }

    /// The findings section's groups, each finding an article.
    private static func writeFindings(_ groups: [FindingGroup], to sink: TextSink) {
        let pieces = groups.indices.flatMap { g in
            [.groupStart(g)] + groups[g].findings.indices.map { FindingsPiece.finding(g, $0) } + [.groupEnd]
        }
        // Each batch keeps its remediations' HTML for the next batch it renders.
        ParallelRendering.write(count: pieces.count, to: sink, buffer: UTF8Text(capacity: 1 << 14),
                                state: InlineCodeMemo()) { range, out, fixes in
            let h = ReviewEscaping.html
            for i in range {
                switch pieces[i] {
                case .groupStart(let g):
                    let group = groups[g]
                    out.append("<section class=\"group\">\n<h3><span class=\"c-\(group.mark.rawValue)\" aria-hidden=\"true\">\(group.mark.symbol)</span> \(h(group.heading))")
                    out.append((group.subtitle.map { " <small>— \(h($0))</small>" } ?? "") + "</h3>\n")
                case .finding(let g, let index):
                    let f = groups[g].findings[index]
                    let cls = f.waived ? "waived" : f.severity.rawValue
                    var o = "<article class=\"finding f-\(cls)\">\n<p class=\"head\"><span class=\"badge c-\(cls)\"><span aria-hidden=\"true\">\(f.markSymbol)</span> \(h(f.label))</span> "
                    o += "<code>\(h(f.rule))</code> \(h(f.message))</p>\n<dl>\n"
                    if let title = f.ruleTitle { o += "<dt>Rule</dt><dd>\(h(title))</dd>\n" }
                    if let location = f.location { o += "<dt>Where</dt><dd><code>\(path(location))</code></dd>\n" }
                    if let waiver = f.waiver { o += "<dt>Waiver</dt><dd>\(h(waiver))</dd>\n" }
                    if let remediation = f.remediation {
                        o += "<dt>Fix</dt><dd>\(fixes.html(remediation))</dd>\n"
                    }
                    if !f.references.isEmpty { o += "<dt>References</dt><dd>\(f.references.map(h).joined(separator: "; "))</dd>\n" }
                    o += "</dl>\n</article>\n"
                    out.append(o)
                case .groupEnd:
                    out.append("</section>\n" as StaticString)
                }
            }
        }
    }

    /// A file path, escaped, that may wrap only after a `/`.
    static func path(_ text: String) -> String {
        ReviewEscaping.html(text).replacingOccurrences(of: "/", with: "/<wbr>")
    }

    /// Rule-author text (a remediation) escaped, with each `backticked` span set as code,
    /// as it reads in the rule file and in Markdown. An unpaired backtick stays as it is.
    static func inlineCode(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false).map { ReviewEscaping.html(String($0)) }
        var o = ""
        for (i, part) in parts.enumerated() {
            // Part i (odd) lies between backtick i and i + 1: code when that one exists.
            if i % 2 == 0 { o += part } else if i < parts.count - 1 { o += "<code>\(part)</code>" } else { o += "`" + part }
        }
        return o
    }

    /// `inlineCode` of each text, worked out once: a rule's remediation is the same text on
    /// every one of its findings and in every engagement's checklist.
    private struct InlineCodeMemo {
        private var rendered: [String: String] = [:]

        mutating func html(_ text: String) -> String {
            if let known = rendered[text] { return known }
            let html = inlineCode(text)
            rendered[text] = html
            return html
        }
    }

    /// A chart under its own heading, with a caption that explains how to read it: the
    /// SVG on wide screens and in print, its HTML form (`narrow`) on a phone.
    static func figure(_ svg: String, narrow: String, heading: String, caption: String) -> String {
        "<h3>\(ReviewEscaping.html(heading))</h3>\n<figure>\n<div class=\"chart-wide\">\n\(svg)\n</div>\n"
            + "<div class=\"chart-narrow\">\n\(narrow)</div>\n<figcaption>\(ReviewEscaping.html(caption))</figcaption>\n</figure>\n"
    }

    static func limitText(_ chart: ShareChart) -> String {
        guard let t = chart.threshold else { return "" }
        return " (limit \(ReviewText.percent(t))" + (chart.thresholdRule.map { ", \($0)" } ?? "") + "; bars over it are red and marked ✗)"
    }

    static let css = """
    :root { --error: #b42318; --warning: #b54708; --clear: #067647; --info: #175cd3; --ink: #101828; --muted: #475467; --line: #d0d5dd; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
    main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; }
    h1 { font-size: 30px; margin: 0 0 4px; }
    h2 { font-size: 22px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
    h3 { font-size: 17px; margin: 22px 0 8px; }
    code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
    small { color: var(--muted); }
    .verdict { border: 2px solid var(--line); border-left: 12px solid var(--line); border-radius: 8px; padding: 16px 20px; }
    .v-error { border-color: var(--error); background: #fef3f2; }
    .v-warning { border-color: var(--warning); background: #fffaeb; }
    .v-clear { border-color: var(--clear); background: #ecfdf3; }
    .v-error h1 { color: var(--error); } .v-warning h1 { color: var(--warning); } .v-clear h1 { color: var(--clear); }
    .reason { font-size: 17px; font-weight: 600; margin: 0 0 10px; }
    .counts { list-style: none; padding: 0; margin: 0 0 12px; display: flex; flex-wrap: wrap; gap: 8px; }
    .counts li { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; background: #fff; }
    .counts li.c-error strong { color: var(--error); } .counts li.c-warning strong { color: var(--warning); }
    .counts li.zero { color: var(--muted); }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
    .facts dt { font-weight: 600; }
    .facts dd { margin: 0; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    caption { text-align: left; color: var(--muted); padding: 0 0 6px; }
    th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    .nowrap { white-space: nowrap; }
    thead th { background: #f2f4f7; }
    tbody th { font-weight: 600; }
    .num { text-align: right; white-space: nowrap; }
    td.status { white-space: nowrap; font-weight: 700; }
    .c-error { color: var(--error); } .c-warning { color: var(--warning); }
    .c-clear { color: var(--clear); } .c-info { color: var(--info); } .c-waived { color: var(--muted); }
    .legend { color: var(--muted); font-size: 14px; }
    figure { margin: 16px 0 28px; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px 10px; }
    figure svg { display: block; }
    figcaption { color: var(--muted); font-size: 14px; margin-top: 8px; }
    .group { border-top: 1px solid var(--line); }
    .finding { border-left: 6px solid var(--line); padding: 6px 12px; margin: 10px 0; background: #fcfcfd; }
    .f-error { border-left-color: var(--error); } .f-warning { border-left-color: var(--warning); }
    .f-info { border-left-color: var(--info); } .f-waived { border-left-color: #98a2b3; border-left-style: dashed; }
    .finding .head { margin: 0 0 4px; font-weight: 600; }
    .finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; font-size: 14px; }
    .finding dt { color: var(--muted); }
    .finding dd { margin: 0; }
    .badge { display: inline-block; border: 1px solid currentColor; border-radius: 4px; padding: 0 6px; font-size: 13px; text-transform: uppercase; }
    .checklist { list-style: none; padding-left: 4px; }
    .checklist li { margin: 4px 0; }
    .checklist input { width: 16px; height: 16px; vertical-align: -2px; margin-right: 6px; }
    .signoff label { display: inline-block; min-width: 150px; }
    .signoff .line { display: inline-block; min-width: 260px; border-bottom: 1px solid var(--ink); color: var(--muted); font-size: 12px; margin-left: 16px; }
    footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
    .chart-narrow { display: none; }
    .bars { list-style: none; padding: 0; margin: 0; }
    .bars li { margin: 4px 0 12px; }
    .bars .label { display: flex; justify-content: space-between; align-items: flex-end; gap: 10px; font-size: 14px; margin-bottom: 3px; }
    .bars .label > span:last-child { text-align: right; white-space: nowrap; }
    .bars li.fail .label { color: var(--error); font-weight: 700; }
    .track { display: block; position: relative; height: 16px; background: #f2f4f7; border: 1px solid var(--line); border-radius: 3px; }
    .track > span { position: absolute; top: 0; bottom: 0; }
    .track .fill { left: 0; background: #2e90fa; }
    .track .fill.over { background: #d92d20; }
    .track .limit { top: -5px; bottom: -5px; border-left: 2px dashed var(--error); }
    .track .day { background: #eff8ff; border-left: 1px dashed #84caff; border-right: 1px dashed #84caff; }
    .track .seg { top: 3px; bottom: 3px; background: #98a2b3; }
    .track .seg.in { background: #12b76a; }
    .track .seg.own { background: #175cd3; }
    .axis { display: flex; justify-content: space-between; color: var(--muted); font-size: 12px; margin: -6px 0 0; }
    table.compact { width: auto; }
    @media (max-width: 640px) {
      main { padding: 16px 14px 32px; }
      h1 { font-size: 24px; }
      figure { padding: 10px 10px 8px; }
      .chart-wide { display: none; }
      .chart-narrow { display: block; }
      .facts { grid-template-columns: 1fr; }
      .facts dd { margin-bottom: 6px; }
    }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      .verdict, .counts li, .finding, figure, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      h2, h3 { break-after: avoid; }
      figure, .finding, tr, .verdict { break-inside: avoid; }
      .scroll { overflow: visible; }
      .chart-wide { display: block; } .chart-narrow { display: none; }
      table { font-size: 9pt; }
    }

    """
}

import Foundation
import Testing
@testable import Reporters

/// What the review's charts claim: limits only from loaded rules, failing rows marked with
/// the rule and its minimum, a phone-width form of every chart, author code spans as code.
@Suite("Review charts")
struct ReviewChartTests {
    /// A policy of one rule that says nothing about concentration or overlap.
    static func ownRulesReview() throws -> ReviewReport {
        let dir = try ReviewFixtures.temporaryDirectory()
        let rules = dir.appendingPathComponent("own.yaml")
        try Data("""
        policy: own
        rules:
          - id: OWN-1
            title: Design work stays in house
            severity: warning
            for: engagement
            assert: engagement.service != 'design'
            message: "{{ engagement.id }} outsources design"
            remediation: "Move `service: design` in house, or add a waiver (an unpaired ` stays)."
        """.utf8).write(to: rules)
        return try #require(ReviewFixtures.review(plan: ReviewFixtures.path("examples/plans/support-expansion-2027.yaml"),
                                                  rules: rules.path).review)
    }

    /// With no loaded rule on headcount share, overlap or spend share, no chart draws a
    /// limit: the review never shows a limit that no rule enforces.
    @Test func noLimitIsDrawnThatNoLoadedRuleSets() throws {
        let review = try Self.ownRulesReview()
        #expect(review.headcountByCountry.threshold == nil)
        #expect(review.headcountByCountry.thresholdRule == nil)
        #expect(review.headcountByCountry.bars.allSatisfy { !$0.overThreshold })
        #expect(review.spendByProvider.threshold == nil)
        #expect(review.timeline.limits.isEmpty)
        #expect(review.timeline.rows.allSatisfy { $0.shortfall == nil })
        for format in [OutputFormat.html, .markdown, .text] {
            let out = review.render(as: format)
            #expect(!out.contains("(limit ") && !out.contains(">limit ") && !out.contains("class=\"limit\""), "\(format) draws a limit")
            #expect(!out.contains("over the limit"), "\(format) flags a bar")
            #expect(!out.contains("Minimum overlap"), "\(format) names an overlap minimum")
        }
    }

    /// Nairobi works 08:00-17:00 Africa/Nairobi = 00:00-09:00 in New York: 0 h overlap,
    /// below TZ-001's 2 h; Oslo at exactly 2.0 h passes (the boundary).
    @Test func aLocationBelowItsRulesMinimumIsMarkedWithTheRule() throws {
        let review = try #require(ReviewFixtures.example().review)
        let timeline = review.timeline
        #expect(timeline.limits.map { "\($0.rule) \($0.minimum)" } == ["TZ-001 2.0"])
        let nairobi = try #require(timeline.rows.first { $0.label == "Nairobi, KE" })
        #expect(nairobi.shortfall?.rule == "TZ-001" && nairobi.shortfall?.minimum == 2.0)
        #expect(nairobi.shortfallText == "below 2.0 h (TZ-001)")
        let oslo = try #require(timeline.rows.first { $0.label == "Oslo, NO" })
        #expect(oslo.overlapHours == 2.0 && oslo.shortfall == nil)
        let html = review.render(as: .html)
        #expect(html.contains("✗ </tspan><tspan font-weight=\"700\">Nairobi, KE</tspan>"))
        #expect(html.contains(">below 2.0 h (TZ-001)</text>"))
        #expect(review.render(as: .markdown).contains("| 0.0 h ✗ below 2.0 h (TZ-001) |"))
        #expect(review.render(as: .text).contains("0.0 h ✗ below 2.0 h (TZ-001)"))
    }

    /// The timeline's labels are whole (no name cut to fit a fixed column), and the first
    /// hour label is anchored inside the picture.
    @Test func timelineLabelsAreNotCut() throws {
        let html = try #require(ReviewFixtures.example().review).render(as: .html)
        #expect(html.contains("<tspan fill=\"#475467\"> — business day 09:00-17:00 America/New_York</tspan>"))
        #expect(html.contains("<tspan font-weight=\"700\">Mexico City, MX</tspan> · back-office"))
        #expect(html.contains("text-anchor=\"start\" fill=\"#475467\">00:00</text>"))
        #expect(html.contains("text-anchor=\"end\" fill=\"#475467\">24:00</text>"))
    }

    /// Every chart has an HTML form for narrow screens, shown by a media query instead of
    /// the SVG (whose text would shrink to a few pixels on a phone).
    @Test func everyChartHasANarrowScreenForm() throws {
        let html = try #require(ReviewFixtures.example().review).render(as: .html)
        #expect(html.components(separatedBy: "<div class=\"chart-wide\">").count - 1 == 4)
        #expect(html.components(separatedBy: "<div class=\"chart-narrow\">").count - 1 == 4)
        #expect(html.contains("@media (max-width: 640px)"))
        #expect(html.contains("<li class=\"fail\"><span class=\"label\"><span>✗ Mexico (MX)</span><span>70 · 42.2% over the limit</span>"))
        #expect(html.contains("<span class=\"limit\" style=\"left:80%\"></span>"))
        #expect(html.contains("<tr><th scope=\"row\">restricted</th><td class=\"num\">1</td>"))
        #expect(HTMLTagChecker.problems(in: html).isEmpty)
    }

    /// Shares always carry one decimal, so a column reads `9.0%` beside `14.5%`.
    @Test func sharesHaveOneDecimal() throws {
        let review = try #require(ReviewFixtures.example().review)
        let text = review.render(as: .text)
        #expect(text.contains("0.6%") && text.contains("limit 40.0%"))
        #expect(review.render(as: .markdown).contains("(limit 40.0%, CONC-001)"))
    }

    /// Sensitivity is not failure: the classification heatmap uses no error red.
    @Test func theClassificationMatrixIsNotRed() throws {
        let html = try #require(ReviewFixtures.example().review).render(as: .html)
        let matrix = try #require(html.components(separatedBy: "<title id=\"chart-data-t\">").dropFirst().first?
            .components(separatedBy: "</svg>").first)
        for red in ["#fef3f2", "#fee4e2", "#fda29b", "#f04438", "#b42318", "#7a271a", "#d92d20"] {
            #expect(!matrix.contains(red), "matrix uses \(red)")
        }
    }

    /// A remediation's `code` spans read as code in HTML; an unpaired backtick stays.
    @Test func remediationBackticksBecomeCode() throws {
        let html = try Self.ownRulesReview().render(as: .html)
        #expect(html.contains("<code>OWN-1</code> brand-design outsources design"))
        #expect(html.contains("<dd>Move <code>service: design</code> in house, or add a waiver (an unpaired ` stays).</dd>"))
    }
}

/// Every cost the review shows is in the company's reporting currency.
@Suite("Review costs in the reporting currency")
struct ReviewCurrencyTests {
    /// 310M INR at the 2025 ECB averages (1 EUR = 1.13 USD = 98.5239 INR) is about
    /// 3,555,482 USD: the spend chart and the sourcing map show that, the map with the
    /// INR amount beside it; the share is of the converted total.
    @Test func costsAreConvertedToTheReportingCurrency() throws {
        let review = try #require(try ReviewFixtures.review(planText: """
        plan: inr
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York, currency: USD }
        engagements:
          - { id: blr, provider: { name: Bangalore Co, kind: agency, country: IN }, locations: [{ country: IN, headcount: 5 }], cost: { annual: 310000000, currency: INR } }
          - { id: atx, provider: { name: Austin Co, kind: agency, country: US }, locations: [{ country: US, timezone: America/Chicago, headcount: 5 }], cost: { annual: 10000000, currency: USD } }
        """).review)
        let bars = review.spendByProvider.bars
        #expect(bars.map(\.valueText) == ["3,555,482 USD", "10,000,000 USD"])
        #expect(bars.map { percent($0.share) } == ["26.2%", "73.8%"])
        #expect(review.sourcingMap.map(\.costText) == ["3,555,482 USD (310,000,000 INR)", "10,000,000 USD"])
    }

    func percent(_ share: Double) -> String {
        String(format: "%.1f%%", (share * 1000).rounded() / 10)
    }
}

/// A team that reports to a hub: its overlap is the hub's, and the timeline says so.
@Suite("Review timeline and hubs")
struct ReviewHubTests {
    @Test func aHubTeamsRowSaysItsOverlapIsTheHubs() throws {
        let review = try #require(try ReviewFixtures.review(planText: """
        plan: hub
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York }
        engagements:
          - id: blr
            provider: { name: Deccan Ops, kind: agency, country: IN }
            reports_to: { city: London, timezone: Europe/London }
            locations: [{ country: IN, city: Bengaluru, hours: "10:00-19:00", headcount: 5 }]
        """).review)
        let row = try #require(review.timeline.rows.first)
        #expect(row.overlapHours == 4.5)
        #expect(row.localHours == "10:00-19:00 Asia/Kolkata · overlap measured against its hub, London (09:00-17:00 Europe/London)")
    }
}

/// A bar is drawn over the limit only where the limit's rule reported it.
@Suite("Review charts flag what the rule reported")
struct ReviewFlaggedBarTests {
    /// Puerto Rico holds 60% of a US company's headcount: over the 40% line, but home
    /// (CONC-001 looks at foreign countries only), so its bar is not a failure; the
    /// sourcing map shows the plan's own INR amount under the converted one.
    @Test func aDomesticCountryOverTheLineIsNotFlagged() throws {
        let review = try #require(try ReviewFixtures.review(planText: """
        plan: pr
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York, currency: USD }
        engagements:
          - { id: sj, provider: { name: Isla Co, kind: agency, country: PR }, locations: [{ country: PR, timezone: America/Puerto_Rico, headcount: 60 }], cost: { annual: 100, currency: USD } }
          - { id: blr, provider: { name: Deccan Co, kind: agency, country: IN }, locations: [{ country: IN, hours: "19:30-03:30", headcount: 40 }], cost: { annual: 9852.39, currency: INR } }
        """, rules: ReviewFixtures.path("rules")).review)
        #expect(review.headcountByCountry.threshold == 0.4)
        #expect(review.headcountByCountry.bars.map(\.label) == ["Puerto Rico (PR)", "India (IN)"])
        #expect(review.headcountByCountry.bars.allSatisfy { !$0.overThreshold })
        #expect(review.spendByProvider.bars.filter(\.overThreshold).map(\.label) == ["Deccan Co"])  // 113 of 213 USD
        let html = review.render(as: .html)
        #expect(html.contains("<td class=\"num\">113 USD<br><small>9,852 INR</small></td>"), "\(html.components(separatedBy: "Annual cost").count)")
    }
}

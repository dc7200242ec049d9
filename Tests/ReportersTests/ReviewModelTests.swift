import Foundation
import Testing
@testable import Policy
@testable import Reporters

/// What the review model says about the shared example and about small plans.
@Suite("Review model")
struct ReviewModelTests {
    @Test func exampleVerdictAndCounts() throws {
        let review = try #require(ReviewFixtures.example().review)
        #expect(review.verdict.outcome == .blocked)
        #expect(review.verdict.failingErrors == 7)
        #expect(review.verdict.failingWarnings == 2)
        #expect(review.verdict.waived == 1)
        #expect(review.verdict.waiversExpired == 1)
        #expect(review.verdict.waiversExpiringSoon == 0)
        #expect(review.planFile == "examples/plans/support-expansion-2027.yaml")
    }

    @Test func sourcingMapHasOneRowPerEngagement() throws {
        let review = try #require(ReviewFixtures.example().review)
        let rows = review.sourcingMap
        #expect(rows.map(\.id) == ["tier1-support", "app-maintenance", "brand-design", "back-office", "data-labeling"])
        #expect(rows.map(\.mark) == [.error, .clear, .clear, .clear, .error])
        #expect(rows.map(\.model) == ["offshore-outsourced", "offshore-outsourced", "offshore-outsourced", "offshore-captive", "offshore-outsourced"])
        #expect(rows.map { $0.highestClassification ?? "-" } == ["restricted", "internal", "public", "confidential", "internal"])
        #expect(rows[0].overlapText == "8.0 h")
        #expect(rows[3].costText == "1,200,000 USD")
        #expect(rows[0].languages == ["en C1", "fr B1"])
        // Mexico's headcount share (CONC-001) is a plan-wide finding about back-office's
        // country: the row stays clear of its own findings but names it.
        #expect(rows.map(\.planWideRules) == [[], [], [], ["CONC-001"], []])
        #expect(rows[3].planWideMark == .error)
        #expect(rows[3].statusText == "✓ clear; ✗ plan-wide CONC-001")
        #expect(rows[0].statusText == "✗ failing")
    }

    @Test func chartsUseTheRulesThresholds() throws {
        let review = try #require(ReviewFixtures.example().review)
        let headcount = review.headcountByCountry
        #expect(headcount.threshold == 0.4)
        #expect(headcount.thresholdRule == "CONC-001")
        #expect(headcount.bars.filter(\.overThreshold).map(\.label) == ["Mexico (MX)"])
        #expect(review.spendByProvider.threshold == 0.5)
        #expect(review.spendByProvider.bars.filter(\.overThreshold).isEmpty)
        let matrix = review.dataMatrix
        #expect(matrix.classifications == ["restricted", "confidential", "internal", "public"])
        #expect(matrix.countries == ["PH", "IN", "NO", "MX", "KE"])
        #expect(matrix.cells[0][0] == ["tier1-support: payment card numbers"])
    }

    /// Manila 21:00-06:00 is 08:00-17:00 in New York on 2026-12-01; Bengaluru
    /// 10:00-19:00 is 23:30 (the day before) to 08:30, so it wraps: 00:00-08:30 and 23:30-24:00.
    @Test func timelineConvertsAndWraps() throws {
        let review = try #require(ReviewFixtures.example().review)
        let timeline = review.timeline
        typealias S = WorkdayTimeline.Segment
        #expect(timeline.businessDay == [S(start: 540, end: 1020)])
        let manila = try #require(timeline.rows.first { $0.label == "Manila, PH" })
        #expect(manila.segments == [S(start: 480, end: 1020)])
        let bengaluru = try #require(timeline.rows.first { $0.label == "Bengaluru, IN" })
        #expect(bengaluru.segments == [S(start: 0, end: 510), S(start: 1410, end: 1440)])
        let oslo = try #require(timeline.rows.first { $0.label == "Oslo, NO" })
        #expect(oslo.segments == [S(start: 180, end: 660)])
        #expect(oslo.overlapHours == 2.0)
    }

    @Test func findingsAreGroupedMostSevereFirst() throws {
        let review = try #require(ReviewFixtures.example().review)
        #expect(review.findingGroups.map { $0.engagement ?? "plan" } == ["tier1-support", "data-labeling", "app-maintenance", "plan"])
        let tier1 = review.findingGroups[0].findings
        #expect(tier1.map(\.severity) == [.error, .error, .error, .warning])
        #expect(tier1.first?.location == "examples/plans/support-expansion-2027.yaml:18")
        #expect(review.findingGroups[2].findings.first?.waived == true)
        #expect(review.findingGroups[3].findings.map(\.rule) == ["CONC-001"])
        #expect(review.clearEngagements == ["brand-design", "back-office"])
    }

    @Test func waiversAreSorted() throws {
        let review = try #require(ReviewFixtures.example().review)
        #expect(review.waivers.active.map(\.rule) == ["TZ-001"])
        #expect(review.waivers.active.first?.waives == 1)
        #expect(review.waivers.active.first?.daysLeft == 120)
        #expect(review.waivers.expired.map(\.rule) == ["QC-001"])
        #expect(review.waivers.expired.first?.approvedBy == "Head of Procurement")
        #expect(review.waivers.expiringSoon.isEmpty)
        #expect(review.waivers.unused.isEmpty)
    }

    @Test func checklistListsMissingControlsThenRemediation() throws {
        let review = try #require(ReviewFixtures.example().review)
        let tier1 = try #require(review.checklist.sections.first { $0.engagement == "tier1-support" })
        #expect(tier1.items.first == SignOffChecklist.Item(text: "audit-rights", rules: ["QC-001"], isControl: true))
        #expect(tier1.items.contains { $0.text.hasPrefix("Keep restricted data onshore") })
        #expect(review.checklist.sections.last?.engagement == nil)
        #expect(review.checklist.sections.map { $0.engagement ?? "plan" } == ["tier1-support", "data-labeling", "plan"])
    }

    /// A waiver expiring within 90 days of the plan date, with no failing finding left,
    /// gives "needs attention"; a plan with nothing wrong is clear.
    @Test func needsAttentionAndClear() throws {
        let dir = try ReviewFixtures.temporaryDirectory()
        func plan(hours: String, waiverExpiring expires: String?) -> String {
            var text = """
            plan: small
            date: 2026-12-01
            company: { name: Acme, country: US, timezone: America/New_York }
            engagements:
              - id: dev
                provider: { name: Oslo Dev, kind: contractor, country: NO }
                locations:
                  - { country: NO, city: Oslo, timezone: Europe/Oslo, hours: "\(hours)", headcount: 1 }
                controls: [audit-rights, sla]
              - id: home
                provider: { name: Acme, kind: in-house, country: US }
                locations:
                  - { country: US, city: Boston, timezone: America/New_York, hours: "09:00-17:00", headcount: 9 }

            """
            if let expires {
                text += """
                waivers:
                  - { rule: TZ-001, engagement: dev, reason: async, approved_by: CTO, expires: \(expires) }

                """
            }
            return text
        }
        let soon = dir.appendingPathComponent("soon.yaml")
        // 07:00-15:00 in Oslo is 01:00-09:00 in New York: TZ-001 fires, and the waiver covers it.
        try Data(plan(hours: "07:00-15:00", waiverExpiring: "2027-01-31").utf8).write(to: soon)
        let review = try #require(ReviewFixtures.review(plan: soon.path, base: dir.path).review)
        #expect(review.verdict.outcome == .needsAttention, "\(review.verdict)")
        #expect(review.waivers.expiringSoon.map(\.daysLeft) == [61])
        #expect(review.render(as: .markdown).hasPrefix("# Verdict: ! NEEDS ATTENTION\n"))

        let clean = dir.appendingPathComponent("clean.yaml")
        // 13:00-21:00 in Oslo is 07:00-15:00 in New York: 6 hours of overlap.
        try Data(plan(hours: "13:00-21:00", waiverExpiring: nil).utf8).write(to: clean)
        let (report, clear) = ReviewFixtures.review(plan: clean.path, base: dir.path)
        let cleanReview = try #require(clear)
        #expect(cleanReview.verdict.outcome == .clear, "\(report.findings.map(\.message))")
        #expect(cleanReview.sourcingMap.map(\.model) == ["offshore-outsourced", "in-house"])
        #expect(cleanReview.render(as: .text).hasPrefix("VERDICT: ✓ CLEAR\n"))
    }
}

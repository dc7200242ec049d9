import Foundation
import Policy

/// A bar chart of shares: headcount by country, spend by provider. The threshold, when
/// a rule sets one, is drawn as a line; bars above it are flagged.
struct ShareChart: Sendable, Hashable {
    struct Bar: Sendable, Hashable {
        let label: String
        /// The absolute amount (headcount, annual cost).
        public let value: Double
        /// The amount's display form (`70`, `1,200,000 USD`).
        let valueText: String
        /// 0…1.
        let share: Double
        let overThreshold: Bool
    }

    let title: String
    let bars: [Bar]
    /// 0…1, or nil when no loaded rule limits this share.
    let threshold: Double?
    /// The rule the threshold comes from (`CONC-001`); set whenever `threshold` is.
    let thresholdRule: String?

    /// The axis maximum: the next 10% above both the largest share and the threshold.
    var axisMaximum: Double {
        let top = max(bars.map(\.share).max() ?? 0, (threshold ?? 0) + 0.05)
        return min(1, max(0.1, (top * 10).rounded(.up) / 10))
    }

    /// A chart whose bars named in `failing` are flagged over the limit: those the
    /// threshold rule reported, so a bar the rule does not apply to (a domestic country,
    /// a captive) is never drawn as a failure however long it is.
    init(title: String, bars: [(label: String, value: Double, valueText: String, share: Double)],
         threshold: Double?, thresholdRule: String?, failing: Set<String>) {
        self.title = title
        self.threshold = threshold
        self.thresholdRule = thresholdRule
        self.bars = bars.map { bar in
            Bar(label: bar.label, value: bar.value, valueText: bar.valueText, share: bar.share,
                overThreshold: threshold != nil && failing.contains(bar.label))
        }
    }

    /// The limit a rule of `scope` puts on `field` (`country.headcount_share <= 0.4`), read
    /// from the first enabled rule whose assert has that form. Nil when no loaded rule
    /// sets one: a chart never draws a limit that no rule enforces.
    static func threshold(in rules: RuleSet?, scope: RuleScope, field: String) -> (value: Double?, rule: String?) {
        for rule in rules?.enabledRules ?? [] where rule.scope == scope {
            if let value = rule.upperLimit(on: field), value > 0, value <= 1 { return (value, rule.id) }
        }
        return (nil, nil)
    }
}

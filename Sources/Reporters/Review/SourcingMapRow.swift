import Policy

/// One engagement in the sourcing map.
struct SourcingMapRow: Sendable, Hashable {
    public struct Place: Sendable, Hashable {
        let city: String?
        public let country: String
        let countryName: String
        public let headcount: Int64
        /// Local working hours, `HH:MM-HH:MM`.
        public let hours: String
        let overlapHours: Double

        /// `Manila, PH` (or `PH` without a city).
        var label: String { city.map { "\($0), \(country)" } ?? country }
    }

    public let id: String
    let service: String?
    public let provider: String
    let providerKind: String
    let providerCountry: String
    /// `in-house`, `outsourced`, `offshore-outsourced`, `offshore-captive`.
    public let model: String
    let places: [Place]
    public let headcount: Int64
    /// The highest classification of the engagement's data, or nil when it handles none.
    let highestClassification: String?
    /// `en C1`, `fr B1`.
    public let languages: [String]
    let controls: [String]
    let annualCost: Double?
    public let currency: String?
    let mark: ReviewMark
    /// How many of its findings are waived (they do not count against the mark).
    let waived: Int
    /// Failing plan-wide findings about one of its countries or its provider (such as a
    /// country over the headcount limit): the rule ids, and the worst of their marks.
    /// They are not the engagement's own, so `mark` ignores them, but its row names them.
    let planWideRules: [String]
    let planWideMark: ReviewMark

    /// `findings` are the engagement's own; `related` the failing plan-wide findings about
    /// one of its countries or its provider.
    init(_ engagement: Engagement, findings: [Finding], related: [Finding], reportingCurrency: String? = nil) {
        id = engagement.id
        service = engagement.service
        provider = engagement.provider.name
        providerKind = engagement.provider.kind
        providerCountry = engagement.provider.country
        model = engagement.model.rawValue
        places = engagement.locations.map {
            Place(city: $0.city, country: $0.country, countryName: ReviewText.countryName($0.country),
                  headcount: $0.headcount, hours: $0.hours.description, overlapHours: $0.overlapHours)
        }
        headcount = engagement.headcount
        let top = engagement.data.max { $0.level < $1.level }
        highestClassification = top?.classification
        languages = engagement.languages.map { "\($0.code) \($0.level.rawValue)" }
        controls = engagement.controls
        // In the reporting currency, like every total in the review; the amount as the
        // plan gives it stays beside it when it is in another currency.
        annualCost = engagement.cost?.converted
        currency = reportingCurrency ?? engagement.cost?.currency
        if let cost = engagement.cost, let given = cost.currency, let reportingCurrency, given != reportingCurrency {
            originalCost = ReviewText.money(cost.annual, given)
        } else {
            originalCost = nil
        }
        mark = ReviewMark.of(findings)
        waived = findings.count { !$0.isFailing }
        var seen = Set<String>()
        planWideRules = related.map(\.rule).filter { seen.insert($0).inserted }
        planWideMark = ReviewMark.of(related)
    }

    /// `✓ clear, 1 waived`, plus `⚠ plan-wide CONC-001` for related plan-wide findings.
    var statusText: String {
        "\(mark.symbol) \(mark.word)" + (waived > 0 ? ", \(waived) waived" : "")
            + (planWideText.map { "; \($0)" } ?? "")
    }

    /// `⚠ plan-wide CONC-001`, or nil when no plan-wide finding concerns the row.
    var planWideText: String? {
        planWideRules.isEmpty ? nil : "\(planWideMark.symbol) plan-wide \(planWideRules.joined(separator: ", "))"
    }

    /// `8.0 h` for one location; `8.0 h / 2.0 h` for several.
    var overlapText: String { places.map { ReviewText.hours($0.overlapHours) }.joined(separator: " / ") }

    /// The cost as the plan gives it, when that is not the reporting currency: `310,000,000 INR`.
    let originalCost: String?

    /// `480,000 USD`, `3,555,444 USD (310,000,000 INR)`, or `—`.
    var costText: String {
        annualCost.map { ReviewText.money($0, currency) + (originalCost.map { " (\($0))" } ?? "") } ?? "—"
    }
}

import Policy

/// The plan's findings sorted once by what they are about, so the review reads an
/// engagement's findings without scanning every finding of the plan (which made a review
/// quadratic in the number of engagements).
struct ReviewFindingIndex {
    /// The findings of no engagement in the plan (country and provider aggregates, plan
    /// rules, waivers that name no engagement), in report order.
    let planWide: [Finding]
    private let byEngagement: [String: [Finding]]
    /// Positions in `planWide` of its failing findings, by country and by provider.
    private let failingByCountry: [String: [Int]]
    private let failingByProvider: [String: [Int]]

    init(findings: [Finding], plan: Plan) {
        let known = Set(plan.engagements.map(\.id))
        var byEngagement: [String: [Finding]] = [:]
        var planWide: [Finding] = []
        for finding in findings {
            if let engagement = finding.engagement, known.contains(engagement) {
                byEngagement[engagement, default: []].append(finding)
            } else {
                planWide.append(finding)
            }
        }
        var byCountry: [String: [Int]] = [:], byProvider: [String: [Int]] = [:]
        for (i, finding) in planWide.enumerated() where finding.isFailing {
            if let country = finding.country { byCountry[country, default: []].append(i) }
            if let provider = finding.provider { byProvider[provider, default: []].append(i) }
        }
        self.planWide = planWide
        self.byEngagement = byEngagement
        failingByCountry = byCountry
        failingByProvider = byProvider
    }

    /// The engagement's own findings, in report order.
    func own(_ engagement: String) -> [Finding] { byEngagement[engagement] ?? [] }

    /// The failing plan-wide findings about one of the engagement's location countries or
    /// its provider, in report order.
    func planWideFailing(about engagement: Engagement) -> [Finding] {
        var positions = Set(failingByProvider[engagement.provider.name] ?? [])
        for location in engagement.locations { positions.formUnion(failingByCountry[location.country] ?? []) }
        return positions.sorted().map { planWide[$0] }
    }
}

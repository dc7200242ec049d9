/// `for: location`: every place where an engagement's work is performed.
extension ScopeDefinition {
    static let location = EngagementPartScope(
        scope: .location, variable: ("location", .object(PlanTypes.location)), listKey: .locations,
        summary: "location of each engagement",
        count: { $0.engagement.locations.count },
        object: { $0.locationValues[$1] },
        place: { $0.engagement.locations[$1].place },
        index: { $0.engagement.locations[$1].index },
        country: { $0.engagement.locations[$1].country },
        provider: { _, _ in nil },
        key: { $0.engagement.locations[$1].country + "/" + ($0.engagement.locations[$1].city ?? "") },
        label: { e, i in [e.engagement.locations[i].country, e.engagement.locations[i].city].compactMap { $0 }.joined(separator: ", ") }
    ).definition
}

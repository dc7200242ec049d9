import CEL

/// `for: country`: each country where work is performed, all its locations together.
/// Findings point at the first location in the country.
extension ScopeDefinition {
    static let country = ScopeDefinition(
        variables: [("country", .object(PlanTypes.country))],
        summary: "country where work is performed (all its locations together)",
        forEach: planWide(.country) { $0.countries.count },
        value: { subjects, subject, _ in .object(subjects.countries[subject.index]) },
        place: { _, _, _ in nil },
        describe: { subjects, subject in
            let c = subjects.plan.countries[subject.index]
            let (e, l) = c.firstLocation
            let engagement = subjects.plan.engagements[e]
            return SubjectDescription(place: engagement.locations[l].place, path: PlanPath(engagement: engagement.index, .locations, index: l),
                                      engagement: nil, country: c.code, provider: nil, key: nil)
        },
        label: { subjects, subject in subjects.plan.countries[subject.index].code },
        engagements: { subjects, subject in subjects.plan.countries[subject.index].engagements },
        itemNames: { subjects in subjects.plan.countries.map(\.code) })
}

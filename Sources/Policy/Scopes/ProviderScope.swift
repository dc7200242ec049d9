import CEL

/// `for: provider`: each provider, all its engagements together. Findings point at the
/// provider of its first engagement.
extension ScopeDefinition {
    static let provider = ScopeDefinition(
        variables: [("provider", .object(PlanTypes.providerSummary))],
        summary: "provider (all its engagements together)",
        forEach: planWide(.provider) { $0.providers.count },
        value: { subjects, subject, _ in .object(subjects.providers[subject.index]) },
        place: { _, _, _ in nil },
        describe: { subjects, subject in
            let p = subjects.plan.providers[subject.index]
            let engagement = subjects.plan.engagements[p.firstEngagement]
            return SubjectDescription(place: engagement.provider.place, path: PlanPath(engagement: engagement.index, .provider),
                                      engagement: nil, country: p.country, provider: p.name, key: nil)
        },
        label: { subjects, subject in
            let p = subjects.plan.providers[subject.index]
            return "\(p.name), \(p.country)"
        },
        engagements: { subjects, subject in subjects.plan.providers[subject.index].engagements },
        itemNames: { subjects in subjects.plan.providers.map(\.name) })
}

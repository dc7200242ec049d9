/// `for: language`: every working language of each engagement.
extension ScopeDefinition {
    static let language = EngagementPartScope(
        scope: .language, variable: ("language", .object(PlanTypes.language)), listKey: .languages,
        summary: "working language of each engagement",
        count: { $0.engagement.languages.count },
        object: { $0.languageValues[$1] },
        place: { $0.engagement.languages[$1].place },
        index: { $0.engagement.languages[$1].index },
        country: { _, _ in nil },
        provider: { _, _ in nil },
        key: { $0.engagement.languages[$1].code },
        label: { $0.engagement.languages[$1].code }
    ).definition
}

/// `for: data`: every kind of data each engagement handles.
extension ScopeDefinition {
    static let data = EngagementPartScope(
        scope: .data, variable: ("data", .object(PlanTypes.data)), listKey: .data,
        summary: "data item of each engagement",
        count: { $0.engagement.data.count },
        object: { $0.dataValues[$1] },
        place: { $0.engagement.data[$1].place },
        index: { $0.engagement.data[$1].index },
        country: { _, _ in nil },
        provider: { _, _ in nil },
        key: { $0.engagement.data[$1].name },
        label: { $0.engagement.data[$1].name }
    ).definition
}

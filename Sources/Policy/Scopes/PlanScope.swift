import CEL

/// `for: plan`: the plan as a whole, once.
extension ScopeDefinition {
    static let plan = ScopeDefinition(
        variables: [],
        summary: "plan",
        forEach: planWide(.plan) { _ in 1 },
        value: { _, _, _ in .err("the plan scope binds no variable of its own") },
        place: { _, _, _ in nil },
        describe: { subjects, _ in
            SubjectDescription(place: subjects.plan.place, path: nil, engagement: nil, country: nil, provider: nil, key: nil)
        },
        label: { _, _ in "the plan" },
        engagements: { _, _ in [] },
        itemNames: { _ in ["(none needed)"] })
}

import CEL

/// `for: engagement`: each piece of sourced work.
extension ScopeDefinition {
    static let engagement = ScopeDefinition(
        variables: [("engagement", .object(PlanTypes.engagement))],
        summary: "engagement",
        forEach: { _, range, body in for e in range { body(Subject(scope: .engagement, index: e, part: 0)) } },
        value: { subjects, subject, _ in .object(subjects.engagements[subject.index]) },
        node: { subjects, subject, _ in subjects.plan.engagements[subject.index].node },
        describe: { subjects, subject in
            let e = subjects.plan.engagements[subject.index]
            return SubjectDescription(node: e.node, path: e.path, engagement: e.id, country: nil, provider: nil, key: nil)
        },
        label: { subjects, subject in subjects.plan.engagements[subject.index].id },
        engagements: { subjects, subject in [subjects.plan.engagements[subject.index].id] },
        itemNames: { subjects in subjects.plan.engagements.map(\.id) })
}

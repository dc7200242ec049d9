import CEL

/// `for: engagement`: each piece of sourced work.
extension ScopeDefinition {
    static let engagement = ScopeDefinition(
        variables: [("engagement", .object(PlanTypes.engagement))],
        summary: "engagement",
        forEach: { _, range, body in for e in range { body(Subject(scope: .engagement, index: e, part: 0)) } },
        value: { subjects, subject, _ in subjects.engagementValue(subject.index) },
        place: { subjects, subject, _ in subjects.engagement(subject.index).engagement.place },
        describe: { subjects, subject in
            // Fields read in place through the CEL object, not a copy of the whole record.
            let object = subjects.engagement(subject.index)
            return SubjectDescription(place: object.engagement.place, path: PlanPath(engagement: object.engagement.index),
                                      engagement: object.engagement.id, country: nil, provider: nil, key: nil)
        },
        label: { subjects, subject in subjects.plan.engagements[subject.index].id },
        engagements: { subjects, subject in [subjects.plan.engagements[subject.index].id] },
        itemNames: { subjects in subjects.plan.engagements.map(\.id) })
}

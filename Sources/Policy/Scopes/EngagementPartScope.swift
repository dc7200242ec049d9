import CEL

/// The scopes whose subjects are the parts of an engagement listed under one key
/// (locations, data, languages, subcontractors): each binds `engagement` and the part;
/// only what differs between them is given.
struct EngagementPartScope {
    let scope: RuleScope
    /// The part's variable (`location`) and its CEL type.
    let variable: (name: String, type: CELType)
    /// The engagement's list key in the plan (`locations`).
    let listKey: PlanPath.Member
    let summary: String
    /// How many parts an engagement has. The part closures take the engagement's CEL
    /// object and read its record in place: an `Engagement` passed by value would be
    /// copied whole for every item and finding.
    let count: @Sendable (EngagementObject) -> Int
    /// The part as a CEL value (its object, boxed once).
    let object: @Sendable (EngagementObject, Int) -> CELValue
    /// Where the part is written.
    let place: @Sendable (EngagementObject, Int) -> PlanPlace
    /// The part's position in the plan's list.
    let index: @Sendable (EngagementObject, Int) -> Int
    /// The finding fields the part fills: country, provider and the key inside its engagement.
    let country: @Sendable (EngagementObject, Int) -> String?
    let provider: @Sendable (EngagementObject, Int) -> String?
    let key: @Sendable (EngagementObject, Int) -> String
    /// What `explain` shows after the engagement id (`PH, Manila`).
    let label: @Sendable (EngagementObject, Int) -> String

    var definition: ScopeDefinition {
        let part = self
        return ScopeDefinition(
            variables: [("engagement", .object(PlanTypes.engagement)), variable],
            summary: summary,
            // The parts are read through the engagement's CEL object: its `engagement` is
            // borrowed from it, where `plan.engagements[i]` would copy the whole record.
            forEach: { subjects, range, body in
                for e in range {
                    for p in 0..<part.count(subjects.engagement(e)) { body(Subject(scope: part.scope, index: e, part: p)) }
                }
            },
            value: { subjects, subject, i in
                i == 0 ? subjects.engagementValue(subject.index) : part.object(subjects.engagement(subject.index), subject.part)
            },
            place: { subjects, subject, i in
                let object = subjects.engagement(subject.index)
                return i == 0 ? object.engagement.place : part.place(object, subject.part)
            },
            describe: { subjects, subject in
                let object = subjects.engagement(subject.index)
                return SubjectDescription(place: part.place(object, subject.part),
                                          path: PlanPath(engagement: object.engagement.index, part.listKey, index: part.index(object, subject.part)),
                                          engagement: object.engagement.id, country: part.country(object, subject.part),
                                          provider: part.provider(object, subject.part), key: part.key(object, subject.part))
            },
            label: { subjects, subject in
                let object = subjects.engagement(subject.index)
                return "\(object.engagement.id), \(part.label(object, subject.part))"
            },
            engagements: { subjects, subject in [subjects.plan.engagements[subject.index].id] },
            itemNames: { subjects in ScopeDefinition.perEngagementNames(subjects, count: part.count) })
    }
}

import CEL
import YAML

/// The scopes whose subjects are the parts of an engagement listed under one key
/// (locations, data, languages, subcontractors): each binds `engagement` and the part;
/// only what differs between them is given.
struct EngagementPartScope {
    let scope: RuleScope
    /// The part's variable (`location`) and its CEL type.
    let variable: (name: String, type: CELType)
    /// The engagement's list key in the plan (`locations`).
    let listKey: String
    let summary: String
    /// How many parts an engagement has.
    let count: @Sendable (Engagement) -> Int
    /// The part's CEL object.
    let object: @Sendable (EngagementObject, Int) -> CELValue
    /// The part's YAML node.
    let node: @Sendable (Engagement, Int) -> YAMLNode
    /// The part's position in the plan's list.
    let index: @Sendable (Engagement, Int) -> Int
    /// The finding fields the part fills: country, provider and the key inside its engagement.
    let country: @Sendable (Engagement, Int) -> String?
    let provider: @Sendable (Engagement, Int) -> String?
    let key: @Sendable (Engagement, Int) -> String
    /// What `explain` shows after the engagement id (`PH, Manila`).
    let label: @Sendable (Engagement, Int) -> String

    var definition: ScopeDefinition {
        let part = self
        return ScopeDefinition(
            variables: [("engagement", .object(PlanTypes.engagement)), variable],
            summary: summary,
            // The parts are read through the engagement's CEL object: its `engagement` is
            // borrowed from it, where `plan.engagements[i]` would copy the whole record.
            forEach: { subjects, range, body in
                for e in range {
                    for p in 0..<part.count(subjects.engagements[e].engagement) { body(Subject(scope: part.scope, index: e, part: p)) }
                }
            },
            value: { subjects, subject, i in
                i == 0 ? .object(subjects.engagements[subject.index]) : part.object(subjects.engagements[subject.index], subject.part)
            },
            node: { subjects, subject, i in
                let object = subjects.engagements[subject.index]
                return i == 0 ? object.engagement.node : part.node(object.engagement, subject.part)
            },
            describe: { subjects, subject in
                let object = subjects.engagements[subject.index]
                return SubjectDescription(node: part.node(object.engagement, subject.part),
                                          path: "\(object.engagement.path).\(part.listKey)[\(part.index(object.engagement, subject.part))]",
                                          engagement: object.engagement.id, country: part.country(object.engagement, subject.part),
                                          provider: part.provider(object.engagement, subject.part),
                                          key: part.key(object.engagement, subject.part))
            },
            label: { subjects, subject in
                let object = subjects.engagements[subject.index]
                return "\(object.engagement.id), \(part.label(object.engagement, subject.part))"
            },
            engagements: { subjects, subject in [subjects.plan.engagements[subject.index].id] },
            itemNames: { subjects in ScopeDefinition.perEngagementNames(subjects, count: part.count) })
    }
}

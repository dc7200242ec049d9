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
            forEach: { subjects, range, body in
                for e in range {
                    for p in 0..<part.count(subjects.plan.engagements[e]) { body(Subject(scope: part.scope, index: e, part: p)) }
                }
            },
            value: { subjects, subject, i in
                i == 0 ? .object(subjects.engagements[subject.index]) : part.object(subjects.engagements[subject.index], subject.part)
            },
            node: { subjects, subject, i in
                let e = subjects.plan.engagements[subject.index]
                return i == 0 ? e.node : part.node(e, subject.part)
            },
            describe: { subjects, subject in
                let e = subjects.plan.engagements[subject.index]
                return SubjectDescription(node: part.node(e, subject.part), path: "\(e.path).\(part.listKey)[\(part.index(e, subject.part))]",
                                          engagement: e.id, country: part.country(e, subject.part),
                                          provider: part.provider(e, subject.part), key: part.key(e, subject.part))
            },
            label: { subjects, subject in
                let e = subjects.plan.engagements[subject.index]
                return "\(e.id), \(part.label(e, subject.part))"
            },
            engagements: { subjects, subject in [subjects.plan.engagements[subject.index].id] },
            itemNames: { subjects in ScopeDefinition.perEngagementNames(subjects, count: part.count) })
    }
}

import CEL
import YAML

/// One item a rule is checked on: its variable bindings and what a finding about it
/// carries (where it is, its path, the ids of its subject).
struct Subject {
    var engagement: EngagementObject?
    var location: LocationObject?
    var data: DataObject?
    var language: LanguageObject?
    var country: CountryObject?
    var provider: ProviderSummaryObject?
    /// The YAML node findings about this subject point at (or inside).
    let node: YAMLNode
    let path: String
    let engagementID: String?
    let countryCode: String?
    let providerName: String?
    /// The subject's own id inside its engagement (location country/city, data name,
    /// language code), so two findings of one rule in one engagement differ.
    let key: String?

    /// The node a variable's fields live in, for pointing at `engagement.controls`.
    func node(of variable: String) -> YAMLNode? {
        switch variable {
        case "engagement": engagement?.engagement.node
        case "location": location?.location.node
        case "data": data?.item.node
        case "language": language?.skill.node
        default: nil
        }
    }
}

/// The subjects of each scope in one plan, in plan order.
struct PlanSubjects {
    let planObject: PlanObject
    let engagements: [EngagementObject]
    let plan: Plan

    init(_ plan: Plan) {
        self.plan = plan
        engagements = plan.engagements.map(EngagementObject.init)
        planObject = PlanObject(plan, engagements: engagements)
    }

    /// Subjects of `scope` within the engagements `range` (the plan, country and provider
    /// scopes have theirs only in the range that starts at 0).
    func subjects(of scope: RuleScope, engagements range: Range<Int>) -> [Subject] {
        switch scope {
        case .plan:
            guard range.lowerBound == 0 else { return [] }
            return [Subject(node: plan.node, path: "", engagementID: nil, countryCode: nil, providerName: nil, key: nil)]
        case .engagement:
            return range.map { i in
                let e = engagements[i]
                var s = Subject(node: e.engagement.node, path: e.engagement.path, engagementID: e.engagement.id,
                                countryCode: nil, providerName: nil, key: nil)
                s.engagement = e
                return s
            }
        case .location:
            return range.flatMap { i in
                let e = engagements[i]
                return e.locationObjects.map { l in
                    var s = Subject(node: l.location.node, path: "\(e.engagement.path).locations[\(l.location.index)]",
                                    engagementID: e.engagement.id, countryCode: l.location.country, providerName: nil,
                                    key: l.location.country + "/" + (l.location.city ?? ""))
                    s.engagement = e
                    s.location = l
                    return s
                }
            }
        case .data:
            return range.flatMap { i in
                let e = engagements[i]
                return e.dataObjects.map { d in
                    var s = Subject(node: d.item.node, path: "\(e.engagement.path).data[\(d.item.index)]",
                                    engagementID: e.engagement.id, countryCode: nil, providerName: nil, key: d.item.name)
                    s.engagement = e
                    s.data = d
                    return s
                }
            }
        case .language:
            return range.flatMap { i in
                let e = engagements[i]
                return e.languageObjects.map { l in
                    var s = Subject(node: l.skill.node, path: "\(e.engagement.path).languages[\(l.skill.index)]",
                                    engagementID: e.engagement.id, countryCode: nil, providerName: nil, key: l.skill.code)
                    s.engagement = e
                    s.language = l
                    return s
                }
            }
        case .country:
            guard range.lowerBound == 0 else { return [] }
            return plan.countries.map { c in
                let (e, l) = c.firstLocation
                let location = plan.engagements[e].locations[l]
                var s = Subject(node: location.node, path: "\(plan.engagements[e].path).locations[\(l)]",
                                engagementID: nil, countryCode: c.code, providerName: nil, key: nil)
                s.country = CountryObject(c)
                return s
            }
        case .provider:
            guard range.lowerBound == 0 else { return [] }
            return plan.providers.map { p in
                let engagement = plan.engagements[p.firstEngagement]
                var s = Subject(node: engagement.provider.node, path: "\(engagement.path).provider",
                                engagementID: nil, countryCode: p.country, providerName: p.name, key: nil)
                s.provider = ProviderSummaryObject(p)
                return s
            }
        }
    }

    /// The value of a rule variable for a subject.
    func value(of name: String, for subject: Subject) -> CELValue? {
        switch name {
        case "plan": .object(planObject)
        case "company": planObject.company
        case "engagement": subject.engagement.map { .object($0) }
        case "location": subject.location.map { .object($0) }
        case "data": subject.data.map { .object($0) }
        case "language": subject.language.map { .object($0) }
        case "country": subject.country.map { .object($0) }
        case "provider": subject.provider.map { .object($0) }
        default: nil
        }
    }
}

import CEL
import YAML

/// One item a rule is checked on: which scope, which engagement and which part of it.
/// Cheap to make (no strings, no copies); what a finding needs is worked out from it
/// only when there is a finding.
struct Subject {
    let scope: RuleScope
    /// Engagement index (country/provider scopes: index of the aggregate).
    let index: Int
    /// Location, data or language index inside the engagement.
    let part: Int
}

/// A rule variable, resolved once per program so evaluation does no name lookups.
enum Binding {
    case plan, company, engagement, location, data, language, country, provider

    init?(_ name: String) {
        switch name {
        case "plan": self = .plan
        case "company": self = .company
        case "engagement": self = .engagement
        case "location": self = .location
        case "data": self = .data
        case "language": self = .language
        case "country": self = .country
        case "provider": self = .provider
        default: return nil
        }
    }
}

/// A plan's parts as CEL objects, and the subjects of each scope in plan order.
struct PlanSubjects {
    let plan: Plan
    let planObject: PlanObject
    let engagements: [EngagementObject]
    let countries: [CountryObject]
    let providers: [ProviderSummaryObject]
    private let planValue: CELValue

    init(_ plan: Plan) {
        self.plan = plan
        engagements = Parallel.map(plan.engagements, EngagementObject.init)
        planObject = PlanObject(plan, engagements: engagements)
        countries = plan.countries.map(CountryObject.init)
        providers = plan.providers.map(ProviderSummaryObject.init)
        planValue = .object(planObject)
    }

    private init(_ other: PlanSubjects, planObject: PlanObject) {
        plan = other.plan
        self.planObject = planObject
        engagements = other.engagements
        countries = other.countries
        providers = other.providers
        planValue = .object(planObject)
    }

    /// The same subjects with this thread's own `plan` and `company` objects.
    func copyForThread() -> PlanSubjects { PlanSubjects(self, planObject: planObject.copyForThread()) }

    /// Calls `body` for each subject of `scope` among the engagements in `range`; the
    /// plan, country and provider scopes yield theirs in the range that starts at 0.
    func forEach(_ scope: RuleScope, engagements range: Range<Int>, _ body: (Subject) -> Void) {
        switch scope {
        case .plan:
            if range.lowerBound == 0 { body(Subject(scope: scope, index: 0, part: 0)) }
        case .engagement:
            for e in range { body(Subject(scope: scope, index: e, part: 0)) }
        case .location:
            for e in range { for p in engagements[e].locationObjects.indices { body(Subject(scope: scope, index: e, part: p)) } }
        case .data:
            for e in range { for p in engagements[e].dataObjects.indices { body(Subject(scope: scope, index: e, part: p)) } }
        case .language:
            for e in range { for p in engagements[e].languageObjects.indices { body(Subject(scope: scope, index: e, part: p)) } }
        case .country:
            if range.lowerBound == 0 { for c in countries.indices { body(Subject(scope: scope, index: c, part: 0)) } }
        case .provider:
            if range.lowerBound == 0 { for p in providers.indices { body(Subject(scope: scope, index: p, part: 0)) } }
        }
    }

    /// Every subject of `scope`, in plan order.
    func all(_ scope: RuleScope) -> [Subject] {
        var result: [Subject] = []
        forEach(scope, engagements: 0..<engagements.count) { result.append($0) }
        return result
    }

    /// The value of a rule variable for a subject (nil when the scope does not bind it).
    func value(_ binding: Binding, for subject: Subject) -> CELValue? {
        switch binding {
        case .plan: return planValue
        case .company: return planObject.company
        case .engagement:
            return isEngagementScoped(subject) ? .object(engagements[subject.index]) : nil
        case .location:
            return subject.scope == .location ? .object(engagements[subject.index].locationObjects[subject.part]) : nil
        case .data:
            return subject.scope == .data ? .object(engagements[subject.index].dataObjects[subject.part]) : nil
        case .language:
            return subject.scope == .language ? .object(engagements[subject.index].languageObjects[subject.part]) : nil
        case .country:
            return subject.scope == .country ? .object(countries[subject.index]) : nil
        case .provider:
            return subject.scope == .provider ? .object(providers[subject.index]) : nil
        }
    }

    private func isEngagementScoped(_ subject: Subject) -> Bool {
        switch subject.scope {
        case .engagement, .location, .data, .language: true
        default: false
        }
    }

    // MARK: What a finding says about its subject

    /// What a finding carries about its subject.
    struct Description {
        /// The YAML node findings about this subject point at (or inside).
        let node: YAMLNode
        let path: String?
        let engagement: String?
        let country: String?
        let provider: String?
        /// The subject's own id inside its engagement (location country/city, data name,
        /// language code), so two findings of one rule in one engagement differ.
        let key: String?
    }

    func describe(_ subject: Subject) -> Description {
        switch subject.scope {
        case .plan:
            return Description(node: plan.node, path: nil, engagement: nil, country: nil, provider: nil, key: nil)
        case .engagement:
            let e = plan.engagements[subject.index]
            return Description(node: e.node, path: e.path, engagement: e.id, country: nil, provider: nil, key: nil)
        case .location:
            let e = plan.engagements[subject.index]
            let l = e.locations[subject.part]
            return Description(node: l.node, path: "\(e.path).locations[\(l.index)]", engagement: e.id,
                               country: l.country, provider: nil, key: l.country + "/" + (l.city ?? ""))
        case .data:
            let e = plan.engagements[subject.index]
            let d = e.data[subject.part]
            return Description(node: d.node, path: "\(e.path).data[\(d.index)]", engagement: e.id,
                               country: nil, provider: nil, key: d.name)
        case .language:
            let e = plan.engagements[subject.index]
            let l = e.languages[subject.part]
            return Description(node: l.node, path: "\(e.path).languages[\(l.index)]", engagement: e.id,
                               country: nil, provider: nil, key: l.code)
        case .country:
            let c = plan.countries[subject.index]
            let (e, l) = c.firstLocation
            return Description(node: plan.engagements[e].locations[l].node, path: "\(plan.engagements[e].path).locations[\(l)]",
                               engagement: nil, country: c.code, provider: nil, key: nil)
        case .provider:
            let p = plan.providers[subject.index]
            let engagement = plan.engagements[p.firstEngagement]
            return Description(node: engagement.provider.node, path: "\(engagement.path).provider",
                               engagement: nil, country: p.country, provider: p.name, key: nil)
        }
    }

    /// The node a variable's fields live in, for pointing at `engagement.controls`.
    func node(of variable: String, for subject: Subject) -> YAMLNode? {
        switch variable {
        case "engagement" where subject.scope != .country && subject.scope != .provider && subject.scope != .plan:
            return plan.engagements[subject.index].node
        case "location" where subject.scope == .location:
            return plan.engagements[subject.index].locations[subject.part].node
        case "data" where subject.scope == .data:
            return plan.engagements[subject.index].data[subject.part].node
        case "language" where subject.scope == .language:
            return plan.engagements[subject.index].languages[subject.part].node
        default:
            return nil
        }
    }
}

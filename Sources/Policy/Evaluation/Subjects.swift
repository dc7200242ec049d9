import CEL
import YAML

/// One item a rule is checked on: which scope, which engagement and which part of it.
/// Cheap to make (no strings, no copies); what a finding needs is worked out from it
/// only when there is a finding.
struct Subject {
    let scope: RuleScope
    /// Engagement index (country/provider scopes: index of the aggregate).
    let index: Int
    /// Location, data, language or subcontractor index inside the engagement.
    let part: Int
}

/// A rule variable, resolved once per program so evaluation does no name lookups:
/// `plan`, `company`, or the scope's own variable number n.
enum Binding {
    case plan, company
    case scoped(Int)

    /// The binding of `name` in rules of `scope`, or nil when the scope does not bind it.
    init?(_ name: String, in scope: RuleScope) {
        switch name {
        case "plan": self = .plan
        case "company": self = .company
        default:
            guard let index = scope.definition.variableNames.firstIndex(of: name) else { return nil }
            self = .scoped(index)
        }
    }
}

/// A plan's parts as CEL objects, and the subjects of each scope in plan order.
///
/// The engagements' objects are those of `window` only: a check builds them a block of
/// engagements at a time (`window(_:)`) and lets them go once the block is checked, so
/// a large plan's objects are never all held at once.
struct PlanSubjects {
    let plan: Plan
    let planObject: PlanObject
    /// The engagements (by plan index) whose objects this value holds.
    let window: Range<Int>
    /// The objects of the engagements in `window`, in plan order.
    let engagements: [EngagementObject]
    /// `engagements`, each boxed as a CEL value once (what `for: engagement` binds).
    private let engagementValues: [CELValue]
    let countries: [CountryObject]
    let providers: [ProviderSummaryObject]
    private let planValue: CELValue

    /// Every engagement's object, built at once.
    init(_ plan: Plan) {
        self.plan = plan
        window = 0..<plan.engagements.count
        engagements = Parallel.map(plan.engagements, EngagementObject.init)
        engagementValues = engagements.map { .object($0) }
        planObject = PlanObject(plan, engagements: PlanEngagements(plan, built: engagementValues))
        countries = plan.countries.map(CountryObject.init)
        providers = plan.providers.map(ProviderSummaryObject.init)
        planValue = .object(planObject)
    }

    /// The objects of no engagement yet (see `window(_:)`); `plan.engagements` is built
    /// the first time a rule reads it.
    init(checking plan: Plan) {
        self.plan = plan
        window = 0..<0
        engagements = []
        engagementValues = []
        planObject = PlanObject(plan, engagements: PlanEngagements(plan))
        countries = plan.countries.map(CountryObject.init)
        providers = plan.providers.map(ProviderSummaryObject.init)
        planValue = .object(planObject)
    }

    private init(_ other: PlanSubjects, planObject: PlanObject, window: Range<Int>, engagements: [EngagementObject]) {
        plan = other.plan
        self.planObject = planObject
        self.window = window
        self.engagements = engagements
        engagementValues = engagements.map { .object($0) }
        countries = other.countries
        providers = other.providers
        planValue = .object(planObject)
    }

    /// The same subjects with this thread's own `plan` and `company` objects.
    func copyForThread() -> PlanSubjects {
        PlanSubjects(self, planObject: planObject.copyForThread(), window: window, engagements: engagements)
    }

    /// The same subjects holding the objects of the engagements in `range` (built now)
    /// instead of `window`'s.
    func window(_ range: Range<Int>) -> PlanSubjects {
        PlanSubjects(self, planObject: planObject, window: range,
                     engagements: range.map { EngagementObject(plan.engagements[$0]) })
    }

    /// The object of engagement number `index` (in `window`).
    func engagement(_ index: Int) -> EngagementObject { engagements[index - window.lowerBound] }

    /// `engagement(index)` as a CEL value.
    func engagementValue(_ index: Int) -> CELValue { engagementValues[index - window.lowerBound] }

    /// Calls `body` for each subject of `scope` among the engagements in `range`; the
    /// plan, country and provider scopes yield theirs in the range that starts at 0.
    func forEach(_ scope: RuleScope, engagements range: Range<Int>, _ body: (Subject) -> Void) {
        scope.definition.forEach(self, range, body)
    }

    /// Every subject of `scope`, in plan order.
    func all(_ scope: RuleScope) -> [Subject] {
        var result: [Subject] = []
        forEach(scope, engagements: 0..<engagements.count) { result.append($0) }
        return result
    }

    /// The value of a rule variable for a subject.
    func value(_ binding: Binding, for subject: Subject) -> CELValue? {
        switch binding {
        case .plan: planValue
        case .company: planObject.company
        case .scoped(let index): subject.scope.definition.value(self, subject, index)
        }
    }

    /// What a finding carries about its subject.
    func describe(_ subject: Subject) -> SubjectDescription {
        subject.scope.definition.describe(self, subject)
    }
}

/// How many CEL steps one expression may take on one item. Every item gets the base
/// budget (`EvaluationOptions.budget`); an item that spans many of the plan's objects gets
/// `perObject` more for each of them, so one pass over what it spans always fits however
/// large the plan is: a `for: plan` rule gets it for every engagement, location, data
/// item, language and subcontractor of the plan, a `for: country` or `for: provider` rule
/// for each of that country's or provider's engagements. The whole budget of a rule
/// stays linear in the size of the plan, so a rule that loops over the plan inside a
/// loop over the plan still stops (`evaluation cost limit exceeded`).
struct ItemBudget {
    /// Steps added per object an item spans.
    static let perObject = 50

    let base: Int
    /// The plan's objects, for `for: plan` items.
    let planObjects: Int
    let plan: Plan

    init(base: Int, plan: Plan) {
        self.base = base
        self.plan = plan
        planObjects = plan.engagements.reduce(0) { sum, e in
            sum + 1 + e.locations.count + e.data.count + e.languages.count + e.subcontractors.count
        }
    }

    /// The budget of one expression on item `index` of `scope` (an engagement index, or
    /// the index of a country or provider aggregate).
    func steps(_ scope: RuleScope, item index: Int) -> Int {
        let objects: Int
        switch scope {
        case .plan: objects = planObjects
        case .country: objects = plan.countries.indices.contains(index) ? plan.countries[index].engagements.count : 0
        case .provider: objects = plan.providers.indices.contains(index) ? plan.providers[index].engagements.count : 0
        case .engagement, .location, .data, .language, .subcontractor: objects = 0
        }
        // `objects` is bounded by the plan's size limits; a library caller's base may be `.max`.
        let (sum, overflow) = base.addingReportingOverflow(objects * Self.perObject)
        return overflow ? .max : sum
    }
}

import CEL
import SourceText

/// Every evaluation of one rule on a plan, with the `when` and `assert` values and the
/// value of each sub-expression (`shore explain`). A data model; `ExplanationRenderer` draws it.
public struct RuleExplanation: Sendable {
    public let ruleID: String
    public let title: String?
    public let scope: RuleScope
    public let severity: Severity
    public let planID: String
    public let items: [ItemExplanation]
}

/// One item the rule looked at.
public struct ItemExplanation: Sendable {
    /// How the check ended on this item.
    public enum Outcome: Sendable, Equatable {
        /// `when` was false.
        case notApplicable
        case passed
        case violation(message: String, waived: Bool)
        case evaluationError(String)
    }

    /// `engagements[0].locations[0]`, or `plan`.
    public let path: String
    /// `tier1-support, PH`.
    public let label: String
    public let location: SourceSpan
    public let when: TracedExpression?
    /// Nil when `when` was not true.
    public let assert: TracedExpression?
    public let outcome: Outcome
}

/// Which items to explain: all, or those of one engagement or country.
public struct ExplainFilter: Sendable {
    public var engagement: String?
    public var country: String?
    public init(engagement: String? = nil, country: String? = nil) {
        self.engagement = engagement
        self.country = country
    }
}

/// Builds `RuleExplanation`s. Nothing here prints.
public enum Explainer {
    public enum Failure: Error, Sendable {
        case unknownRule(String, suggestion: String?)
        /// `--engagement` or `--country` names nothing in the plan.
        case unknownFilter(Diagnostic)

        /// The failure as a coded diagnostic.
        public var diagnostic: Diagnostic {
            switch self {
            case .unknownRule(let id, let suggestion):
                Diagnostic(.explainUnknownRule, "no rule '\(id)' is loaded", at: nil,
                           help: suggestion ?? "give the id of a loaded rule (`shore lint` lists the rule files)")
            case .unknownFilter(let diagnostic):
                diagnostic
            }
        }
    }

    /// Explains rule `ruleID` on `plan`, with the plan's own waivers and `waivers`.
    public static func explain(ruleID: String, in rules: RuleSet, plan: Plan, waivers: [Waiver] = [],
                               filter: ExplainFilter = ExplainFilter(),
                               options: EvaluationOptions = EvaluationOptions()) -> Result<RuleExplanation, Failure> {
        guard let rule = rules.rule(ruleID) else {
            return .failure(.unknownRule(ruleID, suggestion: Suggestions.didYouMean(ruleID, among: rules.rules.map(\.id))))
        }
        if let problem = unknownFilter(filter, plan) { return .failure(.unknownFilter(problem)) }
        let program = rules.programs.program(rule, of: rules).forPlan(plan.id)
        let subjects = PlanSubjects(plan)
        let allWaivers = (options.waivers.allowPlanWaivers ? plan.waivers : []) + waivers.filter { $0.plan == nil || $0.plan == plan.id }
        var items: [ItemExplanation] = []
        let budget = ItemBudget(base: options.budget, plan: plan)
        subjects.forEach(rule.scope, engagements: 0..<plan.engagements.count) { subject in
            guard matches(subject, subjects, filter) else { return }
            items.append(explain(program, subjects, subject, waivers: allWaivers, policy: options.waivers,
                                 budget: budget.steps(rule.scope, item: subject.index)))
        }
        return .success(RuleExplanation(ruleID: rule.id, title: rule.title, scope: rule.scope, severity: rule.severity,
                                        planID: plan.id, items: items))
    }

    /// A filter naming an engagement or country the plan does not have (a typo would
    /// otherwise explain nothing and look like success).
    static func unknownFilter(_ filter: ExplainFilter, _ plan: Plan) -> Diagnostic? {
        if let engagement = filter.engagement {
            let ids = plan.engagements.map(\.id)
            if !ids.contains(engagement) {
                return Diagnostic(.explainUnknownEngagement, "the plan has no engagement '\(engagement)'", at: nil,
                                  help: Suggestions.didYouMean(engagement, among: ids)
                                      ?? "choose one of: " + ids.prefix(20).joined(separator: ", "))
            }
        }
        if let country = filter.country {
            var countries: [String] = []
            for code in plan.engagements.flatMap({ $0.locations.map(\.country) }) where !countries.contains(code) {
                countries.append(code)
            }
            if !countries.contains(country) {
                return Diagnostic(.explainUnknownCountry, "no location of the plan is in '\(country)'", at: nil,
                                  help: Suggestions.didYouMean(country, among: countries)
                                      ?? "choose one of: " + countries.joined(separator: ", "))
            }
        }
        return nil
    }

    static func matches(_ subject: Subject, _ subjects: PlanSubjects, _ filter: ExplainFilter) -> Bool {
        if let engagement = filter.engagement,
           !subject.scope.definition.engagements(subjects, subject).contains(engagement) { return false }
        if let country = filter.country, subjects.describe(subject).country != country { return false }
        return true
    }

    static func explain(_ program: RuleProgram, _ subjects: PlanSubjects, _ subject: Subject,
                        waivers: [Waiver], policy: WaiverPolicy, budget: Int) -> ItemExplanation {
        let rule = program.rule
        var when: TracedExpression?
        if let bound = program.when, let expression = rule.when {
            when = TracedExpression.trace(field: "when", text: expression.text, program: bound.program,
                                          activation: bound.activation(subjects, subject), budget: budget)
        }
        var assert: TracedExpression?
        if when == nil || when?.resultValue.boolValue == true {
            assert = TracedExpression.trace(field: "assert", text: rule.assert.text, program: program.assert.program,
                                            activation: program.assert.activation(subjects, subject), budget: budget)
        }
        let outcome: ItemExplanation.Outcome
        var memo = RuleMemo()
        var slots: [CELValue] = []
        if let when, when.resultValue.boolValue == nil {
            outcome = .evaluationError("'when' gave \(when.result)")
        } else if assert == nil {
            outcome = .notApplicable
        } else if let finding = Evaluator.evaluate(program, subjects, subject, budget: budget, slots: &slots,
                                                            memo: &memo) {
            let applied = WaiverMatcher.apply(waivers, to: [finding], plan: subjects.plan, policy: policy)
            let waived = applied.first { $0.kind == finding.kind && $0.rule == finding.rule }?.status == .waived
            outcome = finding.kind == .violation ? .violation(message: finding.message, waived: waived)
                : .evaluationError(finding.message)
        } else {
            outcome = .passed
        }
        let about = subjects.describe(subject)
        return ItemExplanation(path: about.path?.text ?? "plan", label: label(subject, subjects),
                               location: about.place.span, when: when, assert: assert, outcome: outcome)
    }

    static func label(_ subject: Subject, _ subjects: PlanSubjects) -> String {
        subject.scope.definition.label(subjects, subject)
    }
}

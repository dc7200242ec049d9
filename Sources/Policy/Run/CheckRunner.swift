import Reference
import SourceText
import YAML

/// What to check and how: the library's entry point for `shore check`, `review` and
/// `explain`. The CLI only fills this in.
public struct CheckRequest: Sendable {
    public var plans: [String]
    public var rules: [RuleSource]
    var waiverFiles: [String]
    public var overrides: [String: RuleOverride]
    var failOn: Severity?
    /// The run date: plans without a `date:` take it, and waivers are judged on the
    /// later of it and the plan's date (`--as-of`; default: today).
    var today: CivilDate
    public var evaluation: EvaluationOptions
    public var yamlLimits: YAMLLimits
    /// The rates plan costs are converted with (shore.yaml's `fx:` over the built-in
    /// reference rates).
    public var exchangeRates: ExchangeRates = .builtIn
    /// Problems the caller found before the run (configuration, rule paths, a baseline),
    /// reported first, ahead of the run's own.
    public var diagnostics: [Diagnostic]

    public init(plans: [String], rules: [RuleSource], waiverFiles: [String] = [], overrides: [String: RuleOverride] = [:],
                failOn: Severity? = .error, today: CivilDate = CivilDate.today(),
                evaluation: EvaluationOptions = EvaluationOptions(), yamlLimits: YAMLLimits = .default,
                diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
        self.plans = plans
        self.rules = rules
        self.waiverFiles = waiverFiles
        self.overrides = overrides
        self.failOn = failOn
        self.today = today
        self.evaluation = evaluation
        self.yamlLimits = yamlLimits
    }
}

/// Runs a check: its inputs through `InputLoader` (rules, overrides, waivers), then every
/// plan, loaded and evaluated one at a time against the deadline; every problem is collected.
public enum CheckRunner {
    public static func run(_ request: CheckRequest) -> CheckReport {
        var inputRequest = InputRequest(rules: request.rules, overrides: request.overrides, waiverFiles: request.waiverFiles,
                                        today: request.today, diagnostics: request.diagnostics)
        inputRequest.yaml = YAMLLoader(limits: request.yamlLimits)
        inputRequest.exchangeRates = request.exchangeRates
        inputRequest.evaluatesRules = true
        let inputs = InputLoader.load(inputRequest)
        var diagnostics = inputs.diagnostics
        let rules = inputs.rules, waivers = inputs.waivers, loader = inputs.planLoader
        var evaluation = request.evaluation
        if evaluation.waivers.asOf == nil { evaluation.waivers.asOf = request.today }
        var reports: [PlanReport] = []
        var planByID: [String: Plan] = [:]
        for (index, path) in request.plans.enumerated() {
            if request.evaluation.isPastDeadline {
                diagnostics.append(timeout(unchecked: Array(request.plans[index...])))
                break
            }
            let loaded = loader.load(path: path)
            diagnostics += loaded.diagnostics
            guard let plan = loaded.plan else { continue }
            if let earlier = planByID[plan.id] {
                diagnostics.append(duplicatePlan(plan, earlier: earlier))
            } else {
                planByID[plan.id] = plan
            }
            if !evaluation.waivers.allowPlanWaivers { diagnostics += plan.waivers.map(forbiddenWaiver) }
            guard let rules else { continue }
            let (findings, timedOut) = Evaluator(rules: rules, options: evaluation)
                .checkWithinDeadline(plan, waivers: waivers)
            reports.append(PlanReport(plan: plan, findings: findings))
            if timedOut {
                diagnostics.append(timeout(unchecked: Array(request.plans[index...]), partly: path))
                break
            }
        }
        return CheckReport(plans: reports, rules: rules, diagnostics: diagnostics, failOn: request.failOn, waivers: waivers,
                           policyChanges: inputs.policyChanges)
    }

    /// `plan.duplicate-id`: two plans of one run share an id, so their findings would share
    /// fingerprints (a baseline could not tell them apart).
    static func duplicatePlan(_ plan: Plan, earlier: Plan) -> Diagnostic {
        Diagnostic(.planDuplicateID, "the plan id '\(plan.id)' is also used by \(earlier.source.path)",
                   at: plan.place.span(of: "plan") ?? plan.place.span,
                   notes: [.init("the other plan with this id", at: earlier.place.span(of: "plan") ?? earlier.place.span)],
                   help: "give every plan its own id (`plan:`); findings and baselines tell plans apart by it")
    }

    /// `waiver.plan-forbidden`: `shore.yaml` sets `waivers: { plan: forbid }`, and the plan
    /// waives findings itself.
    static func forbiddenWaiver(_ waiver: Waiver) -> Diagnostic {
        Diagnostic(.waiverPlanForbidden, "this plan waives \(waiver.rule) itself, but shore.yaml forbids waivers inside plans",
                   at: waiver.span,
                   help: "move the waiver to a waivers file given with --waivers (or listed under `waivers: { files: … }` in shore.yaml)")
    }

    /// `run.timeout`: the deadline passed before every plan was checked (or, with
    /// `stage`, while that later stage ran); the run is invalid (exit 2), so an
    /// unfinished check never reads as clean.
    static func timeout(unchecked plans: [String], partly: String? = nil, stage: String? = nil) -> Diagnostic {
        let names = plans.prefix(5).joined(separator: ", ") + (plans.count > 5 ? ", …" : "")
        let message = if let stage { "the run ran out of time in its \(stage) stage" }
            else if let partly { "the check ran out of time while evaluating \(partly); not fully checked: \(names)" }
            else { "the check ran out of time; not checked: \(names)" }
        return Diagnostic(.runTimeout, message, at: nil, help: "raise --timeout, or check fewer plans per run")
    }
}

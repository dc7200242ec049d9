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

/// A per-rule setting from `shore.yaml`.
public struct RuleOverride: Sendable, Hashable {
    public var severity: Severity?
    public var enabled: Bool?
    /// Where shore.yaml names the rule (an override of a rule not loaded is reported there).
    public var location: SourceSpan?
    public init(severity: Severity? = nil, enabled: Bool? = nil, location: SourceSpan? = nil) {
        self.severity = severity
        self.enabled = enabled
        self.location = location
    }
}

/// Runs a check: rules, then waivers, then every plan; every problem is collected.
public enum CheckRunner {
    public static func run(_ request: CheckRequest) -> CheckReport {
        let yaml = YAMLLoader(limits: request.yamlLimits)
        let loadedRules = RuleLoader(yaml: yaml).load(sources: request.rules)
        var diagnostics = request.diagnostics + loadedRules.diagnostics.filter { $0.severity != .info }
        if request.rules.isEmpty, !request.diagnostics.contains(where: { $0.code == .rulesNone }) {
            diagnostics.append(RuleFiles.noneFound(under: []))
        }
        var rules = loadedRules.rules
        var policyChanges: [PolicyChange] = []
        if var set = rules {
            diagnostics += apply(request.overrides, to: &set, changes: &policyChanges)
            rules = set
            // No rule to run: no evaluation (its waiver reports would only be noise). No
            // rule at all was reported by the loader (rules.empty) or the caller (rules.none).
            if set.enabledRules.isEmpty {
                if let first = set.rules.first { diagnostics.append(allDisabled(first, count: set.rules.count)) }
                rules = nil
            }
        }
        var waivers: [Waiver] = []
        for file in request.waiverFiles {
            let loaded = WaiverReader.load(path: file, yaml: yaml)
            waivers += loaded.waivers
            diagnostics += loaded.diagnostics
        }
        var loader = PlanLoader(yaml: yaml, classifications: rules?.classifications ?? Classifications.defaultScale,
                                today: request.today)
        loader.exchangeRates = request.exchangeRates
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
                           policyChanges: policyChanges)
    }

    /// `rules.all-disabled`: every rule is switched off (in its file or by `shore.yaml`),
    /// so nothing would be checked; an error, not a pass.
    static func allDisabled(_ first: Rule, count: Int) -> Diagnostic {
        Diagnostic(.rulesAllDisabled, count == 1 ? "the only rule, \(first.id), is disabled, so nothing would be checked"
                       : "all \(count) rules are disabled, so nothing would be checked",
                   at: first.node["enabled"]?.span ?? first.span,
                   help: "enable at least one rule: remove `enabled: false` from it, or its entry under `overrides:` in shore.yaml")
    }

    /// `plan.duplicate-id`: two plans of one run share an id, so their findings would share
    /// fingerprints (a baseline could not tell them apart).
    static func duplicatePlan(_ plan: Plan, earlier: Plan) -> Diagnostic {
        Diagnostic(.planDuplicateID, "the plan id '\(plan.id)' is also used by \(earlier.node.document.source.path)",
                   at: (plan.node["plan"] ?? plan.node).span,
                   notes: [.init("the other plan with this id", at: (earlier.node["plan"] ?? earlier.node).span)],
                   help: "give every plan its own id (`plan:`); findings and baselines tell plans apart by it")
    }

    /// `waiver.plan-forbidden`: `shore.yaml` sets `waivers: { plan: forbid }`, and the plan
    /// waives findings itself.
    static func forbiddenWaiver(_ waiver: Waiver) -> Diagnostic {
        Diagnostic(.waiverPlanForbidden, "this plan waives \(waiver.rule) itself, but shore.yaml forbids waivers inside plans",
                   at: waiver.node.span,
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

    /// Applies `shore.yaml` overrides; an override naming no rule is an error.
    static func apply(_ overrides: [String: RuleOverride], to rules: inout RuleSet) -> [Diagnostic] {
        var changes: [PolicyChange] = []
        return apply(overrides, to: &rules, changes: &changes)
    }

    /// Applies `shore.yaml` overrides, recording each in `changes`; an override naming
    /// no rule is an error.
    static func apply(_ overrides: [String: RuleOverride], to rules: inout RuleSet,
                      changes: inout [PolicyChange]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (id, override) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let index = rules.rules.firstIndex(where: { $0.id == id }) else {
                diagnostics.append(Diagnostic(
                    .configUnknownRule, "the override names the rule '\(id)', which is not loaded", at: override.location,
                    help: Suggestions.didYouMean(id, among: rules.rules.map(\.id)) ?? "check the rule id"))
                continue
            }
            let declared = rules.rules[index]
            if let severity = override.severity { rules.rules[index].severity = severity }
            if let enabled = override.enabled { rules.rules[index].enabled = enabled }
            changes.append(PolicyChange(rule: id, ruleTitle: declared.title, declaredSeverity: declared.severity,
                                        severity: rules.rules[index].severity, declaredEnabled: declared.enabled,
                                        enabled: rules.rules[index].enabled))
        }
        return diagnostics
    }
}

import Reference
import SourceText
import YAML

/// What a command needs loaded. Every command reads its inputs through `InputLoader`
/// and fills in only what it uses; what it leaves out is not read.
public struct InputRequest: Sendable {
    /// The rule files (see `InputSelection`).
    public var rules: [RuleSource]
    /// `shore.yaml`'s per-rule settings, applied after loading.
    public var overrides: [String: RuleOverride] = [:]
    /// The waiver files (`--waivers`, or shore.yaml's).
    public var waiverFiles: [String] = []
    /// Plan files loaded at once (explain, eval, the language server). `check` loads its
    /// plans one at a time with `LoadedInputs.planLoader`, against its deadline.
    public var plans: [String] = []
    /// The run date: plans without a `date:` take it.
    public var today: CivilDate
    /// The rates plan costs are converted with (shore.yaml's `fx:` over the built-in ones).
    public var exchangeRates: ExchangeRates = .builtIn
    /// How files are read: the YAML limits, and text to read instead of files on disk
    /// (an editor's unsaved documents, `YAMLLoader.overlay`).
    public var yaml: YAMLLoader = YAMLLoader()
    /// Problems found before loading (the config, the rule entries), reported first.
    public var diagnostics: [Diagnostic] = []
    /// Whether rule loading's info diagnostics are kept (lint shows them; a run does not).
    public var keepsRuleInfo = false
    /// Whether the command evaluates the rules, so that no rule file, or every rule
    /// disabled, is an error (`rules.none`, `rules.all-disabled`) and leaves no rules.
    public var evaluatesRules = false

    public init(rules: [RuleSource], overrides: [String: RuleOverride] = [:], waiverFiles: [String] = [],
                plans: [String] = [], today: CivilDate = CivilDate.today(), diagnostics: [Diagnostic] = []) {
        self.rules = rules
        self.overrides = overrides
        self.waiverFiles = waiverFiles
        self.plans = plans
        self.today = today
        self.diagnostics = diagnostics
    }
}

/// What `InputLoader` read, with every problem found, in the order they were found.
public struct LoadedInputs: Sendable {
    /// The rules with overrides applied; nil when any rule had an error (a run never goes
    /// on with half its policy) or, for a command that evaluates, when none is enabled.
    public var rules: RuleSet?
    /// Rule loading's own result (set usage and compiled-rule count, for lint).
    public var ruleLoad: RuleLoadResult
    /// What the overrides changed, in rule-id order.
    public var policyChanges: [PolicyChange]
    public var waivers: [Waiver]
    /// The request's plans that loaded without errors, in order.
    public var plans: [Plan]
    /// Loads more plans the same way: the same YAML reading, the rules' classification
    /// scale, the run date and exchange rates.
    public var planLoader: PlanLoader
    /// The request's diagnostics, then the rules', the overrides', the waivers' and the
    /// plans'.
    public var diagnostics: [Diagnostic]

    /// The environment rules compile in: the loaded rules', else the built-in one.
    public var environment: PolicyEnvironment {
        rules?.environment ?? ruleLoad.environment
            ?? PolicyEnvironment(classifications: Classifications.defaultScale, sets: PolicyEnvironment.builtInSets)
    }
}

/// Loads a command's inputs in one order: rules (with the built-in pack when selected),
/// `shore.yaml` overrides, waivers, then plans validated against the rules'
/// classification scale and converted with the run's exchange rates. Every problem is
/// collected, not just the first. `check`, `review`, `explain`, `eval`, `lint`, `test`
/// and the language server all read their inputs here.
public enum InputLoader {
    public static func load(_ request: InputRequest) -> LoadedInputs {
        let loaded = RuleLoader(yaml: request.yaml).load(sources: request.rules)
        var diagnostics = request.diagnostics
            + (request.keepsRuleInfo ? loaded.diagnostics : loaded.diagnostics.filter { $0.severity != .info })
        if request.evaluatesRules, request.rules.isEmpty, !request.diagnostics.contains(where: { $0.code == .rulesNone }) {
            diagnostics.append(RuleFiles.noneFound(under: []))
        }
        var rules = loaded.rules
        var changes: [PolicyChange] = []
        if var set = rules {
            changes = RuleOverride.apply(request.overrides, to: &set, into: &diagnostics)
            rules = set
            // No rule to run: no evaluation (its waiver reports would only be noise). No
            // rule at all was reported by the loader (rules.empty) or above (rules.none).
            if request.evaluatesRules, set.enabledRules.isEmpty {
                if let first = set.rules.first { diagnostics.append(allDisabled(first, count: set.rules.count)) }
                rules = nil
            }
        }
        var waivers: [Waiver] = []
        for file in request.waiverFiles {
            let read = WaiverReader.load(path: file, yaml: request.yaml)
            waivers += read.waivers
            diagnostics += read.diagnostics
        }
        var planLoader = PlanLoader(yaml: request.yaml, classifications: rules?.classifications ?? Classifications.defaultScale,
                                    today: request.today)
        planLoader.exchangeRates = request.exchangeRates
        var plans: [Plan] = []
        for path in request.plans {
            let read = planLoader.load(path: path)
            diagnostics += read.diagnostics
            if let plan = read.plan { plans.append(plan) }
        }
        return LoadedInputs(rules: rules, ruleLoad: loaded, policyChanges: changes, waivers: waivers, plans: plans,
                            planLoader: planLoader, diagnostics: diagnostics)
    }

    /// `rules.all-disabled`: every rule is switched off (in its file or by `shore.yaml`),
    /// so nothing would be checked; an error, not a pass.
    static func allDisabled(_ first: Rule, count: Int) -> Diagnostic {
        Diagnostic(.rulesAllDisabled, count == 1 ? "the only rule, \(first.id), is disabled, so nothing would be checked"
                       : "all \(count) rules are disabled, so nothing would be checked",
                   at: first.node["enabled"]?.span ?? first.span,
                   help: "enable at least one rule: remove `enabled: false` from it, or its entry under `overrides:` in shore.yaml")
    }
}

import Reference
import SourceText
import YAML

/// What `explain` and `eval` read: the rules (for the environment and named sets), an
/// optional plan and the waiver files; every problem collected, not just the first.
public struct AuthoringInputs: Sendable {
    public let rules: RuleSet?
    public let plan: Plan?
    public let waivers: [Waiver]
    public let diagnostics: [Diagnostic]

    /// Loads rules, then waivers, then the plan (validated against the rules' scale).
    public static func load(rules sources: [RuleSource], plan path: String?, waiverFiles: [String] = [],
                            overrides: [String: RuleOverride] = [:],
                            today: CivilDate = CivilDate.today()) -> AuthoringInputs {
        let yaml = YAMLLoader()
        let loaded = RuleLoader(yaml: yaml).load(sources: sources)
        var diagnostics = loaded.diagnostics.filter { $0.severity != .info }
        var rules = loaded.rules
        if var set = rules {
            diagnostics += CheckRunner.apply(overrides, to: &set)
            rules = set
        }
        var waivers: [Waiver] = []
        for file in waiverFiles {
            let read = WaiverReader.load(path: file, yaml: yaml)
            waivers += read.waivers
            diagnostics += read.diagnostics
        }
        var plan: Plan?
        if let path {
            let planLoad = PlanLoader(yaml: yaml, classifications: rules?.classifications ?? Classifications.defaultScale,
                                      today: today).load(path: path)
            diagnostics += planLoad.diagnostics
            plan = planLoad.plan
        }
        return AuthoringInputs(rules: rules, plan: plan, waivers: waivers, diagnostics: diagnostics)
    }

    /// The environment rules compile in: the loaded rules', or the built-in one.
    public var environment: PolicyEnvironment {
        rules?.environment ?? PolicyEnvironment(classifications: Classifications.defaultScale,
                                                sets: PolicyEnvironment.builtInSets)
    }
}

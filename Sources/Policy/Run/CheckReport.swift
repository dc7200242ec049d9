import SourceText

/// The findings of one plan.
public struct PlanReport: Sendable {
    public let plan: Plan
    public let findings: [Finding]

    init(plan: Plan, findings: [Finding]) {
        self.plan = plan
        self.findings = findings
    }

    public var failing: [Finding] { findings.filter(\.isFailing) }
}

/// Counts over a run.
public struct CheckSummary: Sendable, Hashable {
    public let plans: Int
    public let rules: Int
    public let failing: Int
    public let waived: Int
    /// Failing findings by severity.
    public let bySeverity: [Severity: Int]
}

/// Everything a `shore check` run found: per-plan findings and every input problem.
/// Reporters are pure functions of this value.
public struct CheckReport: Sendable {
    public internal(set) var plans: [PlanReport]
    public let rules: RuleSet?
    /// Problems with the inputs (YAML, schema, rules); any error means exit 2.
    public internal(set) var diagnostics: [Diagnostic]
    /// The lowest severity that fails the run; nil for `none`.
    public let failOn: Severity?
    /// The waivers read from waiver files (`--waivers`); a plan's own are in its `Plan`.
    public let waivers: [Waiver]
    /// The `shore.yaml` overrides in force, in rule-id order.
    public let policyChanges: [PolicyChange]
    /// Set when the findings were compared with a `--baseline` (`Baseline.filter`).
    public var baseline: BaselineComparison?

    public init(plans: [PlanReport], rules: RuleSet?, diagnostics: [Diagnostic], failOn: Severity?, waivers: [Waiver] = [],
                policyChanges: [PolicyChange] = []) {
        self.plans = plans
        self.rules = rules
        self.diagnostics = diagnostics
        self.failOn = failOn
        self.waivers = waivers
        self.policyChanges = policyChanges
    }

    public var findings: [Finding] { plans.flatMap(\.findings) }

    /// The rule files the run loaded and how many rules (enabled) each gave; empty when
    /// the rules could not be loaded.
    public var ruleFiles: [RuleFileSummary] { rules?.fileSummaries ?? [] }

    public var hasInputErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The same report (overrides and baseline counts included) with `extra`
    /// diagnostics after its own.
    func adding(_ extra: [Diagnostic]) -> CheckReport {
        var copy = self
        copy.diagnostics += extra
        return copy
    }

    /// The report, with `run.timeout` for `stage` when `deadline` has passed and no
    /// timeout is reported yet: `--timeout` covers the stages after the check too.
    public func checkingDeadline(_ deadline: ContinuousClock.Instant?, stage: String) -> CheckReport {
        guard let deadline, ContinuousClock.now >= deadline, !diagnostics.contains(where: { $0.code == .runTimeout }) else {
            return self
        }
        return adding([CheckRunner.timeout(unchecked: [], stage: stage)])
    }

    public var summary: CheckSummary {
        var failing = 0
        var waived = 0
        var severities = (error: 0, warning: 0, info: 0)
        for plan in plans {
            // Read in place: a `for finding in` loop would copy every finding.
            let findings = plan.findings
            for i in findings.indices {
                guard findings[i].status == .failing else { waived += 1; continue }
                failing += 1
                switch findings[i].severity {
                case .error: severities.error += 1
                case .warning: severities.warning += 1
                case .info: severities.info += 1
                }
            }
        }
        let bySeverity: [Severity: Int] = [.error: severities.error, .warning: severities.warning, .info: severities.info]
        return CheckSummary(plans: plans.count, rules: rules?.enabledRules.count ?? 0, failing: failing,
                            waived: waived, bySeverity: bySeverity)
    }

    /// 2 for invalid input; 1 when a failing finding is at or above `failOn`; else 0.
    public var exitCode: Int32 {
        if hasInputErrors { return 2 }
        guard let failOn else { return 0 }
        return plans.contains { plan in
            plan.findings.indices.contains { plan.findings[$0].status == .failing && plan.findings[$0].severity >= failOn }
        } ? 1 : 0
    }
}

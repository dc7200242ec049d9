import SourceText

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

    /// Applies `overrides` to `rules` in rule-id order, returning each change made (for
    /// the report's policy changes); an override naming no loaded rule is a
    /// `config.unknown-rule` error.
    static func apply(_ overrides: [String: RuleOverride], to rules: inout RuleSet,
                      into diagnostics: inout [Diagnostic]) -> [PolicyChange] {
        var changes: [PolicyChange] = []
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
        return changes
    }
}

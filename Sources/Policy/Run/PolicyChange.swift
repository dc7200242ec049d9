import SourceText

/// A `shore.yaml` override in force in a run: which rule it changed, from what to
/// what. Every report lists these, so a policy weakened by configuration is visible.
public struct PolicyChange: Sendable, Hashable {
    public let rule: String
    public let ruleTitle: String?
    /// The rule file's severity and the one the run used (equal when unchanged).
    public let declaredSeverity: Severity
    public let severity: Severity
    /// Whether the rule file enables the rule, and whether the run did.
    public let declaredEnabled: Bool
    public let enabled: Bool

    init(rule: String, ruleTitle: String?, declaredSeverity: Severity, severity: Severity,
                declaredEnabled: Bool, enabled: Bool) {
        self.rule = rule
        self.ruleTitle = ruleTitle
        self.declaredSeverity = declaredSeverity
        self.severity = severity
        self.declaredEnabled = declaredEnabled
        self.enabled = enabled
    }

    /// What changed, in words: `severity error → info`, `disabled`, `enabled`,
    /// `unchanged` (an override that repeats the rule file).
    public var change: String {
        var parts: [String] = []
        if declaredEnabled != enabled { parts.append(enabled ? "enabled" : "disabled") }
        if declaredSeverity != severity {
            parts.append("severity \(declaredSeverity.rawValue) → \(severity.rawValue)")
        }
        return parts.isEmpty ? "unchanged" : parts.joined(separator: ", ")
    }

    /// `DATA-001: severity error → info`.
    public var summary: String { "\(rule): \(change)" }
}

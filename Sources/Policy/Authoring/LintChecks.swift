import CEL
import SourceText

/// The checks only `shore lint` runs, on a rule set that loaded.
enum LintChecks {
    /// `lint.unused-set`: a set a rule file defines and no rule reads.
    static func unusedSets(_ rules: RuleSet, usage: [String: [String]]) -> [Diagnostic] {
        rules.environment.sets.values
            .filter { $0.node != nil && usage[$0.name] == nil }
            .sorted { $0.name < $1.name }
            .map { set in
                Diagnostic(.lintUnusedSet, "the set '\(set.name)' is defined but no rule uses it",
                           at: set.node?.span, severity: .warning,
                           help: "remove it, or use it in a rule (e.g. `location.country in \(set.name)`)")
            }
    }

    /// `lint.constant-when` / `lint.constant-assert`: an expression that reads nothing
    /// from the plan (only literals and sets), so it has the same value on every item.
    static func constantExpressions(_ rules: RuleSet) -> [Diagnostic] {
        let sets = rules.environment.sets.mapValues { PlanValues.strings($0.members) }
        var diagnostics: [Diagnostic] = []
        for rule in rules.rules {
            if let when = rule.when, let value = constantValue(when.program, sets: sets) {
                if value == false {
                    diagnostics.append(Diagnostic(
                        .lintConstantWhen, "the 'when' of \(rule.id) is always false, so the rule never applies",
                        at: when.node.span, severity: .warning,
                        help: "make 'when' read the plan (e.g. `location.offshore`), or set `enabled: false` to switch the rule off"))
                } else {
                    diagnostics.append(Diagnostic(
                        .lintConstantWhen, "the 'when' of \(rule.id) is always true, so it changes nothing",
                        at: when.node.span, severity: .info, help: "remove the 'when'"))
                }
            }
            if let value = constantValue(rule.assert.program, sets: sets), value {
                diagnostics.append(Diagnostic(
                    .lintConstantAssert, "the 'assert' of \(rule.id) is always true, so the rule can never fire",
                    at: rule.assert.node.span, severity: .warning,
                    help: "the assert should read the plan through the scope's variables (\((["plan", "company"] + rule.scope.variables).joined(separator: ", ")))"))
            }
        }
        return diagnostics
    }

    /// The boolean an expression always gives, when it reads no plan variable.
    static func constantValue(_ program: CELProgram, sets: [String: CELValue]) -> Bool? {
        guard program.variableNames.allSatisfy({ sets[$0] != nil }) else { return nil }
        var activation = CELActivation()
        for name in program.variableNames { activation[name] = sets[name] }
        return program.evaluate(activation, budget: 10_000).boolValue
    }
}

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

    /// `lint.plan-wide-search`: a rule that runs once per item and, in its `when` or
    /// `assert`, loops over `plan.engagements` (`exists`, `all`, `filter` …): the loop runs
    /// for every item, so a plan of 10,000 engagements and 2,000 providers makes 20 million
    /// steps, and one item's search can exceed the evaluation budget.
    static func planWideSearches(_ rules: RuleSet) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules.rules where rule.scope != .plan {
            for (field, expression) in [("when", rule.when), ("assert", rule.assert)] {
                guard let expression, let loop = firstLoopOverPlanEngagements(expression.program.ast.expr) else { continue }
                let item = rule.scope.rawValue
                diagnostics.append(Diagnostic(
                    .lintPlanWideSearch,
                    "the '\(field)' of \(rule.id) searches plan.engagements once per \(item), so its work grows with \(item)s × engagements",
                    at: ScalarSourceMap(node: expression.node).span(from: loop.start, to: loop.end), severity: .warning,
                    help: planWideSearchHelp(rule.scope)))
            }
        }
        return diagnostics
    }

    /// Where `expr` first loops over `plan.engagements` (the range of `plan.engagements`).
    private static func firstLoopOverPlanEngagements(_ expr: CELExpr) -> CELSourceRange? {
        var found: CELSourceRange?
        expr.walk { node in
            guard found == nil, case .comprehension(let loop) = node.kind,
                  case .select(let operand, "engagements", false) = loop.iterRange.kind,
                  case .ident("plan") = operand.kind else { return }
            found = loop.iterRange.range
        }
        return found
    }

    private static func planWideSearchHelp(_ scope: RuleScope) -> String {
        switch scope {
        case .provider:
            return "read the provider's own facts (provider.engagements, provider.controls, provider.work_countries), or check the whole plan once in a `for: plan` rule"
        case .country:
            return "read the country's own facts (country.engagements, country.headcount), or check the whole plan once in a `for: plan` rule"
        case .engagement:
            return "use this engagement's own fields, or check the whole plan once in a `for: plan` rule"
        default:
            return "use this \(scope.rawValue)'s fields and its `engagement`, or check the whole plan once in a `for: plan` rule"
        }
    }
}

import CEL

/// A compiled rule readied for evaluation: for each of its programs, where each
/// variable slot's value comes from. Built once per rule set (`RulePrograms`).
struct RuleProgram: Sendable {
    /// Where one variable's value comes from.
    enum Source {
        case variable(Binding, name: String)
        case constant(CELValue)
        case missing(String)
    }

    struct Bound {
        let program: CELProgram
        let sources: [Source]

        init(_ program: CELProgram, scope: RuleScope, sets: [String: CELValue]) {
            self.program = program
            sources = program.variableNames.map { name in
                if let set = sets[name] { return .constant(set) }
                if let binding = Binding(name, in: scope) { return .variable(binding, name: name) }
                return .missing(name)
            }
        }

        private init(program: CELProgram, sources: [Source]) {
            self.program = program
            self.sources = sources
        }

        /// A copy whose constant lists (the named sets) are this thread's own buffers.
        func copyForThread() -> Bound {
            Bound(program: program, sources: sources.map { source in
                if case .constant(.list(let items)) = source { return .constant(.list(items.map { $0 })) }
                return source
            })
        }

        func slots(_ subjects: PlanSubjects, _ subject: Subject) -> [CELValue] {
            sources.map { source in
                switch source {
                case .constant(let value): return value
                case .variable(let binding, let name):
                    return subjects.value(binding, for: subject) ?? .err("no such variable '\(name)'")
                case .missing(let name):
                    return .err("no such variable '\(name)'")
                }
            }
        }

        /// The variables by name, for a traced evaluation (`shore explain`).
        func activation(_ subjects: PlanSubjects, _ subject: Subject) -> CELActivation {
            CELActivation(Dictionary(zip(program.variableNames, slots(subjects, subject)), uniquingKeysWith: { a, _ in a }))
        }

    }

    /// The rule as the run sees it (its severity and `enabled` after overrides).
    private(set) var rule: Rule
    /// What the rule's findings on the plan being checked share (see `forPlan`).
    private(set) var findingRule: FindingRule
    let when: Bound?
    let assert: Bound
    /// The message template's parts, its placeholders bound.
    let message: [MessagePart]?

    enum MessagePart {
        case text(String)
        case value(Bound)
    }
    /// The variable and field the assert is about, in the order they appear, for
    /// pointing a finding at the most specific field.
    let focus: [(variable: String, field: String)]

    /// How to show the values behind a failed assert.
    let explanation: Explanation

    private init(rule: Rule, findingRule: FindingRule, when: Bound?, assert: Bound, message: [MessagePart]?,
                 focus: [(variable: String, field: String)], explanation: Explanation) {
        self.rule = rule
        self.findingRule = findingRule
        self.when = when
        self.assert = assert
        self.message = message
        self.focus = focus
        self.explanation = explanation
    }

    /// A copy for one thread (see `Bound.copyForThread`).
    func copyForThread() -> RuleProgram {
        RuleProgram(
            rule: rule, findingRule: findingRule, when: when?.copyForThread(), assert: assert.copyForThread(),
            message: message?.map { part in
                if case .value(let bound) = part { return .value(bound.copyForThread()) }
                return part
            },
            focus: focus, explanation: explanation)
    }

    /// The same program for `rule` (the rule it was built from, perhaps with another
    /// severity or `enabled`).
    func with(_ rule: Rule) -> RuleProgram {
        var copy = self
        copy.rule = rule
        return copy.forPlan(findingRule.plan)
    }

    /// The same program for checking plan `planID`: its findings share one `FindingRule`.
    func forPlan(_ planID: String) -> RuleProgram {
        var copy = self
        copy.findingRule = FindingRule(rule: rule.id, ruleTitle: rule.title, plan: planID,
                                       remediation: rule.remediation, references: rule.references)
        return copy
    }

    /// Whether this program was built from `rule`'s expressions.
    func isBuilt(from rule: Rule) -> Bool {
        self.rule.id == rule.id && self.rule.scope == rule.scope && self.rule.assert.text == rule.assert.text
            && self.rule.when?.text == rule.when?.text && self.rule.message?.text == rule.message?.text
    }

    init(_ rule: Rule, sets: [String: CELValue]) {
        self.rule = rule
        findingRule = FindingRule(rule: rule.id, ruleTitle: rule.title, plan: "", remediation: rule.remediation,
                                  references: rule.references)
        explanation = Explanation(rule.assert.program, scope: rule.scope, sets: sets)
        when = rule.when.map { Bound($0.program, scope: rule.scope, sets: sets) }
        assert = Bound(rule.assert.program, scope: rule.scope, sets: sets)
        message = rule.message?.parts.map { part in
            switch part {
            case .text(let text): .text(text)
            case .expression(let program, _): .value(Bound(program, scope: rule.scope, sets: sets))
            }
        }
        var focus: [(String, String)] = []
        rule.assert.program.ast.expr.walk { expr in
            if case .select(let operand, let field, _) = expr.kind, case .ident(let name) = operand.kind {
                focus.append((name, field))
            }
        }
        self.focus = focus
    }
}

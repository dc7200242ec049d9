import CEL
import YAML

/// A compiled rule readied for evaluation: for each of its programs, where each
/// variable slot's value comes from. Built once per rule set (`RulePrograms`).
struct RuleProgram: Sendable {
    /// Where one variable's value comes from.
    enum Source {
        case variable(Binding, name: String)
        /// The scope's variable number `index`, read straight from the scope's definition
        /// (`Bound.scopeValue`).
        case scoped(index: Int)
        case constant(CELValue)
        case missing(String)
    }

    /// One program with where each of its variables comes from. A class, so a rule's
    /// evaluation reads it in place: copying a struct of this size (the program's plan,
    /// checked types and sources) costs a dozen reference counts per item.
    final class Bound: Sendable {
        let program: CELProgram
        let sources: [Source]
        /// The rule scope's `ScopeDefinition.value`, which the `.scoped` sources read.
        let scopeValue: @Sendable (PlanSubjects, Subject, Int) -> CELValue
        /// Whether every variable is a constant (a named set): the value is the same on every subject.
        let isConstant: Bool

        init(_ program: CELProgram, scope: RuleScope, sets: [String: CELValue]) {
            self.program = program
            scopeValue = scope.definition.value
            sources = program.variableNames.map { name in
                if let set = sets[name] { return .constant(set) }
                switch Binding(name, in: scope) {
                case .scoped(let index)?: return .scoped(index: index)
                case let binding?: return .variable(binding, name: name)
                case nil: break
                }
                return .missing(name)
            }
            isConstant = sources.allSatisfy { if case .constant = $0 { true } else { false } }
        }

        private init(program: CELProgram, sources: [Source], scopeValue: @escaping @Sendable (PlanSubjects, Subject, Int) -> CELValue,
                     isConstant: Bool) {
            self.program = program
            self.sources = sources
            self.scopeValue = scopeValue
            self.isConstant = isConstant
        }

        /// A copy whose constant lists (the named sets) are this thread's own buffers.
        func copyForThread() -> Bound {
            Bound(program: program, sources: sources.map { source in
                if case .constant(.list(let items)) = source { return .constant(.list(items.map { $0 })) }
                return source
            }, scopeValue: scopeValue, isConstant: isConstant)
        }

        /// The program's value for `subject`. `slots` is the caller's buffer, refilled
        /// for each evaluation so that evaluating allocates no array of its own.
        func evaluate(_ subjects: PlanSubjects, _ subject: Subject, budget: Int, slots: inout [CELValue]) -> CELValue {
            fill(&slots, subjects, subject)
            return program.evaluate(slots: slots, budget: budget)
        }

        /// The variables' values for `subject`, in slot order.
        func slots(_ subjects: PlanSubjects, _ subject: Subject) -> [CELValue] {
            var slots: [CELValue] = []
            fill(&slots, subjects, subject)
            return slots
        }

        /// Sets `slots[i]` to variable i's value. The buffer only grows: the program reads
        /// its own variables' slots, and overwriting them in place is cheaper than emptying
        /// and refilling the array.
        private func fill(_ slots: inout [CELValue], _ subjects: PlanSubjects, _ subject: Subject) {
            if slots.count < sources.count { slots += repeatElement(.null, count: sources.count - slots.count) }
            // Both arrays read and written in place: no uniqueness check per slot, no copy
            // of each source.
            slots.withUnsafeMutableBufferPointer { slots in
                sources.withUnsafeBufferPointer { sources in
                    for slot in sources.indices {
                        switch sources[slot] {
                        case .constant(let value): slots[slot] = value
                        case .scoped(let index): slots[slot] = scopeValue(subjects, subject, index)
                        case .variable(let binding, let name):
                            slots[slot] = subjects.value(binding, for: subject) ?? .err("no such variable '\(name)'")
                        case .missing(let name): slots[slot] = .err("no such variable '\(name)'")
                        }
                    }
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
    let focus: [(variable: Int, field: String)]
    /// Where a variable's fields are written (`ScopeDefinition.place`), for `focus`.
    let focusPlace: @Sendable (PlanSubjects, Subject, Int) -> PlanPlace?

    /// How to show the values behind a failed assert.
    let explanation: Explanation

    private init(rule: Rule, findingRule: FindingRule, when: Bound?, assert: Bound, message: [MessagePart]?,
                 focus: [(variable: Int, field: String)], explanation: Explanation) {
        self.rule = rule
        self.findingRule = findingRule
        self.when = when
        self.assert = assert
        self.message = message
        self.focus = focus
        focusPlace = rule.scope.definition.place
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
        let definition = rule.scope.definition
        var focus: [(Int, String)] = []
        rule.assert.program.ast.expr.walk { expr in
            if case .select(let operand, let field, _) = expr.kind, case .ident(let name) = operand.kind,
               let index = definition.variableNames.firstIndex(of: name) {
                focus.append((index, field))
            }
        }
        self.focus = focus
        focusPlace = definition.place
    }
}

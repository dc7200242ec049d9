import CEL
import Synchronization

/// The evaluation programs of a rule set's rules, each built the first time a run needs
/// it and kept with the rule set, so checking many plans (or explaining a rule) never
/// plans a rule again. Shared by copies of the rule set; a rule whose expressions differ
/// from the ones a program was built from gets a program of its own.
final class RulePrograms: Sendable {
    private struct Built {
        /// The named sets as CEL lists, the constants of every program.
        var sets: [String: CELValue]?
        var programs: [String: RuleProgram] = [:]
    }

    private let built = Mutex(Built())

    init() {}

    /// The program of each of `rules` (rules of `ruleSet`), in order.
    func programs(_ rules: [Rule], of ruleSet: RuleSet) -> [RuleProgram] {
        built.withLock { built in
            let sets = built.sets ?? ruleSet.environment.sets.mapValues { PlanValues.strings($0.members) }
            built.sets = sets
            return rules.map { rule in
                if let program = built.programs[rule.id], program.isBuilt(from: rule) { return program.with(rule) }
                let program = RuleProgram(rule, sets: sets)
                built.programs[rule.id] = program
                return program
            }
        }
    }

    /// The program of `rule`.
    func program(_ rule: Rule, of ruleSet: RuleSet) -> RuleProgram {
        programs([rule], of: ruleSet)[0]
    }
}

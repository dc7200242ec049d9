import CEL
import Reference

/// The CEL environments rules compile in: the plan schema's object types, Shore's
/// domain functions, the named sets as `list(string)` variables, and per scope the
/// variables `for:` binds.
public struct PolicyEnvironment: Sendable {
    /// Every named set visible to rules (built-in and from rule files), by name.
    public let sets: [String: NamedSet]
    public let classifications: [String]
    private let environments: [RuleScope: CELEnvironment]

    public init(classifications: [String], sets: [String: NamedSet]) {
        self.classifications = classifications
        self.sets = sets
        var base = CELEnvironment()
        for type in PlanTypes.all { base.declareObjectType(type) }
        for function in DomainFunctions.declarations(classifications: classifications) { base.declareFunction(function) }
        for name in sets.keys { base.declareVariable(name, type: .list(.string)) }
        var environments: [RuleScope: CELEnvironment] = [:]
        for scope in RuleScope.allCases {
            var env = base
            for name in ["plan", "company"] + scope.variables {
                if let type = PlanTypes.variables[name] { env.declareVariable(name, type: type) }
            }
            environments[scope] = env
        }
        self.environments = environments
    }

    /// The environment for rules with `for: scope`.
    public func environment(for scope: RuleScope) -> CELEnvironment {
        environments[scope] ?? CELEnvironment()
    }

    /// The built-in named sets (EU, EEA, adequacy, sanctions …, and the region sets),
    /// with source and as-of date.
    public static var builtInSets: [String: NamedSet] {
        var result: [String: NamedSet] = [:]
        for set in CountrySets.all + RegionSets.all {
            result[set.id] = NamedSet(name: set.id, members: set.members, node: nil, source: set.source, asOf: set.asOf)
        }
        return result
    }

    /// The variable names bound in some scope, for "not available here" hints.
    static let scopeVariables: Set<String> = Set(PlanTypes.variables.keys)
}

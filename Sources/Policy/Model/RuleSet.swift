/// Every rule loaded for a run, compiled, with the environment they share.
public struct RuleSet: Sendable {
    public var rules: [Rule]
    public let environment: PolicyEnvironment
    /// The rule files read, in load order.
    public let files: [String]

    /// The classification scale, lowest first.
    public var classifications: [String] { environment.classifications }

    /// Rules that are switched on.
    public var enabledRules: [Rule] { rules.filter(\.enabled) }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}

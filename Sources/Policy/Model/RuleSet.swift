/// Every rule loaded for a run, compiled, with the environment they share.
public struct RuleSet: Sendable {
    public var rules: [Rule]
    public let environment: PolicyEnvironment
    /// The rule files read, in load order.
    public let files: [String]
    /// The rules' evaluation programs, built once and shared by every plan checked.
    let programs = RulePrograms()

    /// The classification scale, lowest first.
    public var classifications: [String] { environment.classifications }

    /// Rules that are switched on.
    public var enabledRules: [Rule] { rules.filter(\.enabled) }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}

/// One rule file a run loaded, and what it contributed: a run can say how many rules it
/// checked from where, so a file that was skipped or defines nothing is noticed.
public struct RuleFileSummary: Sendable, Hashable {
    /// The file's path as given (embedded starter-pack files: their name).
    public let path: String
    /// Rules the file defines.
    public let rules: Int
    /// Of those, the rules switched on (after `shore.yaml` overrides).
    public let enabled: Int
}

extension RuleSet {
    /// Each rule file read, in load order, with its rule counts.
    var fileSummaries: [RuleFileSummary] {
        var total: [String: Int] = [:]
        var enabled: [String: Int] = [:]
        for rule in rules {
            let path = rule.node.document.source.path
            total[path, default: 0] += 1
            if rule.enabled { enabled[path, default: 0] += 1 }
        }
        return files.map { RuleFileSummary(path: $0, rules: total[$0] ?? 0, enabled: enabled[$0] ?? 0) }
    }
}

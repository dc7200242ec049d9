import ArgumentParser

/// The `shore` command: checks sourcing plans against policy rules.
public struct Shore: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "shore",
        abstract: "Policy-as-code checker for outsourcing and offshoring plans.",
        version: "0.1.0"
    )
    public init() {}
}

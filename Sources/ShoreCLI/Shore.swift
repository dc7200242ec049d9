import ArgumentParser
import Policy

/// `shore`: checks sourcing plans against outsourcing and offshoring policy.
public struct Shore: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "shore",
        abstract: "Policy-as-code checker for outsourcing and offshoring plans.",
        discussion: """
        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; \
        2 invalid input (YAML, schema, rules, usage), with every error listed.
        """,
        version: ShoreVersion.current,
        subcommands: [
            CheckCommand.self,
            ReviewCommand.self,
            LintCommand.self,
            TestCommand.self,
            ExplainCommand.self,
            EvalCommand.self,
            InitCommand.self,
            SchemaCommand.self,
            LSPCommand.self,
        ]
    )

    public init() {}
}

import ArgumentParser
import Policy

/// `shore schema KIND`: JSON Schema for editors (yaml-language-server).
struct SchemaCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of a Shore file kind, for editors.",
        discussion: """
        Point yaml-language-server at it with a first line such as
        # yaml-language-server: $schema=../schemas/plan.schema.json
        """)

    @Argument(help: ArgumentHelp("plan, rules, waivers, tests or config.", valueName: "kind"))
    var kind: SchemaKind

    @Option(help: ArgumentHelp("Write the schema here instead of stdout.", valueName: "file"))
    var output: String?

    func execute(_ io: CommandIO) throws -> Int32 {
        try io.write(JSONSchemaGenerator.text(kind), to: output)
        return 0
    }
}

extension SchemaKind: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import Policy
import SourceText

/// `shore init [DIR]`: a new policy repository that works at once.
struct InitCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a policy repository: config, a rule with tests, an example plan, schemas, CI files.",
        discussion: """
            Writes all files or none: when any file exists, a plain file stands where a folder \
            is needed, or a symbolic link leads out of DIR, it lists every problem and exits 2.
            """)

    @Argument(help: ArgumentHelp("The folder (default: the current one).", valueName: "dir"))
    var directory: String = "."

    @Option(help: ArgumentHelp("The company's home country, ISO 3166-1 alpha-2 (default: US).", valueName: "CC"))
    var country: String?

    @Option(help: ArgumentHelp("The company's IANA time zone (default: the country's, when it has only one).", valueName: "zone"))
    var timezone: String?

    @Option(help: ArgumentHelp("The company's business hours (default: 09:00-17:00).", valueName: "HH:MM-HH:MM"))
    var hours: String?

    func execute(_ io: CommandIO) throws -> Int32 {
        let renderer = DiagnosticRenderer()
        let options: InitOptions
        switch InitOptions.resolve(country: country, timeZone: timezone, hours: hours) {
        case .options(let resolved): options = resolved
        case .problems(let problems):
            io.err(renderer.render(problems))
            return 2
        }
        let files = InitTemplates.files(options)
        let problems = InitWriter(root: io.resolve(directory), shownRoot: directory).write(files)
        if !problems.isEmpty {
            io.err(io.relativeText(renderer.render(problems)) + "shore init wrote nothing.\n")
            return 2
        }
        let shown = directory == "." ? "this folder" : directory
        io.out("Created a Shore policy repository in \(shown) for a company in \(options.country) "
               + "(\(options.timeZone), \(options.hours)):\n"
               + files.map { "  \($0.path)\n" }.joined()
               + "Next: shore lint && shore test && shore check plans/example.yaml   (exits 0)\n")
        return 0
    }
}

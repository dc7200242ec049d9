import ArgumentParser
import Policy
import Reporters
import SourceText

/// `shore lint [RULES…]`: checks rule files without a plan.
struct LintCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule files: YAML, schema, CEL syntax and types, duplicate ids, unused sets, constant expressions.",
        discussion: "Exit codes: 0 clean or warnings only; 2 errors.")

    @Argument(help: ArgumentHelp("Rule files or folders (default: shore.yaml's rules, else ./rules).", valueName: "rules"))
    var paths: [String] = []

    @Option(help: "Output format (default: from the --output extension .json/.sarif/.txt, else text).")
    var format: FormatArgument<LintReport>?

    @Option(help: ArgumentHelp("Write the report here instead of stdout (atomically; never over an input file).", valueName: "file"))
    var output: String?

    func execute(_ io: CommandIO) throws -> Int32 {
        var targets = paths.map { BuiltinPack.isSelector($0) ? $0 : io.resolve($0) }
        if targets.isEmpty, io.exists("shore.yaml") {
            targets = ConfigLoader.load(path: io.resolve("shore.yaml")).config.rules
        }
        if targets.isEmpty {
            guard io.exists("rules") else {
                io.err(DiagnosticRenderer().render(Diagnostic(
                    .rulesNone, "no ./rules folder here", at: nil,
                    help: "pass rule files or folders (shore lint PATH…), or create a policy repository with `shore init`")))
                return 2
            }
            targets = [io.resolve("rules")]
        }
        try io.checkOutput(output, inputs: RuleFiles.sources(for: targets).sources.filter { $0.bytes == nil }.map(\.path)
                            + (io.exists("shore.yaml") ? ["shore.yaml"] : []))
        let format = try LintReport.formats.resolve(explicit: format?.format, output: output).get()
        let report = Linter.lint(paths: targets)
        let options = ReportOptions(colored: output == nil && io.colorsStandardOutput, workingDirectory: io.workingDirectory)
        try io.write(to: output) { LintReport.formats.reporter(format, options: options)?.write(report, to: $0) }
        return report.exitCode
    }
}

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
        // Lint reads shore.yaml only for its rule paths; it reports problems in rule files.
        let selection = InputSelection.resolve(
            config: paths.isEmpty && io.exists("shore.yaml") ? io.resolve("shore.yaml") : nil,
            rules: paths.map { BuiltinPack.isSelector($0) ? $0 : io.resolve($0) },
            rulesFolder: io.exists("rules") ? io.resolve("rules") : nil, requireRules: false)
        guard let targets = selection.ruleEntries else {
            io.err(DiagnosticRenderer().render(RuleFiles.noRulesFolder(
                help: "pass rule files or folders (shore lint PATH…), or create a policy repository with `shore init`")))
            return 2
        }
        try io.checkOutput(output, inputs: selection.inputFiles + (io.exists("shore.yaml") ? ["shore.yaml"] : []))
        let format = try LintReport.formats.resolve(explicit: format?.format, output: output).get()
        let report = Linter.lint(selection.rules ?? [], entryProblems: selection.ruleDiagnostics, entries: targets)
        let options = ReportOptions(colored: output == nil && io.colorsStandardOutput, workingDirectory: io.workingDirectory)
        try io.write(to: output) { LintReport.formats.reporter(format, options: options)?.write(report, to: $0) }
        return report.exitCode
    }
}

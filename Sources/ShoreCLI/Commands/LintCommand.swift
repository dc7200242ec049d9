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

    /// Output formats of `lint`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @Argument(help: ArgumentHelp("Rule files or folders (default: shore.yaml's rules, else ./rules).", valueName: "rules"))
    var paths: [String] = []

    @Option(help: "Output format (default: from the --output extension .json/.sarif/.txt, else text).")
    var format: Format?

    @Option(help: ArgumentHelp("Write the report here instead of stdout (atomically; never over an input file).", valueName: "file"))
    var output: String?

    /// The extensions `--output` may have.
    static let extensions: [String: Format] = ["json": .json, "sarif": .sarif, "sarif.json": .sarif, "txt": .text, "text": .text]

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
        let format = try OutputFormatChoice.resolve(explicit: format, output: output, known: Self.extensions, fallback: .text).get()
        let report = Linter.lint(selection.rules ?? [], entryProblems: selection.ruleDiagnostics, entries: targets)
        let base = io.workingDirectory
        let display: (String) -> String = { CommandIO.relative($0, to: base) }
        let text: String
        switch format {
        case .text:
            text = io.relativeText(DiagnosticRenderer(colored: output == nil && io.colorsStandardOutput).render(report.diagnostics))
                + Self.summary(report) + "\n"
        case .json:
            text = LintJSON.render(report, displayPath: display)
        case .sarif:
            text = LintSARIF.render(report, version: ShoreVersion.current, displayPath: display)
        }
        try io.write(text, to: output)
        return report.exitCode
    }

    static func summary(_ report: LintReport) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let counts = "\(plural(report.count(.error), "error")), \(plural(report.count(.warning), "warning")), \(report.count(.info)) info"
        return "\(plural(report.files.count, "file")), \(plural(report.ruleCount, "rule")): "
            + (report.diagnostics.isEmpty ? "no problems" : counts)
    }
}

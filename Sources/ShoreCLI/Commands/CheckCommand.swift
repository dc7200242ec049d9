import ArgumentParser
import Policy
import Reference
import Reporters
import SourceText

/// `shore check PLAN…`: the CI policy gate.
struct CheckCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check sourcing plans against the rules (the CI gate).")

    @Argument(help: ArgumentHelp("Plan files to check.", valueName: "plan"))
    var plans: [String]

    @OptionGroup var policy: PolicyOptions

    @Option(help: "Output format (default: from the --output extension .json/.sarif/.xml/.md/.txt, else text).")
    var format: FormatArgument<CheckReport>?

    @Option(help: ArgumentHelp("Write the report here instead of stdout (atomically; never over an input file).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run (exit 1). Default: shore.yaml's fail_on, else error.")
    var failOn: FailOn?

    @Option(help: ArgumentHelp("A previous JSON result: report only findings not in it.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Stop and fail (exit 2, run.timeout) if the check takes longer than this.", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 1e9) {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
    }

    func execute(_ io: CommandIO) throws -> Int32 {
        let deadline = timeout.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
        let resolved = policy.resolve(io)
        try io.checkOutput(output, inputs: plans + resolved.inputFiles + [baseline].compactMap { $0 })
        let format = try CheckReport.formats.resolve(explicit: format?.format, output: output).get()
        let failSeverity: Severity? = failOn.map(\.severity) ?? resolved.config.failOn ?? .error
        var before = resolved.diagnostics
        var knownFindings: Baseline?
        if let baseline {
            switch Baseline.load(path: io.resolve(baseline)) {
            case .success(let loaded): knownFindings = loaded
            case .failure(let diagnostic): before.append(diagnostic)
            }
        }
        var report = CheckRunner.run(resolved.checkRequest(plans: plans.map(io.resolve), failOn: failSeverity,
                                                           deadline: deadline, diagnostics: before))
        if let knownFindings { report = knownFindings.filter(report) }
        report = report.checkingDeadline(deadline, stage: knownFindings == nil ? "check" : "baseline")
        let options = ReportOptions(colored: output == nil && io.colorsStandardOutput, workingDirectory: io.workingDirectory)
        try io.write(to: output) { CheckReport.formats.reporter(format, options: options)?.write(report, to: $0) }
        io.keepUntilExit(report)
        return report.exitCode
    }
}

import ArgumentParser
import Foundation
import Policy
import Reference
import Reporters
import SourceText

/// `shore review PLAN`: the pre-contract report for procurement, legal and security.
/// The same evaluation as `check`, and the same exit codes, so it can gate too.
struct ReviewCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write the pre-contract review of a plan: verdict, sourcing map, charts, findings, waivers, checklist.")

    @Argument(help: ArgumentHelp("The plan file to review.", valueName: "plan"))
    var plan: String

    @OptionGroup var policy: PolicyOptions

    @Option(help: "Output format (default: from the --output extension .md/.html/.htm/.txt, else markdown).")
    var format: FormatArgument<ReviewReport>?

    @Option(help: ArgumentHelp("Write the review here instead of stdout (atomically; never over an input file).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run (exit 1). Default: shore.yaml's fail_on, else error.")
    var failOn: FailOn?

    @Option(help: ArgumentHelp("Stop and fail (exit 2, run.timeout) if the review takes longer than this.", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 1e9) {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
    }

    func execute(_ io: CommandIO) throws -> Int32 {
        let deadline = timeout.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
        let resolved = policy.resolve(io)
        try io.checkOutput(output, inputs: [plan] + resolved.inputFiles)
        let format = try ReviewReport.formats.resolve(explicit: format?.format, output: output).get()
        let failSeverity: Severity? = failOn.map(\.severity) ?? resolved.config.failOn ?? .error
        var report = CheckRunner.run(resolved.checkRequest(plans: [io.resolve(plan)], failOn: failSeverity,
                                                           deadline: deadline, diagnostics: resolved.diagnostics))
        let review = report.hasInputErrors ? nil : report.plans.first.map {
            ReviewReport.build(report, plan: $0, baseDirectory: io.workingDirectory)
        }
        // Building the review counts against --timeout as well.
        report = report.checkingDeadline(deadline, stage: "review")
        // Invalid input: no review, every error listed on stderr, exit 2.
        guard !report.hasInputErrors, let review else {
            io.err(DiagnosticRenderer().render(report.diagnostics.filter { $0.severity == .error }))
            return 2
        }
        try io.write(to: output) { ReviewReport.formats.reporter(format)?.write(review, to: $0) }
        return report.exitCode
    }
}

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
    var format: ReviewFormat?

    @Option(help: ArgumentHelp("Write the review here instead of stdout (atomically; never over an input file).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run (exit 1). Default: shore.yaml's fail_on, else error.")
    var failOn: FailOn?

    func execute(_ io: CommandIO) throws -> Int32 {
        let resolved = policy.resolve(io)
        try io.checkOutput(output, inputs: [plan] + resolved.inputFiles)
        let format = try OutputFormatChoice.resolve(explicit: format, output: output, known: OutputFormatChoice.review,
                                                    fallback: .markdown).get()
        let failSeverity: Severity? = failOn.map(\.severity) ?? resolved.config.failOn ?? .error
        let report = CheckRunner.run(CheckRequest(
            plans: [io.resolve(plan)], rules: resolved.rules, waiverFiles: resolved.waivers,
            overrides: resolved.config.overrides, failOn: failSeverity, diagnostics: resolved.diagnostics))
        // Invalid input: no review, every error listed on stderr, exit 2.
        guard !report.hasInputErrors, let planReport = report.plans.first else {
            io.err(DiagnosticRenderer().render(report.diagnostics.filter { $0.severity == .error }))
            return 2
        }
        let review = ReviewReport.build(report, plan: planReport,
                                        baseDirectory: io.workingDirectory)
        try io.write(review.render(as: format), to: output)
        return report.exitCode
    }
}

extension ReviewFormat: ExpressibleByArgument {}

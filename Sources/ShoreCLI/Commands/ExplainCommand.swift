import ArgumentParser
import Foundation
import Policy
import Reporters
import SourceText

/// `shore explain PLAN --rule ID`: every evaluation of one rule, with sub-expression values.
struct ExplainCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every evaluation of one rule on a plan, with the value of each sub-expression.",
        discussion: "Exit codes: 0 explained; 2 invalid input or unknown rule.")

    @Argument(help: ArgumentHelp("The plan file.", valueName: "plan"))
    var plan: String

    @Option(help: ArgumentHelp("The rule id to explain.", valueName: "id"))
    var rule: String

    @Option(help: ArgumentHelp("Only items of this engagement id.", valueName: "id"))
    var engagement: String?

    @Option(help: ArgumentHelp("Only items in this country (ISO 3166-1 alpha-2).", valueName: "cc"))
    var country: String?

    @OptionGroup var policy: PolicyOptions

    func execute(_ io: CommandIO) throws -> Int32 {
        let resolved = policy.resolve(io)
        let inputs = InputLoader.load(resolved.inputRequest(plans: [io.resolve(plan)]))
        let diagnostics = inputs.diagnostics
        guard !diagnostics.containsErrors, let rules = inputs.rules, let loadedPlan = inputs.plans.first else {
            io.err(io.relativeText(DiagnosticRenderer().render(diagnostics)))
            return 2
        }
        switch Explainer.explain(ruleID: rule, in: rules, plan: loadedPlan, waivers: inputs.waivers,
                                 filter: ExplainFilter(engagement: engagement, country: country?.uppercased()),
                                 options: EvaluationOptions(waivers: resolved.waiverPolicy)) {
        case .failure(let failure):
            io.err(DiagnosticRenderer().render(failure.diagnostic))
            return 2
        case .success(let explanation):
            ExplanationRenderer(options: ReportOptions(workingDirectory: io.workingDirectory))
                .write(explanation, to: io.standardOutputSink)
            return 0
        }
    }
}

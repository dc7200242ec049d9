import ArgumentParser
import CEL
import Policy
import SourceText

/// `shore eval EXPR`: evaluates CEL in the rules' environment (the rule author's REPL).
struct EvalCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a CEL expression in the rules' environment, against a plan item.",
        discussion: """
        Prints the value in CEL literal form and its type. --at takes an engagement id \
        (for location, data and language: ID for the first, ID#N for the N-th, from 0), a \
        country code for --for country, a provider name for --for provider.
        Exit codes: 0 evaluated; 1 the expression gave an error value; 2 invalid input \
        (syntax or type error, unknown item, bad --var).
        """)

    @Argument(help: ArgumentHelp("The CEL expression.", valueName: "expr"))
    var expression: String

    @Option(help: ArgumentHelp("The plan whose item the expression sees.", valueName: "file"))
    var plan: String?

    @Option(name: .customLong("for"), help: ArgumentHelp("The scope whose variables to bind (default: plan).", valueName: "scope"))
    var scope: String?

    @Option(help: ArgumentHelp("Which item of the scope.", valueName: "id"))
    var at: String?

    @Option(name: .customLong("var"), help: ArgumentHelp("A variable as name=JSON (repeatable).", valueName: "name=json"))
    var variables: [String] = []

    @OptionGroup var policy: PolicyOptions

    func execute(_ io: CommandIO) throws -> Int32 {
        var target: EvalTarget?
        if let scope {
            guard let parsed = RuleScope(rawValue: scope) else {
                io.err("error: unknown scope '\(scope)'; use one of \(RuleScope.allCases.map(\.rawValue).joined(separator: ", "))\n")
                return 2
            }
            target = EvalTarget(scope: parsed, at: at)
        } else if let at {
            target = EvalTarget(scope: .engagement, at: at)
        }
        var bound: [String: CELValue] = [:]
        var diagnostics: [Diagnostic] = []
        for variable in variables {
            guard let equals = variable.firstIndex(of: "="), equals != variable.startIndex else {
                io.err("error: --var takes name=JSON, e.g. --var 'cc=\"PH\"'\n")
                return 2
            }
            switch ExpressionEvaluator.value(json: String(variable[variable.index(after: equals)...])) {
            case .success(let value): bound[String(variable[..<equals])] = value
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        // No rules is fine here: the built-in environment still evaluates.
        let resolved = policy.resolve(io, requireRules: false)
        let inputs = InputLoader.load(resolved.inputRequest(plans: plan.map { [io.resolve($0)] } ?? [], waivers: []))
        diagnostics = inputs.diagnostics + diagnostics
        guard !diagnostics.containsErrors, plan == nil || !inputs.plans.isEmpty else {
            io.err(io.relativeText(DiagnosticRenderer().render(diagnostics)))
            return 2
        }
        switch ExpressionEvaluator.evaluate(expression, environment: inputs.environment, plan: inputs.plans.first,
                                            target: target, variables: bound) {
        case .failure(let problems):
            io.err(io.relativeText(DiagnosticRenderer().render(problems.diagnostics)))
            return 2
        case .success(let outcome):
            if case .error(let error) = outcome.value {
                io.out("error: \(error.message)\n")
                return 1
            }
            io.out(ValueDisplay.expanded(outcome.value, types: PolicyEnvironment.objectTypes) + " : \(outcome.type)\n")
            return 0
        }
    }
}

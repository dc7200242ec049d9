import ArgumentParser
import Policy
import Reference
import Reporters
import SourceText

/// `--rules` and `--waivers`, shared by check, review, explain and eval.
struct PolicyOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A rule file or folder (repeatable). Default: shore.yaml's rules, else ./rules, else the built-in starter pack.",
        valueName: "path"))
    var rules: [String] = []

    @Option(name: .customLong("waivers"), help: ArgumentHelp("A waivers file (repeatable).", valueName: "file"))
    var waivers: [String] = []

    @Option(name: .customLong("config"), help: ArgumentHelp("The project config (default: ./shore.yaml when present).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "The run date (YYYY-MM-DD): waivers expire by the later of it and the plan's date. Default: today.",
        valueName: "date"))
    var asOf: String?

    /// What the options resolve to, with the config file's settings folded in.
    struct Resolved {
        /// The config, rule and waiver files (`InputSelection`).
        var selection: InputSelection
        /// `--as-of`, else today.
        var today: CivilDate

        /// The rules: the selected ones, else the built-in starter pack.
        var rules: [RuleSource] { selection.rules ?? BuiltinPack.sources }
        var waivers: [String] { selection.waivers }
        var config: ShoreConfig { selection.config }
        var diagnostics: [Diagnostic] { selection.diagnostics }
        /// How waivers are judged in this run (`--as-of`, shore.yaml's `waivers: { plan: … }`).
        var waiverPolicy: WaiverPolicy { WaiverPolicy(asOf: today, allowPlanWaivers: config.allowPlanWaivers) }

        /// The inputs a command loads with `InputLoader`: these rules with shore.yaml's
        /// overrides and rates, these waivers (or `waivers`), the run date, and the problems
        /// found so far.
        func inputRequest(plans: [String] = [], waivers: [String]? = nil) -> InputRequest {
            var request = InputRequest(rules: rules, overrides: config.overrides, waiverFiles: waivers ?? self.waivers,
                                       plans: plans, today: today, diagnostics: diagnostics)
            request.exchangeRates = config.exchangeRates
            return request
        }

        /// A check of `plans` with these rules, waivers, overrides, run date and rates.
        func checkRequest(plans: [String], failOn: Severity?, deadline: ContinuousClock.Instant?,
                          diagnostics: [Diagnostic]) -> CheckRequest {
            var request = CheckRequest(
                plans: plans, rules: rules, waiverFiles: waivers, overrides: config.overrides, failOn: failOn, today: today,
                evaluation: EvaluationOptions(deadline: deadline, waivers: waiverPolicy), diagnostics: diagnostics)
            request.exchangeRates = config.exchangeRates
            return request
        }

        /// Every file the run will read (rule files, waivers, the config), so `--output`
        /// can refuse to overwrite one.
        var inputFiles: [String] { selection.inputFiles }
    }

    func validate() throws {
        if let asOf, (try? CivilDate(parsing: asOf)) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, e.g. 2026-12-01")
        }
    }

    /// Resolves the options against the working folder; `requireRules: false` when a
    /// run works without rules (eval), so naming none is not `rules.none`.
    func resolve(_ io: CommandIO, requireRules: Bool = true) -> Resolved {
        let selection = InputSelection.resolve(
            config: configPath(io), rules: rules.map { BuiltinPack.isSelector($0) ? $0 : io.resolve($0) },
            waivers: waivers.map(io.resolve), rulesFolder: io.exists("rules") ? io.resolve("rules") : nil,
            requireRules: requireRules, displayPath: io.relativeText)
        let today = asOf.flatMap { try? CivilDate(parsing: $0) } ?? CivilDate.today()
        return Resolved(selection: selection, today: today)
    }

    /// `--config`, else `./shore.yaml` when present.
    private func configPath(_ io: CommandIO) -> String? {
        if let config { return io.resolve(config) }
        return io.exists("shore.yaml") ? io.resolve("shore.yaml") : nil
    }
}

/// `--fail-on error|warning|info|none`. The words are given here rather than derived by
/// ArgumentParser through key paths and reflection, which cost every run of a command with
/// `--fail-on` about 1.4 M instructions.
extension FailOn: ExpressibleByArgument {
    public static var allValueStrings: [String] { words }
    /// Each value is shown as its word, so there are no separate descriptions.
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { rawValue }
}

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
        var rules: [RuleSource]
        var waivers: [String]
        var config: ShoreConfig
        var configPath: String?
        var diagnostics: [Diagnostic]
        /// `--as-of`, else today.
        var today: CivilDate
        /// How waivers are judged in this run (`--as-of`, shore.yaml's `waivers: { plan: … }`).
        var waiverPolicy: WaiverPolicy { WaiverPolicy(asOf: today, allowPlanWaivers: config.allowPlanWaivers) }

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
        var inputFiles: [String] {
            rules.filter { $0.bytes == nil }.map(\.path) + waivers + (configPath.map { [$0] } ?? [])
        }
    }

    func validate() throws {
        if let asOf, (try? CivilDate(parsing: asOf)) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, e.g. 2026-12-01")
        }
    }

    func resolve(_ io: CommandIO) -> Resolved {
        var diagnostics: [Diagnostic] = []
        var config = ShoreConfig()
        let configPath = config_(io)
        if let configPath {
            let loaded = ConfigLoader.load(path: configPath)
            config = loaded.config
            diagnostics += loaded.diagnostics
        }
        let searched: [String]? = !rules.isEmpty ? rules.map { BuiltinPack.isSelector($0) ? $0 : io.resolve($0) }
            : !config.rules.isEmpty ? config.rules
            : io.exists("rules") ? [io.resolve("rules")] : nil
        let named = searched.map(RuleFiles.sources(for:))
        diagnostics += named?.diagnostics ?? []
        let sources = named?.sources ?? BuiltinPack.sources
        if sources.isEmpty, let searched {
            diagnostics.append(RuleFiles.noneFound(under: searched.map(io.relativeText)))
        }
        let waiverFiles = waivers.isEmpty ? config.waivers : waivers.map(io.resolve)
        let today = asOf.flatMap { try? CivilDate(parsing: $0) } ?? CivilDate.today()
        return Resolved(rules: sources, waivers: waiverFiles, config: config, configPath: configPath,
                        diagnostics: diagnostics, today: today)
    }

    private func config_(_ io: CommandIO) -> String? {
        if let config { return io.resolve(config) }
        return io.exists("shore.yaml") ? io.resolve("shore.yaml") : nil
    }
}

/// `--fail-on error|warning|info|none`.
extension FailOn: ExpressibleByArgument {}

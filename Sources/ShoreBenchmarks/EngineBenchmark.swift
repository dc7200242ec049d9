import Policy
import SourceText
import Reference
import YAML

/// `ShoreBenchmarks engine PLAN RULES… [--runs N]`: the whole check (YAML, validation,
/// derived facts, every rule on every item, waivers) next to libyaml's bare event
/// parse of the same file, in one run; and the peak memory.
enum EngineBenchmark {
    static func run(arguments: [String]) {
        var arguments = arguments
        var runs = 1
        if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count {
            runs = Int(arguments[i + 1]) ?? 1
            arguments.removeSubrange(i...(i + 1))
        }
        // --stages: only the staged run (time and memory per stage), in a fresh process.
        let stagesOnly = arguments.contains("--stages")
        arguments.removeAll { $0 == "--stages" }
        guard arguments.count >= 2 else {
            print("usage: ShoreBenchmarks engine PLAN RULES… [--runs N] [--stages]")
            return
        }
        let path = arguments[0]
        let rules = RuleFiles.find(under: Array(arguments.dropFirst())).map(RuleSource.file)
        if stagesOnly { return stages(path: path, rules: rules) }
        let bytes = FileBytes.read(path)
        print("plan: \(path), \(Measure.megabytes(bytes.count))")
        let (events, bare) = Measure.best(of: runs) { BareLibYAML.countEvents(bytes) }
        print("bare libyaml event loop:  \(Measure.format2(bare)) s  (\(events) events)")
        let request = CheckRequest(plans: [path], rules: rules, today: CivilDate(year: 2026, month: 12, day: 1)!,
                                   yamlLimits: YAMLLimits(maxFileBytes: 1 << 30))
        // Keep only the summary between runs, so one report at a time is alive.
        let ((summary, diagnostics), check) = Measure.best(of: runs) { () -> (CheckSummary, Int) in
            let report = CheckRunner.run(request)
            return (report.summary, report.diagnostics.count)
        }
        print("shore check:              \(Measure.format2(check)) s  (\(summary.rules) rules, \(summary.failing) failing, \(summary.waived) waived, \(diagnostics) diagnostics)")
        print("ratio check / bare parse: \(Measure.format2(check / bare))x   (best of \(runs))")
        let peak = Measure.peakMemoryBytes
        print("peak memory:              \(Measure.megabytes(peak)) = \(Measure.format2(Double(peak) / Double(max(1, bytes.count))))x the file")
        stages(path: path, rules: rules)
    }

    /// The same work in stages, to see where the time goes.
    static func stages(path: String, rules: [RuleSource]) {
        let yaml = YAMLLoader(limits: YAMLLimits(maxFileBytes: 1 << 30))
        let loadedRules = RuleLoader(yaml: yaml).load(sources: rules)
        guard let ruleSet = loadedRules.rules else {
            print("the rules do not load:\n\(DiagnosticRenderer().render(loadedRules.diagnostics))")
            return
        }
        let base = Measure.currentMemoryBytes
        let (loaded, parse) = Measure.time { yaml.load(path: path) }
        let afterYAML = Measure.currentMemoryBytes
        let loader = PlanLoader(yaml: yaml, classifications: ruleSet.classifications, today: CivilDate(year: 2026, month: 12, day: 1)!)
        let (planResult, build) = Measure.time { loader.interpret(loaded) }
        guard let plan = planResult.plan else { return }
        let afterPlan = Measure.currentMemoryBytes
        let (findings, evaluate) = Measure.time { Evaluator(rules: ruleSet).check(plan) }
        let afterEvaluation = Measure.currentMemoryBytes
        print("  resident memory added: YAML tree \(Measure.megabytes(afterYAML - base)), plan model \(Measure.megabytes(afterPlan - afterYAML)), findings \(Measure.megabytes(afterEvaluation - afterPlan))")
        print("  stages: YAML tree \(Measure.format2(parse)) s, plan model \(Measure.format2(build)) s, evaluation \(Measure.format2(evaluate)) s (\(findings.count) findings)")
    }
}

// Benchmarks, run in release mode (`swift build -c release --static-swift-stdlib`, then
// `.build/release/ShoreBenchmarks <name> …`). Each prints Shore's figure next to a
// baseline measured in the same run.
var arguments = Array(CommandLine.arguments.dropFirst())
// --cpu: measure CPU time instead of wall time (steadier on a busy machine).
if let i = arguments.firstIndex(of: "--cpu") {
    arguments.remove(at: i)
    Measure.useCPUTime = true
}
let rest = Array(arguments.dropFirst())
// Asked for help anywhere, the usage is the answer (not a benchmark of a plan named "--help").
let mode = arguments.contains { $0 == "--help" || $0 == "-h" } ? nil : arguments.first
switch mode {
case "check", "review", "rules": CommandBenchmark.run(command: arguments[0], arguments: rest)
case "engine": EngineBenchmark.run(arguments: rest)
case "yaml": YAMLBenchmark.run(arguments: rest)
case "cel": CELBenchmark.run(arguments: rest)
case "generate": GenerateCommand.run(arguments: rest)
case "parse": ParseCommand.run(arguments: rest)
default:
    print("""
    usage: ShoreBenchmarks [--cpu] MODE …
      check PLAN | --engagements N | --sizes N,N,…  [--formats text,json,…] [--rules DIR]… [--runs N] [--shore PATH]
                                   the shore binary, whole process, output to a file, beside libyaml's bare parse
      review PLAN | --engagements N | --sizes N,N,…  [--formats html,markdown] …   the same for shore review
      rules --count 100 --engagements 10000           many rules: copies of the examples that pass, and that fire
      engine PLAN RULES… [--runs N] [--stages]        the check in process, by stage
      yaml FILE [RUNS]                                Shore's YAML tree vs the bare parse
      cel [EVALUATIONS]                               CEL evaluations per second
      generate N [SEED] > plan.yaml                   a generated plan of N engagements
      parse FILE                                      libyaml's bare event parse (the baseline process)
    """)
}

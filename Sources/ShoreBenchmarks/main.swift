// Benchmarks, run in release mode: `swift run -c release ShoreBenchmarks <name> …`.
// Each prints Shore's time next to a baseline measured in the same run.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "yaml": YAMLBenchmark.run(arguments: Array(arguments.dropFirst()))
case "check": CheckBenchmark.run(arguments: Array(arguments.dropFirst()))
default:
    print("usage: ShoreBenchmarks yaml FILE [RUNS] | check PLAN RULES… [--runs N]")
}

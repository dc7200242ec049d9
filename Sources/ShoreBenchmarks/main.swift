// Benchmarks, run in release mode: `swift run -c release ShoreBenchmarks <name> …`.
// Each prints Shore's time next to a baseline measured in the same run.
var arguments = Array(CommandLine.arguments.dropFirst())
// --cpu: measure process CPU time instead of wall time (steadier on a busy machine).
if let i = arguments.firstIndex(of: "--cpu") {
    arguments.remove(at: i)
    Measure.useCPUTime = true
}
switch arguments.first {
case "yaml": YAMLBenchmark.run(arguments: Array(arguments.dropFirst()))
case "check": CheckBenchmark.run(arguments: Array(arguments.dropFirst()))
case "cel": CELBenchmark.run(arguments: Array(arguments.dropFirst()))
default:
    print("usage: ShoreBenchmarks [--cpu] yaml FILE [RUNS] | check PLAN RULES… [--runs N] | cel [evaluations]")
}

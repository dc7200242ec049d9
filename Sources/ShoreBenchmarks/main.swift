let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "cel": CELBenchmark.run(arguments: Array(arguments.dropFirst()))
default: print("usage: ShoreBenchmarks cel [evaluations]")
}

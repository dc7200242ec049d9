import YAML

/// `ShoreBenchmarks yaml FILE [RUNS]`: Shore's YAML tree (with positions) vs the bare
/// libyaml event loop over the same bytes, in one run.
enum YAMLBenchmark {
    static func run(arguments: [String]) {
        guard let path = arguments.first else {
            print("usage: ShoreBenchmarks yaml FILE [RUNS]")
            return
        }
        let runs = arguments.dropFirst().first.flatMap(Int.init) ?? 3
        let reader = YAMLLoader(limits: YAMLLimits(maxFileBytes: 1 << 30))
        let (bytes, readSeconds) = Measure.time { FileBytes.read(path) }
        print("file: \(path), \(Measure.megabytes(bytes.count))  (read in \(Measure.format2(readSeconds)) s)")

        let (events, bare) = Measure.best(of: runs) { BareLibYAML.countEvents(bytes) }
        let (result, tree) = Measure.best(of: runs) { reader.load(bytes: bytes, path: path) }
        let nodes = result.document?.nodeCount ?? 0
        print("bare libyaml event loop: \(Measure.format2(bare)) s  (\(events) events)")
        print("Shore YAML tree:         \(Measure.format2(tree)) s  (\(nodes) nodes, \(result.diagnostics.count) diagnostics)")
        print("ratio tree / bare:       \(Measure.format2(tree / bare))x   (best of \(runs))")
        let peak = Measure.peakMemoryBytes
        print("peak memory:             \(Measure.megabytes(peak)) = \(Measure.format2(Double(peak) / Double(max(1, bytes.count))))x the file")
    }
}

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
        // Keep only counts between runs, so one tree at a time is alive.
        let ((nodes, diagnostics), tree) = Measure.best(of: runs) { () -> (Int, Int) in
            let result = reader.load(bytes: bytes, path: path)
            return (result.document?.nodeCount ?? 0, result.diagnostics.count)
        }
        let sequential = YAMLLoader(limits: reader.limits, parallel: false)
        let (_, oneCore) = Measure.best(of: runs) { sequential.load(bytes: bytes, path: path).document?.nodeCount ?? 0 }
        print("bare libyaml event loop: \(Measure.format2(bare)) s  (\(events) events)")
        print("Shore YAML tree:         \(Measure.format2(tree)) s  (\(nodes) nodes, \(diagnostics) diagnostics)")
        print("  on one core:           \(Measure.format2(oneCore)) s")
        print("ratio tree / bare:       \(Measure.format2(tree / bare))x, one core \(Measure.format2(oneCore / bare))x   (best of \(runs))")
        let peak = Measure.peakMemoryBytes
        print("peak memory:             \(Measure.megabytes(peak)) = \(Measure.format2(Double(peak) / Double(max(1, bytes.count))))x the file")
    }
}

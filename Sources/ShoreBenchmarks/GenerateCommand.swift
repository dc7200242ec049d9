#if canImport(Glibc)
import Glibc
#endif
import PlanGenerator

/// `ShoreBenchmarks generate N [SEED]`: a generated plan of N engagements on standard
/// output (about 550 bytes an engagement; 100,000 engagements are about 55 MB).
enum GenerateCommand {
    static func run(arguments: [String]) {
        guard let n = arguments.first.flatMap(Int.init) else {
            print("usage: ShoreBenchmarks generate ENGAGEMENTS [SEED] > plan.yaml")
            return
        }
        let seed = arguments.dropFirst().first.flatMap(UInt64.init) ?? 1
        guard let out = fdopen(1, "w") else { return }
        PlanGenerator(engagements: n, seed: seed).write { fputs($0, out) }
        fflush(out)
    }

    /// Writes the plan of `engagements` to the file `path`.
    static func write(engagements: Int, seed: UInt64, to path: String) {
        guard let file = fopen(path, "w") else { return }
        defer { fclose(file) }
        PlanGenerator(engagements: engagements, seed: seed).write { fputs($0, file) }
    }
}

/// `ShoreBenchmarks parse FILE`: libyaml's bare event parse of a file as a whole process
/// (read, parse, exit), the baseline the command benchmarks run beside `shore`.
enum ParseCommand {
    static func run(arguments: [String]) {
        guard let path = arguments.first else {
            print("usage: ShoreBenchmarks parse FILE")
            return
        }
        let events = BareLibYAML.countEvents(FileBytes.read(path))
        print("\(events) events")
        if events < 0 { exit(2) }
    }
}

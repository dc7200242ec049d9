#if canImport(Glibc)
import Glibc
#endif

/// `ShoreBenchmarks check|review …`: the release `shore` binary run as a user runs it
/// (a whole process, its output written to a file), interleaved with libyaml's bare event
/// parse of the same plan (also a whole process: `ShoreBenchmarks parse PLAN`), printing
/// the best time of each, its ratio to the parse and its peak resident memory.
///
///     check PLAN | --engagements N   [--formats text,json,…] [--rules DIR]… [--runs N]
///     review PLAN | --engagements N  [--formats html,markdown] [--rules DIR]… [--runs N]
///     check|review --sizes 1000,8000,32000 [--formats …]   the scaling table
///     rules --count 100 --engagements 10000                 many rules: copies of the examples
///                                                           that pass, and copies that fire
///
/// `--shore PATH` picks the binary (default: `shore` beside this benchmark); `--cpu`
/// reads the child's CPU time instead of wall time.
struct CommandBenchmark {
    let command: String
    var formats: [String]
    /// The rule folders to check with, each set under its own label (empty for the one
    /// set of `--rules`), all measured in the same rounds.
    var ruleSets: [(label: String, folders: [String])] = []
    var runs = 3
    var shore: String
    var plans: [String] = []
    var engagements: [Int] = []

    static let defaultFormats = [
        "check": ["text", "json", "sarif", "junit", "github", "markdown"],
        "review": ["html", "markdown"],
    ]

    static func run(command: String, arguments: [String]) {
        let options = Options(arguments)
        let here = Self.executableDirectory()
        var benchmark = CommandBenchmark(command: command == "rules" ? "check" : command,
                                         formats: Self.defaultFormats[command] ?? ["json"],
                                         shore: options.value("--shore") ?? here + "/shore")
        if let list = options.value("--formats") { benchmark.formats = list.split(separator: ",").map(String.init) }
        benchmark.runs = options.value("--runs").flatMap(Int.init) ?? 3
        var rules = options.values("--rules")
        if rules.isEmpty, access("examples/rules", F_OK) == 0 { rules = ["examples/rules"] }
        benchmark.ruleSets = [("", rules)]
        let sizes = options.value("--sizes")
        let generate = options.value("--engagements").flatMap(Int.init)
        let ruleCount = options.value("--count").flatMap(Int.init)
        guard access(benchmark.shore, X_OK) == 0 else {
            print("no shore binary at \(benchmark.shore): build it first with `swift build -c release --static-swift-stdlib`, or pass --shore PATH")
            return
        }
        let scratch = Self.scratchDirectory()
        defer { if scratch != "/tmp" { Directory.remove(scratch) } }
        if command == "rules" {
            let count = ruleCount ?? 100
            guard let passing = RuleCopies.write(count: count, from: rules, into: scratch + "/passing", passing: true),
                  let firing = RuleCopies.write(count: count, from: rules, into: scratch + "/firing") else {
                print("cannot read the rules in \(rules)")
                return
            }
            print("rules: \(count), copies of \(rules.joined(separator: ", ")). \"pass\": the first copy fires, the"
                  + " others evaluate their assert in full and pass (the findings stay the originals'); \"fire\": every copy"
                  + " fires as the originals do (the findings grow with the copies)")
            benchmark.ruleSets = [("pass", [passing]), ("fire", [firing])]
            benchmark.formats = options.value("--formats").map { $0.split(separator: ",").map(String.init) } ?? ["json"]
        }
        if let sizes {
            let counts = sizes.split(separator: ",").compactMap { Int($0) }
            return benchmark.scalingTable(counts, scratch: scratch)
        }
        let plan: String
        if let generate {
            plan = scratch + "/plan-\(generate).yaml"
            GenerateCommand.write(engagements: generate, seed: 1, to: plan)
        } else if let path = options.positional.first {
            guard access(path, R_OK) == 0 else {
                print("no plan to read at \(path): give a plan file, or --engagements N to generate one")
                return
            }
            plan = path
        } else {
            print("usage: ShoreBenchmarks [--cpu] check|review PLAN | --engagements N | --sizes N,N,… [--formats F,…] [--rules DIR]… [--runs N] [--shore PATH]")
            print("       ShoreBenchmarks [--cpu] rules --count 100 --engagements 10000")
            return
        }
        benchmark.table(plan: plan, scratch: scratch)
    }

    /// One plan: the parse and each format, best of `runs`, interleaved.
    func table(plan: String, scratch: String) {
        let size = Self.fileSize(plan)
        print("plan: \(plan), \(Measure.megabytes(size)); shore: \(shore); best of \(runs) \(Measure.useCPUTime ? "CPU" : "wall") times;"
              + " median × = the median over the rounds of each round's time over that round's parse")
        let results = measure(plan: plan, scratch: scratch)
        let baseline = results[0]
        print(Self.pad("command", 44) + Self.pad("seconds", 10) + Self.pad("× parse", 10) + Self.pad("median ×", 10)
              + Self.pad("peak RSS", 12) + Self.pad("× plan", 8) + "output")
        for result in results {
            let ratio = result.seconds / max(1e-9, baseline.seconds)
            print(Self.pad(result.label, 44) + Self.pad(Measure.format(result.seconds, places: 3), 10) + Self.pad(Measure.format2(ratio) + "x", 10)
                  + Self.pad(Measure.format2(result.medianRatio) + "x", 10)
                  + Self.pad(Measure.megabytes(result.peakBytes), 12) + Self.pad(Measure.format2(Double(result.peakBytes) / Double(max(1, size))) + "x", 8)
                  + Measure.megabytes(result.outputBytes) + (result.problem.map { "  (\($0))" } ?? ""))
        }
    }

    /// Plans of `counts` engagements: each format's best time, and how the time grows
    /// per doubling of the plan between one size and the next (1.0 = linear, 2.0 = quadratic).
    func scalingTable(_ counts: [Int], scratch: String) {
        print("scaling of shore \(command), best of \(runs) \(Measure.useCPUTime ? "CPU" : "wall") times; growth = time factor per doubling of the plan (2.0 = linear, 4.0 = quadratic)")
        var previous: (count: Int, results: [Result])?
        print(Self.pad("engagements", 13) + Self.pad("plan", 11) + Self.pad("command", 32) + Self.pad("seconds", 10) + Self.pad("× parse", 10) + Self.pad("peak RSS", 12) + "growth")
        for count in counts {
            let plan = scratch + "/plan-\(count).yaml"
            GenerateCommand.write(engagements: count, seed: 1, to: plan)
            let results = measure(plan: plan, scratch: scratch)
            for (i, result) in results.enumerated() {
                var growth = ""
                if let previous, previous.results[i].seconds > 0 {
                    let doublings = log2(Double(count) / Double(previous.count))
                    growth = Measure.format2(pow(result.seconds / previous.results[i].seconds, 1 / doublings)) + "x"
                }
                print(Self.pad(String(count), 13) + Self.pad(Measure.megabytes(Self.fileSize(plan)), 11) + Self.pad(result.label, 32)
                      + Self.pad(Measure.format2(result.seconds), 10) + Self.pad(Measure.format2(result.seconds / max(1e-9, results[0].seconds)) + "x", 10)
                      + Self.pad(Measure.megabytes(result.peakBytes), 12) + growth + (result.problem.map { "  (\($0))" } ?? ""))
            }
            previous = (count, results)
            unlink(plan)
        }
    }

    struct Result {
        let label: String
        var seconds = Double.infinity
        /// Each round's time over the same round's bare parse.
        var roundRatios: [Double] = []
        var peakBytes = 0
        var outputBytes = 0
        var problem: String?

        /// The median of the rounds' ratios: steadier than the ratio of the best times on
        /// a busy machine, where the one-core parse and the two-core check are slowed
        /// differently and their best rounds need not be the same round.
        var medianRatio: Double {
            let sorted = roundRatios.sorted()
            guard !sorted.isEmpty else { return .nan }
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    /// The parse first, then each format; `runs` rounds, each round running every command once.
    func measure(plan: String, scratch: String) -> [Result] {
        let parse = [Self.executablePath(), "parse", plan]
        var commands: [(String, [String])] = [("libyaml bare parse (process)", parse)]
        for format in formats {
            for (label, folders) in ruleSets {
                let ruleArguments = folders.flatMap { ["--rules", $0] }
                commands.append(("shore \(command) --format \(format)" + (label.isEmpty ? "" : ", \(label)"),
                                 [shore, command, plan, "--format", format] + ruleArguments))
            }
        }
        var results = commands.map { Result(label: $0.0) }
        let output = scratch + "/output"
        for _ in 0..<max(1, runs) {
            var parseSeconds = Double.nan
            for (i, (_, arguments)) in commands.enumerated() {
                guard let run = ChildRun.run(arguments, output: output) else {
                    results[i].problem = "could not start \(arguments[0])"
                    continue
                }
                if i == 0 { parseSeconds = run.seconds }
                if parseSeconds > 0 { results[i].roundRatios.append(run.seconds / parseSeconds) }
                if run.seconds < results[i].seconds { results[i].seconds = run.seconds }
                results[i].peakBytes = max(results[i].peakBytes, run.peakBytes)
                results[i].outputBytes = Self.fileSize(output)
                // check exits 1 when findings fail the gate; 2 or a signal is a broken run.
                if run.exitStatus > 1 || run.exitStatus < 0 { results[i].problem = "exit status \(run.exitStatus)" }
            }
        }
        unlink(output)
        return results
    }

    // MARK: - Small helpers

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    static func executableDirectory() -> String {
        let path = executablePath()
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    static func scratchDirectory() -> String {
        var template = Array("/tmp/shore-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return "/tmp" }
        return String(cString: made)
    }
}

/// `--name value` options (repeatable) and positional arguments.
struct Options {
    private(set) var named: [(String, String)] = []
    private(set) var positional: [String] = []

    init(_ arguments: [String]) {
        var i = 0
        while i < arguments.count {
            if arguments[i].hasPrefix("--"), i + 1 < arguments.count {
                named.append((arguments[i], arguments[i + 1]))
                i += 2
            } else {
                positional.append(arguments[i])
                i += 1
            }
        }
    }

    func value(_ name: String) -> String? { named.last { $0.0 == name }?.1 }
    func values(_ name: String) -> [String] { named.filter { $0.0 == name }.map(\.1) }
}

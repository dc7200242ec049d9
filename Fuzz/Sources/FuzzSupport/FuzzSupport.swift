import Foundation
@_exported import CEL
@_exported import Policy
@_exported import Reference
@_exported import SourceText
@_exported import YAML

/// Limits the fuzz targets run under: the shipped defaults, except a smaller file size so
/// that libFuzzer's inputs never hit it by accident (they are at most a few KB).
public enum FuzzLimits {
    public static let yaml = YAMLLimits()
    /// CEL steps per expression per item, as `shore check` uses.
    public static let budget = EvaluationOptions().budget
}

/// Stops the run with a message libFuzzer records as a crash: an oracle, not a limit.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #file, line: UInt = #line) {
    if !condition() {
        FileHandle.standardError.write(Data("fuzz oracle failed: \(message())\n".utf8))
        fatalError(message(), file: file, line: line)
    }
}

/// Every diagnostic's location lies inside its file, and each renders without trapping.
public func checkLocations(_ diagnostics: [Diagnostic], in source: SourceFile? = nil) {
    let renderer = DiagnosticRenderer()
    for diagnostic in diagnostics {
        require(DiagnosticCode.named(diagnostic.code.rawValue) == diagnostic.code, "diagnostic with an undeclared code: \(diagnostic.code)")
        if let span = diagnostic.location {
            let lines = max(1, span.file.lineCount)
            require(span.start.line >= 1 && span.start.line <= lines + 1,
                    "\(diagnostic.code) at line \(span.start.line) of a \(lines)-line file")
            require(span.start.column >= 1, "\(diagnostic.code) at column \(span.start.column)")
        }
        _ = renderer.render(diagnostic)
    }
}

/// The repository this package sits in (Fuzz/ is one level below it).
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The example rule files, as rule sources (read once).
public let exampleRuleSources: [RuleSource] = {
    let folder = repositoryRoot.appendingPathComponent("examples/rules")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { return nil }
        return RuleSource.embedded("examples/rules/" + name, text: text)
    }
}()

/// The example rules, loaded (a fuzz run without them is a set-up error).
public let exampleRules: RuleSet = {
    let loaded = RuleLoader().load(sources: exampleRuleSources)
    guard let rules = loaded.rules, !exampleRuleSources.isEmpty else {
        fatalError("examples/rules did not load: \(loaded.diagnostics)")
    }
    return rules
}()

/// The example plan's text.
public let examplePlanText: String = {
    let url = repositoryRoot.appendingPathComponent("examples/plans/support-expansion-2027.yaml")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("no example plan at \(url.path)") }
    return text
}()

/// A fixed reference date so runs are reproducible.
public let fuzzToday = CivilDate(year: 2026, month: 12, day: 1)!

/// The example plan, loaded.
public let examplePlan: Plan = {
    let loaded = PlanLoader(today: fuzzToday).load(text: examplePlanText, path: "examples/plans/support-expansion-2027.yaml")
    guard let plan = loaded.plan else { fatalError("example plan did not load: \(loaded.diagnostics)") }
    return plan
}()

/// Reads the fuzzer's bytes as a stream of small decisions; past the end it reads zeros.
public struct ByteReader {
    let bytes: [UInt8]
    var index = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var isAtEnd: Bool { index >= bytes.count }
    public mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }
    /// A number in 0..<n (n > 0).
    public mutating func below(_ n: Int) -> Int { Int(byte()) % max(1, n) }
    public mutating func bool() -> Bool { byte() & 1 == 1 }
    public mutating func int64() -> Int64 {
        switch byte() % 8 {
        case 0: return 0
        case 1: return 1
        case 2: return -1
        case 3: return Int64.max
        case 4: return Int64.min
        default:
            var v: UInt64 = 0
            for _ in 0..<8 { v = v << 8 | UInt64(byte()) }
            return Int64(bitPattern: v) >> Int64(byte() % 64)
        }
    }
    public mutating func double() -> Double {
        switch byte() % 8 {
        case 0: return 0
        case 1: return -0.0
        case 2: return .infinity
        case 3: return .nan
        case 4: return 1.5
        default:
            var v: UInt64 = 0
            for _ in 0..<8 { v = v << 8 | UInt64(byte()) }
            return Double(bitPattern: v)
        }
    }
    public mutating func string() -> String {
        let pool = ["", "a", "abc", "é", "日本", "\u{0}", "a.b", "%", "\\", "'\"", "US", "PH", "NaN", "(a+)+$", "x\ny", "🇺🇸"]
        var s = ""
        for _ in 0..<below(4) { s += pool[below(pool.count)] }
        return s
    }
}

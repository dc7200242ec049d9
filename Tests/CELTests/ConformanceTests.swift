import Foundation
import Testing
@testable import CEL

/// Runs the cel-spec conformance tests (JSON form) that need no protobuf support.
@Suite struct ConformanceTests {
    static let files = ["basic", "comparisons", "conversions", "fields", "fp_math", "integer_math", "lists", "logic",
                        "macros", "macros2", "parse", "plumbing", "string", "string_ext", "timestamps", "math_ext",
                        "type_deduction", "bindings_ext", "optionals"]

    /// The suite fails if fewer tests than this pass in total.
    static let passFloor = 1629

    @Test func conformance() throws {
        let dir = try #require(Bundle.module.url(forResource: "Conformance", withExtension: nil))
        var totalPassed = 0, totalRun = 0, totalSkipped = 0
        var failures: [String] = []
        for f in Self.files {
            let data = try Data(contentsOf: dir.appendingPathComponent(f + ".json"))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let tests = try #require(root["tests"] as? [[String: Any]])
            var passed = 0, run = 0, skipped = 0
            for t in tests {
                guard (t["needs_proto"] as? Bool) != true else { continue }
                let id = t["id"] as? String ?? "?"
                let features = t["features"] as? [String] ?? []
                if ConformanceSkips.tests[id] != nil || features.contains(where: { ConformanceSkips.features[$0] != nil }) {
                    skipped += 1
                    continue
                }
                run += 1
                if ProcessInfo.processInfo.environment["CEL_TRACE_IDS"] != nil { FileHandle.standardError.write((id + "\n").data(using: .utf8)!) }
                let outcome = ConformanceRunner.run(t)
                if outcome == nil { passed += 1 } else { failures.append("\(id): \(outcome!)\n    expr: \(t["expr"] as? String ?? "")") }
            }
            print("CEL conformance: \(f): \(passed) passed of \(run) (\(skipped) skipped)")
            totalPassed += passed; totalRun += run; totalSkipped += skipped
        }
        print("CEL conformance: \(totalPassed) passed of \(totalRun) (\(totalSkipped) skipped)")
        if let path = ProcessInfo.processInfo.environment["CEL_CONFORMANCE_FAILURES"] {
            try failures.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(totalPassed >= Self.passFloor, "conformance regressed: \(totalPassed) < floor \(Self.passFloor)")
    }
}

/// Converts the JSON test format and runs one test; returns nil on success or a failure description.
enum ConformanceRunner {
    static func run(_ t: [String: Any]) -> String? {
        var env = CELEnvironment()
        env.container = t["container"] as? String ?? ""
        if (t["disable_macros"] as? Bool) == true { env.parserOptions.macros = false }
        for d in t["type_env"] as? [[String: Any]] ?? [] {
            guard let name = d["name"] as? String else { continue }
            if let ident = d["ident"] as? [String: Any] {
                env.declareVariable(name, type: celType(ident["type"]))
            } else if let fn = d["function"] as? [String: Any] {
                var overloads: [CELOverload] = []
                for o in fn["overloads"] as? [[String: Any]] ?? [] {
                    overloads.append(CELOverload(id: o["overload_id"] as? String ?? "",
                                                 receiver: o["is_instance_function"] as? Bool ?? false,
                                                 parameters: (o["params"] as? [Any] ?? []).map { celType($0) },
                                                 result: celType(o["result_type"])))
                }
                env.declareFunction(CELFunctionDecl(name: name, overloads: overloads))
            }
        }
        let expected = t["expected"] as? [String: Any] ?? [:]
        let expectsError = expected["eval_error"] != nil || expected["any_eval_errors"] != nil
        let expr = t["expr"] as? String ?? ""
        let ast: CELAST
        do { ast = try env.parse(expr) } catch {
            return expectsError ? nil : "parse failed: \(error)"
        }
        let program: CELProgram
        if (t["disable_check"] as? Bool) == true {
            program = env.uncheckedProgram(ast)
        } else {
            do {
                let checked = try env.check(ast)
                if let typed = expected["typed_result"] as? [String: Any], let dt = typed["deduced_type"], !(dt is NSNull) {
                    let want = celType(dt)
                    if want.description != checked.resultType.description {
                        return "deduced type \(checked.resultType), expected \(want)"
                    }
                }
                program = env.program(checked)
            } catch {
                return expectsError ? nil : "check failed: \(error)"
            }
        }
        if (t["check_only"] as? Bool) == true { return nil }
        var vars: [String: CELValue] = [:]
        for (k, v) in t["bindings"] as? [String: Any] ?? [:] {
            guard let cv = celValue(v) else { return "unsupported binding \(k)" }
            vars[k] = cv
        }
        let result = program.evaluate(vars)
        if expectsError {
            if case .error = result { return nil }
            return "expected error, got \(result.literalDescription)"
        }
        var want: Any? = expected["value"]
        if let typed = expected["typed_result"] as? [String: Any] { want = typed["result"] }
        guard let wantAny = want, !(wantAny is NSNull) else {
            return "unsupported expectation \(expected.keys.sorted())"
        }
        guard let wantValue = celValue(wantAny) else { return "unsupported expected value" }
        if same(result, wantValue) { return nil }
        return "got \(result.literalDescription), expected \(wantValue.literalDescription)"
    }

    /// Value equality for the harness: NaN matches NaN, types must match exactly.
    static func same(_ a: CELValue, _ b: CELValue) -> Bool {
        switch (a, b) {
        case let (.double(x), .double(y)): return (x.isNaN && y.isNaN) || (x == y && x.sign == y.sign) || x == y
        case let (.list(x), .list(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (.map(x), .map(y)):
            guard x.count == y.count else { return false }
            for (k, v) in x.entries { guard let w = y[k], same(v, w) else { return false } }
            return true
        case (.int, .int), (.uint, .uint), (.string, .string), (.bytes, .bytes), (.bool, .bool), (.null, .null),
             (.timestamp, .timestamp), (.duration, .duration), (.type, .type):
            return a == b
        default: return false
        }
    }

    static func celType(_ any: Any?) -> CELType {
        guard let d = any as? [String: Any], let (k, v) = d.first else { return .dyn }
        switch k {
        case "dyn": return .dyn
        case "null": return .null
        case "primitive":
            switch v as? String {
            case "BOOL": return .bool
            case "INT64": return .int
            case "UINT64": return .uint
            case "DOUBLE": return .double
            case "STRING": return .string
            case "BYTES": return .bytes
            default: return .dyn
            }
        case "well_known":
            switch v as? String {
            case "TIMESTAMP": return .timestamp
            case "DURATION": return .duration
            default: return .dyn
            }
        case "list_type": return .list(celType((v as? [String: Any])?["elem_type"]))
        case "map_type":
            let m = v as? [String: Any]
            return .map(celType(m?["key_type"]), celType(m?["value_type"]))
        case "message_type":
            let n = v as? String ?? ""
            return CELType.fromRuntimeName(n)
        case "type_param": return .typeParam(v as? String ?? "T")
        case "abstract_type":
            let a = v as? [String: Any]
            guard a?["name"] as? String == "optional_type", let p = (a?["parameter_types"] as? [Any])?.first else { return .dyn }
            return .optional(celType(p))
        case "type":
            if let inner = v as? [String: Any], inner.isEmpty { return .type(.dyn) }
            return .type(celType(v))
        case "error": return .error
        default: return .dyn
        }
    }

    static func celValue(_ any: Any) -> CELValue? {
        guard let d = any as? [String: Any], let (k, v) = d.first else { return nil }
        switch k {
        case "null": return .null
        case "bool": return (v as? Bool).map { .bool($0) }
        case "int64": return (v as? String).flatMap { Int64($0) }.map { .int($0) }
        case "uint64": return (v as? String).flatMap { UInt64($0) }.map { .uint($0) }
        case "double":
            if let s = v as? String {
                switch s {
                case "NaN": return .double(.nan)
                case "Infinity": return .double(.infinity)
                case "-Infinity": return .double(-.infinity)
                default: return Double(s).map { .double($0) }
                }
            }
            if let n = v as? NSNumber { return .double(n.doubleValue) }
            return nil
        case "string": return (v as? String).map { .string($0) }
        case "bytes_b64": return (v as? String).flatMap { Data(base64Encoded: $0) }.map { .bytes(Array($0)) }
        case "list":
            guard let arr = v as? [Any] else { return nil }
            var out: [CELValue] = []
            for e in arr { guard let c = celValue(e) else { return nil }; out.append(c) }
            return .list(out)
        case "map":
            guard let arr = v as? [[String: Any]] else { return nil }
            var m = CELMap()
            for e in arr {
                guard let kk = e["key"].flatMap({ celValue($0) }), let vv = e["value"].flatMap({ celValue($0) }) else { return nil }
                m.insert(kk, vv)
            }
            return .map(m)
        case "type": return (v as? String).map { .type(CELType.fromRuntimeName($0)) }
        case "timestamp": return (v as? String).flatMap { CELTimestamp(rfc3339: $0) }.map { .timestamp($0) }
        case "duration": return (v as? String).flatMap { CELDuration(text: $0) }.map { .duration($0) }
        default: return nil
        }
    }
}

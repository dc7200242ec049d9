import CEL
import Foundation

/// Evaluates a compiled rule-like CEL expression over host objects and reports throughput.
enum CELBenchmark {
    struct Datum: CELObject {
        let level: Int64
        var celTypeName: String { "shore.Datum" }
        func celField(_ name: String) -> CELValue? { name == "level" ? .int(level) : nil }
    }

    struct Engagement: CELObject {
        let data: CELValue
        var celTypeName: String { "shore.Engagement" }
        func celField(_ name: String) -> CELValue? { name == "data" ? data : nil }
    }

    struct Location: CELObject {
        let country: String
        var celTypeName: String { "shore.Location" }
        func celField(_ name: String) -> CELValue? { name == "country" ? .string(country) : nil }
    }

    static func run(arguments: [String]) {
        let expression = #"engagement.data.exists(d, d.level >= 3) && location.country in ["US", "CA", "MX"]"#
        var env = CELEnvironment()
        env.declareObjectType(CELObjectType(name: "shore.Datum", fields: ["level": .int]))
        env.declareObjectType(CELObjectType(name: "shore.Engagement", fields: ["data": .list(.object("shore.Datum"))]))
        env.declareObjectType(CELObjectType(name: "shore.Location", fields: ["country": .string]))
        env.declareVariable("engagement", type: .object("shore.Engagement"))
        env.declareVariable("location", type: .object("shore.Location"))
        let program: CELProgram
        do {
            program = try env.compile(expression)
        } catch {
            print("compile failed: \(error)")
            return
        }
        let countries = ["US", "CA", "MX", "DE", "PH", "IN"]
        var generator = SystemRandomNumberGenerator()
        let activations: [[CELValue]] = (0..<1_000).map { _ in
            let data = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                CELValue.object(Datum(level: Int64.random(in: 0...3, using: &generator)))
            }
            var slots = [CELValue](repeating: .null, count: program.variableNames.count)
            if let s = program.slot(of: "engagement") { slots[s] = .object(Engagement(data: .list(data))) }
            if let s = program.slot(of: "location") { slots[s] = .object(Location(country: countries.randomElement(using: &generator) ?? "US")) }
            return slots
        }
        let evaluations = Int(arguments.first.flatMap { Int($0) } ?? 2_000_000)
        var trueCount = 0
        let start = Date()
        for i in 0..<evaluations {
            if case .bool(true) = program.evaluate(slots: activations[i % activations.count]) { trueCount += 1 }
        }
        let elapsed = Date().timeIntervalSince(start)
        // Also the dictionary-based activation, for comparison.
        let dicts: [[String: CELValue]] = activations.map { slots in
            Dictionary(uniqueKeysWithValues: program.variableNames.enumerated().map { ($1, slots[$0]) })
        }
        let dictEvaluations = evaluations / 4
        let start2 = Date()
        for i in 0..<dictEvaluations { _ = program.evaluate(dicts[i % dicts.count]) }
        let elapsed2 = Date().timeIntervalSince(start2)
        print("cel: expression: \(expression)")
        print("cel: \(evaluations) evaluations (slots) in \(String(format: "%.3f", elapsed)) s: \(Int(Double(evaluations) / elapsed)) evaluations/s (\(trueCount) true)")
        print("cel: \(dictEvaluations) evaluations (dictionary) in \(String(format: "%.3f", elapsed2)) s: \(Int(Double(dictEvaluations) / elapsed2)) evaluations/s")
    }
}

import CEL
import SeededRandom
import Foundation

/// Evaluates compiled rule-like CEL expressions over host objects and reports throughput.
///
/// The first expression is the historical headline (slots and dictionary activations);
/// the `cel: rule` lines then time typical Shore rule shapes one by one, over host
/// objects built like Shore's (final classes answering `celField` with a `switch`).
enum CELBenchmark {
    final class Datum: CELObject {
        let level: Int64
        init(level: Int64) { self.level = level }
        var celTypeName: String { "shore.Datum" }
        func celField(_ name: String) -> CELValue? { name == "level" ? .int(level) : nil }
    }

    final class Engagement: CELObject {
        let data: CELValue
        init(data: CELValue) { self.data = data }
        var celTypeName: String { "shore.Engagement" }
        func celField(_ name: String) -> CELValue? { name == "data" ? data : nil }
    }

    final class Location: CELObject {
        let country: String
        init(country: String) { self.country = country }
        var celTypeName: String { "shore.Location" }
        func celField(_ name: String) -> CELValue? { name == "country" ? .string(country) : nil }
    }

    /// `cel [evaluations] [rule]`: with a rule name, times only that rule. Instructions per
    /// evaluation, steadier than time on a shared machine: run `valgrind --tool=callgrind
    /// --callgrind-out-file=/dev/null ShoreBenchmarks cel N rule` for N = 20000 and N = 0,
    /// and divide the difference of the "Collected" counts by N.
    static func run(arguments: [String]) {
        if arguments.count >= 2 {
            CELRuleBenchmark.run(evaluations: Int(arguments[0]) ?? 500_000, only: arguments[1])
            return
        }
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
        var generator = SplitMix64(seed: 42)
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
        let start = Measure.now()
        for i in 0..<evaluations {
            if case .bool(true) = program.evaluate(slots: activations[i % activations.count]) { trueCount += 1 }
        }
        let elapsed = Measure.now() - start
        // Also the dictionary-based activation, for comparison.
        let dicts: [[String: CELValue]] = activations.map { slots in
            Dictionary(uniqueKeysWithValues: program.variableNames.enumerated().map { ($1, slots[$0]) })
        }
        let dictEvaluations = evaluations / 4
        let start2 = Measure.now()
        for i in 0..<dictEvaluations { _ = program.evaluate(dicts[i % dicts.count]) }
        let elapsed2 = Measure.now() - start2
        print("cel: expression: \(expression)")
        print("cel: \(evaluations) evaluations (slots) in \(String(format: "%.3f", elapsed)) s: \(Int(Double(evaluations) / elapsed)) evaluations/s (\(trueCount) true)")
        print("cel: \(dictEvaluations) evaluations (dictionary) in \(String(format: "%.3f", elapsed2)) s: \(Int(Double(dictEvaluations) / elapsed2)) evaluations/s")
        CELRuleBenchmark.run(evaluations: evaluations / 4)
    }
}

/// Typical Shore rules, each timed on its own over a fixed set of plan-like subjects.
/// Host objects mirror Shore's: final classes with precomputed `CELValue` fields, the
/// domain functions declared like Shore's (overloads without a dispatcher), named sets
/// passed as `list(string)` variables.
enum CELRuleBenchmark {
    final class Company: CELObject, Sendable {
        let country: CELValue
        init(country: String) { self.country = .string(country) }
        var celTypeName: String { "shore.Company" }
        func celField(_ name: String) -> CELValue? {
            switch name {
            case "name": .string("Acme")
            case "country": country
            default: nil
            }
        }
    }

    final class Provider: CELObject, Sendable {
        let kind: String
        init(kind: String) { self.kind = kind }
        var celTypeName: String { "shore.Provider" }
        func celField(_ name: String) -> CELValue? {
            switch name {
            case "name": .string("Provider")
            case "kind": .string(kind)
            default: nil
            }
        }
    }

    final class Location: CELObject, Sendable {
        let country: String
        init(country: String) { self.country = country }
        var celTypeName: String { "shore.Location" }
        func celField(_ name: String) -> CELValue? {
            switch name {
            case "country": .string(country)
            case "city": .string("City")
            case "headcount": .int(10)
            default: nil
            }
        }
    }

    final class Datum: CELObject, Sendable {
        let level: Int64
        init(level: Int64) { self.level = level }
        var celTypeName: String { "shore.Data" }
        func celField(_ name: String) -> CELValue? {
            switch name {
            case "name": .string("records")
            case "personal": .bool(level > 1)
            case "level": .int(level)
            default: nil
            }
        }
    }

    final class Language: CELObject, Sendable {
        let code: String
        let cefr: Int64
        init(code: String, cefr: Int64) { self.code = code; self.cefr = cefr }
        var celTypeName: String { "shore.Language" }
        func celField(_ name: String) -> CELValue? {
            switch name {
            case "code": .string(code)
            case "cefr": .int(cefr)
            default: nil
            }
        }
    }

    final class Engagement: CELObject, Sendable {
        let model: String
        let provider: CELValue
        let data: CELValue
        let controls: CELValue
        let markets: CELValue
        let languages: CELValue
        init(model: String, provider: Provider, data: [Datum], controls: [String], markets: [String], languages: [Language]) {
            self.model = model
            self.provider = .object(provider)
            self.data = .list(data.map { .object($0) })
            self.controls = .list(controls.map(CELValue.string))
            self.markets = .list(markets.map(CELValue.string))
            self.languages = .list(languages.map { .object($0) })
        }
        var celTypeName: String { "shore.Engagement" }
        func celField(_ name: String) -> CELValue? {
            switch name {
            case "id": .string("E-1")
            case "model": .string(model)
            case "provider": provider
            case "data": data
            case "controls": controls
            case "markets": markets
            case "languages": languages
            default: nil
            }
        }
    }

    final class Country: CELObject, Sendable {
        let share: Double
        init(share: Double) { self.share = share }
        var celTypeName: String { "shore.Country" }
        func celField(_ name: String) -> CELValue? {
            switch name {
            case "code": .string("DE")
            case "headcount_share": .double(share)
            default: nil
            }
        }
    }

    static let rules: [(name: String, expression: String)] = [
        ("same-country", "location.country == company.country"),
        ("in-set", "location.country in approved"),
        ("exists-level", "engagement.data.exists(d, d.level >= level('restricted'))"),
        ("all-controls", "['audit-rights', 'sla'].all(c, c in engagement.controls)"),
        ("languages", "engagement.markets.all(m, official_languages(m).all(lang, engagement.languages.exists(x, x.code == lang && x.cefr >= cefr('C1'))))"),
        ("share", "country.headcount_share <= 0.4"),
        ("model-kind", "engagement.model == 'offshore-outsourced' && engagement.provider.kind != 'freelancer'"),
    ]

    static func environment() -> CELEnvironment {
        var env = CELEnvironment()
        env.declareObjectType(CELObjectType(name: "shore.Company", fields: ["name": .string, "country": .string]))
        env.declareObjectType(CELObjectType(name: "shore.Provider", fields: ["name": .string, "kind": .string]))
        env.declareObjectType(CELObjectType(name: "shore.Location", fields: ["country": .string, "city": .string, "headcount": .int]))
        env.declareObjectType(CELObjectType(name: "shore.Data", fields: ["name": .string, "personal": .bool, "level": .int]))
        env.declareObjectType(CELObjectType(name: "shore.Language", fields: ["code": .string, "cefr": .int]))
        env.declareObjectType(CELObjectType(name: "shore.Engagement", fields: [
            "id": .string, "model": .string, "provider": .object("shore.Provider"), "data": .list(.object("shore.Data")),
            "controls": .list(.string), "markets": .list(.string), "languages": .list(.object("shore.Language")),
        ]))
        env.declareObjectType(CELObjectType(name: "shore.Country", fields: ["code": .string, "headcount_share": .double]))
        env.declareVariable("company", type: .object("shore.Company"))
        env.declareVariable("location", type: .object("shore.Location"))
        env.declareVariable("engagement", type: .object("shore.Engagement"))
        env.declareVariable("country", type: .object("shore.Country"))
        env.declareVariable("approved", type: .list(.string))
        let scale = ["public", "internal", "confidential", "restricted"]
        env.declareFunction(stringFunction("level", .int) { text in
            scale.firstIndex(of: text).map { .int(Int64($0) + 1) } ?? .err("level: '\(text)' is not on the scale")
        })
        let cefr = ["A1", "A2", "B1", "B2", "C1", "C2", "native"]
        env.declareFunction(stringFunction("cefr", .int) { text in
            cefr.firstIndex(of: text).map { .int(Int64($0) + 1) } ?? .err("cefr: '\(text)' is not a CEFR level")
        })
        let official: [String: [String]] = ["DE": ["de"], "CH": ["de", "fr", "it"], "CA": ["en", "fr"], "US": ["en"], "BE": ["nl", "fr", "de"]]
        env.declareFunction(stringFunction("official_languages", .list(.string)) { code in
            .list((official[code] ?? []).map(CELValue.string))
        })
        return env
    }

    /// A one-argument function from string, declared the way Shore declares its domain functions.
    static func stringFunction(_ name: String, _ result: CELType, _ body: @escaping @Sendable (String) -> CELValue) -> CELFunctionDecl {
        CELFunctionDecl(name: name, overloads: [
            CELOverload(id: "\(name)_string", parameters: [.string], result: result) { args in
                guard args.count == 1, case .string(let text) = args[0] else { return .err("\(name) expects one string") }
                return body(text)
            },
        ])
    }

    /// 1,000 subjects, each a full set of variables by name.
    static func subjects() -> [[String: CELValue]] {
        var generator = SplitMix64(seed: 42)
        let countries = ["US", "CA", "MX", "DE", "PH", "IN", "CH", "BE", "PL", "PT"]
        let approved = CELValue.list(["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
                                      "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"].map(CELValue.string))
        let allControls = ["audit-rights", "sla", "dpa", "sccs", "tia", "iso27001"]
        let models = ["offshore-outsourced", "onshore-captive", "nearshore-outsourced"]
        let kinds = ["vendor", "freelancer", "captive"]
        let languageCodes = ["de", "en", "fr", "it", "nl", "es"]
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &generator)] }
        return (0..<1_000).map { _ in
            let data = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Datum(level: Int64.random(in: 1...4, using: &generator)) }
            let controls = allControls.filter { _ in Bool.random(using: &generator) }
            let markets = (0..<Int.random(in: 1...3, using: &generator)).map { _ in pick(["DE", "CH", "CA", "US", "BE"]) }
            let languages = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                Language(code: pick(languageCodes), cefr: Int64.random(in: 3...7, using: &generator))
            }
            let engagement = Engagement(model: pick(models), provider: Provider(kind: pick(kinds)), data: data,
                                        controls: controls, markets: markets, languages: languages)
            return [
                "company": .object(Company(country: "DE")),
                "location": .object(Location(country: pick(countries))),
                "engagement": .object(engagement),
                "country": .object(Country(share: Double.random(in: 0...0.8, using: &generator))),
                "approved": approved,
            ]
        }
    }

    static func run(evaluations: Int, only: String? = nil) {
        let env = environment()
        let subjects = subjects()
        for (name, expression) in rules where only == nil || only == name {
            let program: CELProgram
            do { program = try env.compile(expression) } catch {
                print("cel: rule \(name): compile failed: \(error)")
                continue
            }
            let slots = subjects.map { vars in program.variableNames.map { vars[$0] ?? .null } }
            var trueCount = 0
            let start = Measure.now()
            for i in 0..<evaluations {
                if case .bool(true) = program.evaluate(slots: slots[i % slots.count]) { trueCount += 1 }
            }
            let elapsed = Measure.now() - start
            let nanos = elapsed / Double(evaluations) * 1e9
            print("cel: rule \(name): \(evaluations) evaluations in \(String(format: "%.3f", elapsed)) s: "
                + "\(Int(Double(evaluations) / elapsed)) evaluations/s, \(String(format: "%.0f", nanos)) ns each (\(trueCount) true)  \(expression)")
        }
    }
}


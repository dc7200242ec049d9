import CEL
import Reference

/// Shore's own CEL functions: `level`, `cefr`, `country_name`, `official_languages`, `date`.
enum DomainFunctions {
    /// One function as the rules reference shows it.
    struct Documentation {
        let name: String
        let signature: String
        let meaning: String
        let example: String
    }

    /// What each function does, beside its declaration so the two change together (a
    /// test checks every declared function is documented here).
    static let documentation: [Documentation] = [
        Documentation(name: "level", signature: "level(string) → int",
                      meaning: "The rank of a classification on the rule set's scale, from 1; an error for a name not on it.",
                      example: "data.level >= level('confidential')"),
        Documentation(name: "cefr", signature: "cefr(string) → int",
                      meaning: "A CEFR level as a number: A1 = 1 … C2 = 6, native = 7.",
                      example: "language.cefr >= cefr('B2')"),
        Documentation(name: "country_name", signature: "country_name(string) → string",
                      meaning: "The English name of an ISO 3166-1 alpha-2 code.",
                      example: "country_name(location.country) == 'Philippines'"),
        Documentation(name: "official_languages", signature: "official_languages(string) → list(string)",
                      meaning: "A country's official languages (Unicode CLDR), as language codes.",
                      example: "'en' in official_languages(location.country)"),
        Documentation(name: "sum", signature: "sum(list(double)) → double, sum(list(int)) → int",
                      meaning: "The sum of a list of numbers (0 for an empty list); an int sum that overflows is an error.",
                      example: "sum(provider.owners.filter(o, o.country in ['RU', 'BY']).map(o, o.share)) < 50.0"),
        Documentation(name: "date", signature: "date(string) → google.protobuf.Timestamp",
                      meaning: "A YYYY-MM-DD date as a timestamp at midnight UTC, to compare with plan dates.",
                      example: "plan.date >= date('2027-01-01')"),
    ]

    static func declarations(classifications: [String]) -> [CELFunctionDecl] {
        [
            function("level", .string, .int) { text in
                guard let index = Classifications.level(of: text, in: classifications) else {
                    return .err("level: '\(text)' is not on the classification scale (\(classifications.joined(separator: ", ")))")
                }
                return .int(Int64(index) + 1)
            },
            function("cefr", .string, .int) { text in
                guard let level = CEFRLevel(rawValue: text) else {
                    return .err("cefr: '\(text)' is not a CEFR level (A1 … C2 or native)")
                }
                return .int(Int64(level.ordinal))
            },
            function("country_name", .string, .string) { code in
                guard let name = Countries.countryName(code) else {
                    return .err("country_name: '\(code)' is not an ISO 3166-1 alpha-2 code")
                }
                return .string(name)
            },
            function("official_languages", .string, .list(.string)) { code in
                guard let languages = officialLanguageList(code) else {
                    return .err("official_languages: '\(code)' is not an ISO 3166-1 alpha-2 code")
                }
                return languages
            },
            function("date", .string, .timestamp) { text in
                guard let date = CivilDate.parse(text) else {
                    return .err("date: '\(text)' is not a date (YYYY-MM-DD)")
                }
                return PlanValues.timestamp(date)
            },
            sum,
        ]
    }

    /// `official_languages(code)` as the list value a rule reads, or nil for a code that is
    /// not ISO 3166-1 alpha-2. Each country's list is worked out once per run: a rule calls
    /// it per market of every engagement, and working it out (`Languages.officialLanguages`)
    /// costs as much as a rule's whole assert.
    static func officialLanguageList(_ code: String) -> CELValue? {
        officialLanguageLists.value(for: code) {
            Countries.isValid(code) ? .list(Languages.officialLanguages(code).map(CELValue.string)) : nil
        }
    }

    private static let officialLanguageLists = KeyedMemo<String, CELValue?>()

    /// `sum(list)`: a list of ints sums to an int (overflow is an error), a list of
    /// doubles to a double; the empty list to 0. One implementation serves both
    /// overloads, because a list's element type is known only at run time.
    static let sum = CELFunctionDecl(name: "sum", overloads: [
        CELOverload(id: "sum_list_int", parameters: [.list(.int)], result: .int, implementation: sumOfList),
        CELOverload(id: "sum_list_double", parameters: [.list(.double)], result: .double, implementation: sumOfList),
    ], isPure: true)

    static let sumOfList: CELFunctionImpl = { args in
        guard args.count == 1, case .list(let items) = args[0] else { return .err("sum expects one list") }
        var ints: Int64 = 0
        var doubles = 0.0
        var sawDouble = false
        for item in items {
            switch item {
            case .int(let i):
                let (next, overflow) = ints.addingReportingOverflow(i)
                if overflow { return .err("sum: integer overflow") }
                ints = next
            case .double(let d):
                doubles += d
                sawDouble = true
            default:
                return .err("sum: \(item.literalDescription) is not a number")
            }
        }
        return sawDouble ? .double(doubles + Double(ints)) : .int(ints)
    }

    /// A one-argument function from string.
    private static func function(
        _ name: String, _ parameter: CELType, _ result: CELType, _ body: @escaping @Sendable (String) -> CELValue
    ) -> CELFunctionDecl {
        // Pure: each depends only on its argument and the loaded reference data, so a call
        // on a literal (`level('restricted')`) is worked out once per rule, not per item.
        CELFunctionDecl(name: name, overloads: [
            CELOverload(id: "\(name)_string", parameters: [parameter], result: result) { args in
                guard args.count == 1, case .string(let text) = args[0] else {
                    return .err("\(name) expects one string")
                }
                return body(text)
            },
        ], isPure: true)
    }
}

import SourceText

/// A value `FieldReader` checks against reference data or a list of words.
enum FieldCheck: Sendable {
    case country, region, currency, lei, date, hours, timeZone, regime, language, cefrLevel, classification, dataItem
    /// An exchange rate: a number above 0.
    case rate
    /// One of the words a field allows.
    case word
}

/// The diagnostic codes one kind of input file (plan, rules, config, waivers, tests)
/// reports when `FieldReader` finds a field problem: `plan.unknown-key` for a plan,
/// `rules.unknown-key` for a rule file. A class: each mapping a loader reads holds one
/// reference to its file kind's codes rather than a copy of them.
final class FieldCodes: Sendable {
    let wrongType: DiagnosticCode
    let unknownKey: DiagnosticCode
    let missingField: DiagnosticCode
    /// For a key Shore computes; only plans have such keys.
    let derivedField: DiagnosticCode?
    /// The code for each check this kind of file makes.
    let checks: [FieldCheck: DiagnosticCode]

    init(wrongType: DiagnosticCode, unknownKey: DiagnosticCode, missingField: DiagnosticCode,
         derivedField: DiagnosticCode?, checks: [FieldCheck: DiagnosticCode]) {
        self.wrongType = wrongType
        self.unknownKey = unknownKey
        self.missingField = missingField
        self.derivedField = derivedField
        self.checks = checks
    }

    /// The code for a failed `check`. A check the file kind does not declare reports its
    /// `wrongType` code: the value is not of the kind the field takes.
    func code(_ check: FieldCheck) -> DiagnosticCode { checks[check] ?? wrongType }

    static let plan = FieldCodes(
        wrongType: .planWrongType, unknownKey: .planUnknownKey, missingField: .planMissingField,
        derivedField: .planDerivedField,
        checks: [.country: .planUnknownCountry, .region: .planUnknownRegion, .currency: .planUnknownCurrency,
                 .lei: .planInvalidLEI, .date: .planInvalidDate, .hours: .planInvalidHours,
                 .timeZone: .planUnknownTimezone, .regime: .planUnknownRegime, .language: .planUnknownLanguage,
                 .cefrLevel: .planUnknownCEFRLevel, .classification: .planUnknownClassification,
                 .dataItem: .planUnknownDataItem, .rate: .planInvalidRate, .word: .planInvalidValue])
    static let rules = FieldCodes(
        wrongType: .rulesWrongType, unknownKey: .rulesUnknownKey, missingField: .rulesMissingField, derivedField: nil,
        checks: [.word: .rulesInvalidValue])
    static let config = FieldCodes(
        wrongType: .configWrongType, unknownKey: .configUnknownKey, missingField: .configMissingField, derivedField: nil,
        checks: [.word: .configInvalidValue, .currency: .configUnknownCurrency, .rate: .configInvalidRate])
    static let waiver = FieldCodes(
        wrongType: .waiverWrongType, unknownKey: .waiverUnknownKey, missingField: .waiverMissingField, derivedField: nil,
        checks: [.country: .waiverUnknownCountry, .date: .waiverInvalidDate])
    static let test = FieldCodes(
        wrongType: .testWrongType, unknownKey: .testUnknownKey, missingField: .testMissingField, derivedField: nil,
        checks: [.country: .testUnknownCountry, .word: .testInvalidValue])
}

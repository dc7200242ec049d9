/// `waiver.*`: a waivers file that does not fit the waiver format, or a waiver not allowed.
extension DiagnosticCode {
    public static let waiverWrongType = DiagnosticCode(
        "waiver.wrong-type", "A waiver field has the wrong kind of value.",
        example: "'plan' in waiver must be text, found a list")
    public static let waiverUnknownKey = DiagnosticCode(
        "waiver.unknown-key", "A key the waiver format does not have (often a typo).",
        example: "unknown key 'expiry' in waiver")
    public static let waiverMissingField = DiagnosticCode(
        "waiver.missing-field", "A required waiver field is missing.",
        example: "waiver is missing the required field 'reason'")
    public static let waiverUnknownCountry = DiagnosticCode(
        "waiver.unknown-country", "A waiver names a code that is not a country.",
        example: "'XX' is not an ISO 3166-1 alpha-2 country code")
    public static let waiverInvalidDate = DiagnosticCode(
        "waiver.invalid-date", "A waiver's date is not a calendar date written YYYY-MM-DD.",
        example: "'2027-02-30' is not a valid date: February 2027 has 28 days")
    public static let waiverPlanForbidden = DiagnosticCode(
        "waiver.plan-forbidden", "A plan waives a rule itself, but shore.yaml forbids waivers inside plans.",
        example: "this plan waives data.eea-only itself, but shore.yaml forbids waivers inside plans")

    static let waiverCodes: [DiagnosticCode] = [
        waiverWrongType, waiverUnknownKey, waiverMissingField, waiverUnknownCountry, waiverInvalidDate, waiverPlanForbidden,
    ]
}

/// `plan.*`: a sourcing plan that does not fit the plan format or contradicts itself.
extension DiagnosticCode {
    // Reading fields (shared with the other file kinds through `FieldCodes`).
    public static let planWrongType = DiagnosticCode(
        "plan.wrong-type", "A plan field has the wrong kind of value (a list where text is expected …).",
        example: "'headcount' in location must be a whole number, found the string \"text\"")
    public static let planUnknownKey = DiagnosticCode(
        "plan.unknown-key", "A key the plan format does not have (often a typo).",
        example: "unknown key 'contry' in location")
    public static let planMissingField = DiagnosticCode(
        "plan.missing-field", "A required plan field is missing.",
        example: "location is missing the required field 'country'")
    public static let planDerivedField = DiagnosticCode(
        "plan.derived-field", "A field Shore computes from the plan was written in it.",
        example: "'headcount' is computed by Shore and cannot be written in engagement")
    public static let planInvalidValue = DiagnosticCode(
        "plan.invalid-value", "A field that takes one of a few words has another.",
        example: "'vendr' is not a valid kind; expected one of agency, freelancer, contractor, captive, in-house")
    public static let planUnknownCountry = DiagnosticCode(
        "plan.unknown-country", "Not an ISO 3166 country code Shore knows.",
        example: "'UK' is not an ISO 3166-1 alpha-2 code: the United Kingdom's code is GB ('UK' is only exceptionally reserved); did you mean 'GB' (United Kingdom)?")
    public static let planUnknownRegion = DiagnosticCode(
        "plan.unknown-region", "Not a region (ISO 3166-2 subdivision) of the location's country.",
        example: "'US-XX' is not an ISO 3166-2 region of US; did you mean 'US-TX' (Texas)?")
    public static let planUnknownCurrency = DiagnosticCode(
        "plan.unknown-currency", "Not an ISO 4217 currency code.",
        example: "'EURO' is not an ISO 4217 currency code; did you mean 'EUR' (Euro)?")
    public static let planInvalidLEI = DiagnosticCode(
        "plan.invalid-lei", "Not a valid legal entity identifier (20 characters with a correct check sum).",
        example: "'5493001KJTIIGC8Y1R13' fails the LEI check digits (ISO 17442, MOD 97-10): a character is mistyped")
    public static let planInvalidDate = DiagnosticCode(
        "plan.invalid-date", "Not a calendar date written YYYY-MM-DD.",
        example: "'2027-13-01' is not a valid date (month 01-12, year 0001-9999)")
    public static let planInvalidHours = DiagnosticCode(
        "plan.invalid-hours", "Not business hours written HH:MM-HH:MM.",
        example: "'9-17' is not in the form HH:MM-HH:MM; did you mean '09:00-17:00'?")
    public static let planUnknownTimezone = DiagnosticCode(
        "plan.unknown-timezone", "Not an IANA time zone name.",
        example: "'Europe/Berln' is not an IANA time zone; did you mean 'Europe/Berlin'?")
    public static let planUnknownRegime = DiagnosticCode(
        "plan.unknown-regime", "Not a data-protection regime Shore knows.",
        example: "'gdrp' is not a regime: use eu, eea, uk, or a country's lower-case ISO 3166-1 code (us, jp, ch)")
    public static let planUnknownLanguage = DiagnosticCode(
        "plan.unknown-language", "Not an ISO 639 language code.",
        example: "'eng1' is not a BCP 47 language code (ISO 639-1, or ISO 639-3 where no ISO 639-1 code exists)")
    public static let planUnknownCEFRLevel = DiagnosticCode(
        "plan.unknown-cefr-level", "Not a CEFR level (A1 … C2, native).",
        example: "'D1' is not a CEFR level (A1, A2, B1, B2, C1, C2 or native)")
    public static let planUnknownClassification = DiagnosticCode(
        "plan.unknown-classification", "A data classification that is not on the rules' classification scale.",
        example: "'secret' is not a classification on the scale (public, internal, confidential, restricted)")
    public static let planUnknownDataItem = DiagnosticCode(
        "plan.unknown-data-item", "A subcontractor names a data item the engagement does not list.",
        example: "the engagement has no data item 'payroll'")

    // The plan's own consistency.
    public static let planTooManyEngagements = DiagnosticCode(
        "plan.too-many-engagements", "The plan lists more engagements than the limit.",
        example: "the plan lists 20000 engagements; at most 10000 are allowed")
    public static let planDuplicateEngagement = DiagnosticCode(
        "plan.duplicate-engagement", "Two engagements have the same id.",
        example: "the engagement id 'support' is used twice")
    public static let planDuplicateID = DiagnosticCode(
        "plan.duplicate-id", "Two plans checked together have the same plan id.",
        example: "the plan id 'acme' is also used by plans/b.yaml")
    public static let planNoLocations = DiagnosticCode(
        "plan.no-locations", "An engagement lists no location.",
        example: "engagement 'support' lists no locations")
    public static let planEndBeforeStart = DiagnosticCode(
        "plan.end-before-start", "An engagement ends before it starts.",
        example: "engagement 'support' ends (2024-01-01) before it starts (2025-01-01)")
    public static let planNegativeHeadcount = DiagnosticCode(
        "plan.negative-headcount", "A location's headcount is below zero.",
        example: "headcount cannot be negative (-3)")
    public static let planHeadcountTooLarge = DiagnosticCode(
        "plan.headcount-too-large", "A location's headcount is above the limit.",
        example: "headcount 2000000000 is more than the limit of 10000000 people per location")
    public static let planHeadcountOverflow = DiagnosticCode(
        "plan.headcount-overflow", "Headcounts added up pass the largest count Shore can hold.",
        example: "the plan's total headcount passes the largest count Shore can hold (9223372036854775807) here")
    public static let planNegativeRecords = DiagnosticCode(
        "plan.negative-records", "A data item's record count is below zero.",
        example: "records cannot be negative (-1)")
    public static let planNegativeCost = DiagnosticCode(
        "plan.negative-cost", "An annual cost is below zero.",
        example: "annual cost cannot be negative")
    public static let planCostTooLarge = DiagnosticCode(
        "plan.cost-too-large", "An annual cost is above the limit.",
        example: "annual cost 1e+20 is more than the limit of 1e+15")
    public static let planInvalidRate = DiagnosticCode(
        "plan.invalid-rate", "An exchange rate under `fx` is not a number above 0.",
        example: "the rate for USD must be a number above 0")
    public static let planUnknownExchangeRate = DiagnosticCode(
        "plan.unknown-exchange-rate", "A cost's currency has no rate to the reporting currency.",
        example: "no exchange rate from XOF to EUR, the reporting currency")
    public static let planMixedCurrencies = DiagnosticCode(
        "plan.mixed-currencies", .warning, "Costs are in several currencies and no reporting currency converts them.",
        example: "costs are given in EUR and USD; shares convert them to EUR, the first cost's currency")
    public static let planInvalidShare = DiagnosticCode(
        "plan.invalid-share", "An owner's share is not between 0 and 100 percent.",
        example: "an owner's share must be between 0 and 100 percent (120.0)")
    public static let planOwnerSharesOver100 = DiagnosticCode(
        "plan.owner-shares-over-100", "A provider's owners hold more than 100% together.",
        example: "the owners' shares add up to 130%, more than 100%")
    public static let planProviderConflict = DiagnosticCode(
        "plan.provider-conflict", "The same provider is described differently in two engagements.",
        example: "the provider 'Acme' is described twice differently (country IE here, GB before)")
    public static let planMissingTimezone = DiagnosticCode(
        "plan.missing-timezone", "A place in a country with several time zones gives none.",
        example: "the company needs a timezone: US has 29 time zones")
    public static let planTimezoneCountry = DiagnosticCode(
        "plan.timezone-country", .warning, "A time zone that belongs to another country than the place's.",
        example: "Europe/Paris is a time zone of FR, not of DE")

    static let planCodes: [DiagnosticCode] = [
        planWrongType, planUnknownKey, planMissingField, planDerivedField, planInvalidValue, planUnknownCountry,
        planUnknownRegion, planUnknownCurrency, planInvalidLEI, planInvalidDate, planInvalidHours, planUnknownTimezone,
        planUnknownRegime, planUnknownLanguage, planUnknownCEFRLevel, planUnknownClassification, planUnknownDataItem,
        planTooManyEngagements, planDuplicateEngagement, planDuplicateID, planNoLocations, planEndBeforeStart,
        planNegativeHeadcount, planHeadcountTooLarge, planHeadcountOverflow, planNegativeRecords, planNegativeCost,
        planCostTooLarge, planInvalidRate, planUnknownExchangeRate, planMixedCurrencies, planInvalidShare,
        planOwnerSharesOver100, planProviderConflict, planMissingTimezone, planTimezoneCountry,
    ]
}

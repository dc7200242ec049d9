/// `config.*`: a shore.yaml that does not fit the configuration format.
extension DiagnosticCode {
    public static let configWrongType = DiagnosticCode(
        "config.wrong-type", "A configuration field has the wrong kind of value.",
        example: "'enabled' in override must be true or false, found the number 3")
    public static let configUnknownKey = DiagnosticCode(
        "config.unknown-key", "A key the configuration format does not have (often a typo).",
        example: "unknown key 'fail-on' in config")
    public static let configMissingField = DiagnosticCode(
        "config.missing-field", "A required configuration field is missing.",
        example: "override is missing the required field 'severity'")
    public static let configInvalidValue = DiagnosticCode(
        "config.invalid-value", "A field that takes one of a few words (`fail_on`, `severity` …) has another.",
        example: "'errors' is not a valid fail_on; expected one of error, warning, info, none")
    public static let configUnknownRule = DiagnosticCode(
        "config.unknown-rule", "An override names a rule that is not loaded.",
        example: "the override names the rule 'data.eea-onyl', which is not loaded")
    public static let configUnknownCurrency = DiagnosticCode(
        "config.unknown-currency", "An `fx:` base or rate names no ISO 4217 currency.",
        example: "'KSH' is not an ISO 4217 currency code; did you mean 'KES' (Kenyan Shilling)?")
    public static let configInvalidRate = DiagnosticCode(
        "config.invalid-rate", "An `fx:` rate is not a number above 0.",
        example: "the rate for INR must be a number above 0")

    static let configCodes: [DiagnosticCode] = [
        configWrongType, configUnknownKey, configMissingField, configInvalidValue, configUnknownRule,
        configUnknownCurrency, configInvalidRate,
    ]
}

/// `test.*`: rule tests (`*.test.yaml`) that cannot run, or that fail.
extension DiagnosticCode {
    public static let testWrongType = DiagnosticCode(
        "test.wrong-type", "A test field has the wrong kind of value.",
        example: "'plan' in test must be a plan file path or an inline plan mapping, found a list")
    public static let testUnknownKey = DiagnosticCode(
        "test.unknown-key", "A key the rule-test format does not have (often a typo).",
        example: "unknown key 'expected' in test")
    public static let testMissingField = DiagnosticCode(
        "test.missing-field", "A required test field is missing.",
        example: "test is missing the required field 'plan'")
    public static let testInvalidValue = DiagnosticCode(
        "test.invalid-value", "A field that takes one of a few words (`kind`, `status` …) has another.",
        example: "'closed' is not a valid status; expected one of failing, waived")
    public static let testUnknownCountry = DiagnosticCode(
        "test.unknown-country", "An expected finding names a code that is not a country.",
        example: "'XX' is not an ISO 3166-1 alpha-2 country code")
    public static let testNone = DiagnosticCode(
        "test.none", "No rule test file was found.",
        example: "no rule tests found")
    public static let testNoRules = DiagnosticCode(
        "test.no-rules", "A test selects no rule, or there are no rules to test.",
        example: "the test selects no rule (`rules: []`), so it checks nothing")
    public static let testUnknownRule = DiagnosticCode(
        "test.unknown-rule", "A test names or expects a rule that is not loaded.",
        example: "the test names the rule 'data.eea-onyl', which is not loaded")
    public static let testMissingPlan = DiagnosticCode(
        "test.missing-plan", "A test's plan file does not exist.",
        example: "the plan file 'fixtures/a.yaml' does not exist")
    public static let testMissingPath = DiagnosticCode(
        "test.missing-path", "A path given to `shore test` does not exist.",
        example: "no such file or folder: rules/tests")
    public static let testPlanWithoutDate = DiagnosticCode(
        "test.plan-without-date", .warning, "A test plan has no date, so its results depend on the day the tests run.",
        example: "this test plan has no date, so its results depend on the day the tests run")
    public static let testFailed = DiagnosticCode(
        "test.failed", "A rule test fails (shown by the language server).",
        example: "the test 'flags a location outside the EEA' fails")

    static let testCodes: [DiagnosticCode] = [
        testWrongType, testUnknownKey, testMissingField, testInvalidValue, testUnknownCountry, testNone, testNoRules,
        testUnknownRule, testMissingPlan, testMissingPath, testPlanWithoutDate, testFailed,
    ]
}

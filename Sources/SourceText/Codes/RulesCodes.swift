/// `rules.*`: a rule file that does not fit the rule format, or an expression that does
/// not compile.
extension DiagnosticCode {
    public static let rulesWrongType = DiagnosticCode(
        "rules.wrong-type", "A rule field has the wrong kind of value.",
        example: "'enabled' in rule must be true or false, found the string \"no\"")
    public static let rulesUnknownKey = DiagnosticCode(
        "rules.unknown-key", "A key the rule format does not have (often a typo).",
        example: "unknown key 'asert' in rule")
    public static let rulesMissingField = DiagnosticCode(
        "rules.missing-field", "A required rule field is missing.",
        example: "rule is missing the required field 'assert'")
    public static let rulesInvalidValue = DiagnosticCode(
        "rules.invalid-value", "A field that takes one of a few words (`for`, `severity` …) has another.",
        example: "'fatal' is not a valid severity; expected one of error, warning, info")
    public static let rulesUnknownCountry = DiagnosticCode(
        "rules.unknown-country", "A country set lists a code that is not a country.",
        example: "in the set 'allies': 'XX' is not an ISO 3166-1 alpha-2 country code")
    public static let rulesNone = DiagnosticCode(
        "rules.none", "No rule file was found where rules were looked for.",
        example: "no rule files found under policy/")
    public static let rulesEmpty = DiagnosticCode(
        "rules.empty", "The rule files loaded define no rule, so a check would pass every plan.",
        example: "the rule file defines no rules")
    public static let rulesAllDisabled = DiagnosticCode(
        "rules.all-disabled", "Every rule is disabled, so nothing would be checked.",
        example: "all 3 rules are disabled, so nothing would be checked")
    public static let rulesDuplicateID = DiagnosticCode(
        "rules.duplicate-id", "Two rules have the same id.",
        example: "the rule id 'data.eea-only' is defined twice")
    public static let rulesDuplicateSet = DiagnosticCode(
        "rules.duplicate-set", "Two sets have the same name.",
        example: "the set 'allies' is defined twice")
    public static let rulesInvalidSetName = DiagnosticCode(
        "rules.invalid-set-name", "A set name that cannot be a CEL variable.",
        example: "the set name 'my-set' cannot be used as a CEL variable")
    public static let rulesShadowedSet = DiagnosticCode(
        "rules.shadowed-set", "A set would replace the built-in set of that name with other members.",
        example: "the set 'eea' would replace the built-in set of that name with other members")
    public static let rulesRedundantSet = DiagnosticCode(
        "rules.redundant-set", .info, "A set repeats the built-in set of that name.",
        example: "the set 'eea' repeats the built-in set of that name")
    public static let rulesEmptyClassifications = DiagnosticCode(
        "rules.empty-classifications", "The classification scale lists no class.",
        example: "the classification scale is empty")
    public static let rulesDuplicateClassification = DiagnosticCode(
        "rules.duplicate-classification", "A class appears twice in the classification scale.",
        example: "a class appears twice in the scale")
    public static let rulesConflictingClassifications = DiagnosticCode(
        "rules.conflicting-classifications", "Two rule files give different classification scales.",
        example: "this classification scale differs from one given earlier; a rule set has one scale")
    public static let rulesCELSyntax = DiagnosticCode(
        "rules.cel-syntax", "A `when`, `assert` or `message` expression is not valid CEL.",
        example: "unexpected ')'")
    public static let rulesCELType = DiagnosticCode(
        "rules.cel-type", "An expression parses but does not type-check (unknown names, wrong types).",
        example: "undeclared reference to 'contry'")
    public static let rulesNotBoolean = DiagnosticCode(
        "rules.not-boolean", "A `when` or `assert` that does not give true or false.",
        example: "'assert' must be a boolean expression, but this one gives string")
    public static let rulesUnclosedPlaceholder = DiagnosticCode(
        "rules.unclosed-placeholder", "A `{{` in a message is never closed by `}}`.",
        example: "this '{{' is never closed by '}}'")
    public static let rulesYAMLSplitExpression = DiagnosticCode(
        "rules.yaml-split-expression", "YAML read an unquoted expression starting with `[`, `{`, `'`, `\"` or `!` as something else.",
        example: "YAML read this 'assert' as a list, not as a CEL expression, because it starts with '['")
    public static let rulesYAMLCommentInExpression = DiagnosticCode(
        "rules.yaml-comment-in-expression", "YAML took ` #` and the rest of the line as a comment, cutting the expression short.",
        example: "YAML read ' #' and the rest of this line as a comment, so this 'assert' ends before it")

    public static let rulesUnknownPack = DiagnosticCode(
        "rules.unknown-pack", "`builtin:NAME` names no part of the built-in pack.",
        example: "'builtin:sanction' names no part of the built-in pack ('sanction')")

    static let rulesCodes: [DiagnosticCode] = [
        rulesUnknownPack,
        rulesWrongType, rulesUnknownKey, rulesMissingField, rulesInvalidValue, rulesUnknownCountry, rulesNone, rulesEmpty,
        rulesAllDisabled, rulesDuplicateID, rulesDuplicateSet, rulesInvalidSetName, rulesShadowedSet, rulesRedundantSet,
        rulesEmptyClassifications, rulesDuplicateClassification, rulesConflictingClassifications, rulesCELSyntax,
        rulesCELType, rulesNotBoolean, rulesUnclosedPlaceholder, rulesYAMLSplitExpression, rulesYAMLCommentInExpression,
    ]
}

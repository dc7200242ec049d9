/// Rule files, rule tests and `shore.yaml`, as data (docs/rules-reference.md is generated from it): the loaders
/// validate against these and `shore schema` prints them as JSON Schema.
public enum RuleSchema {
    static let severities = ["error", "warning", "info"]

    public static let rule = SchemaObject("rule", "One policy rule: a CEL assertion checked on every item of its scope.", fields: [
        SchemaField("id", .string, required: true, "Unique across every rule loaded.", example: "DATA-001"),
        SchemaField("title", .string, "One line for people."),
        SchemaField("description", .string, "The policy intent behind the rule."),
        SchemaField("severity", .oneOf(severities), "error (default), warning or info."),
        SchemaField("for", .oneOf(RuleScope.allCases.map(\.rawValue)), required: true,
                    "What one check is about; binds `plan`, `company` and the scope's variables."),
        SchemaField("when", .cel, "CEL: the rule applies only where this is true."),
        SchemaField("assert", .cel, required: true, "CEL: must be true, or the item is a finding."),
        SchemaField("message", .template, "The finding's message; `{{ CEL }}` is replaced by its value."),
        SchemaField("remediation", .string, "How to fix a finding."),
        SchemaField("references", .list(.string), "Regulation articles, standard clauses."),
        SchemaField("tags", .list(.string), "Free labels for grouping."),
        SchemaField("enabled", .bool, "false turns the rule off (default true)."),
    ])

    /// The rule fields that hold CEL (`when`, `assert`, and `message` with its `{{ }}`
    /// placeholders), in the order a rule is written.
    public static let expressionKeys: [String] = rule.fields.compactMap { field in
        switch field.type {
        case .cel, .template: field.name
        default: nil
        }
    }

    public static let file = SchemaObject("rule file", "A policy pack: rules, named sets and the classification scale.", fields: [
        SchemaField("policy", .string, required: true, "The pack's id.", example: "data-protection"),
        SchemaField("description", .string, "What the pack is about."),
        SchemaField("classifications", .list(.string), "The data classification scale, lowest first (one per rule set)."),
        SchemaField("sets", .map(.list(.string)), "Named lists, usable as variables in every rule."),
        SchemaField("rules", .list(.object(rule)), "The rules."),
    ])

    static let expectation = SchemaObject("expected finding", "A finding a test expects.", fields: [
        SchemaField("rule", .string, required: true, "Rule id."),
        SchemaField("engagement", .string, "Engagement id of the finding."),
        SchemaField("country", .country, "Country of the finding."),
        SchemaField("provider", .string, "Provider name of the finding."),
        SchemaField("kind", .oneOf(FindingKind.allCases.map(\.rawValue)), "violation (default), evaluation-error, waiver-expired, waiver-unused."),
        SchemaField("status", .oneOf(FindingStatus.allCases.map(\.rawValue)), "failing or waived."),
        SchemaField("severity", .oneOf(severities), "The finding's severity."),
    ])

    public static let test = SchemaObject("test", "One rule test: a plan and the exact findings it must produce.", fields: [
        SchemaField("name", .string, required: true, "What the test shows."),
        SchemaField("plan", .anyOf([.string, .object(PlanSchema.plan)]), required: true,
                    "A plan file path relative to the test file, or an inline plan."),
        SchemaField("rules", .list(.string), "Only these rule ids take part."),
        SchemaField("expect", .list(.object(expectation)), required: true, "Exactly the findings expected ([] = none)."),
    ])

    public static let testFile = SchemaObject("test file", "A `*.test.yaml` file of rule tests.", fields: [
        SchemaField("tests", .list(.object(test)), required: true, "The tests."),
    ])

    static let override = SchemaObject("override", "Per-rule settings in shore.yaml.", fields: [
        SchemaField("severity", .oneOf(severities), "A new severity for the rule."),
        SchemaField("enabled", .bool, "false turns the rule off."),
    ])

    /// `waivers:` in shore.yaml written as a mapping.
    static let waiverSettings = SchemaObject("waiver settings", "Waiver files, and whether plans may waive their own findings.", fields: [
        SchemaField("files", .anyOf([.string, .list(.string)]), "Waiver files."),
        SchemaField("plan", .oneOf(["allow", "forbid"]), "forbid: a plan's own `waivers:` are an error (default allow)."),
    ])

    /// `fx:` in shore.yaml: the company's own exchange rates.
    static let exchangeRates = SchemaObject("exchange rates", "Exchange rates laid over the built-in reference rates for every plan.", fields: [
        SchemaField("base", .currency, required: true, "The currency the rates are given against.", example: "USD"),
        SchemaField("rates", .map(.number), required: true, "Units of each currency per one unit of `base`.", example: "{ INR: 87.2, KES: 129.5 }"),
    ])

    public static let config = SchemaObject("config", "shore.yaml: project settings for `shore check`.", fields: [
        SchemaField("rules", .anyOf([.string, .list(.string)]), "Rule paths (files or folders), `builtin` (the built-in pack) or `builtin:NAME` (one part of it)."),
        SchemaField("waivers", .anyOf([.string, .list(.string), .object(waiverSettings)]),
                    "Waiver files, or `{ files: …, plan: allow|forbid }`."),
        SchemaField("fail_on", .oneOf(FailOn.words), "Lowest severity that fails the run (default error)."),
        SchemaField("overrides", .map(.object(override)), "Per-rule severity or enabled, by rule id."),
        SchemaField("fx", .object(exchangeRates), "Exchange rates for converting plan costs to each plan's reporting currency, laid over the built-in ones (a plan's own company.fx is laid over these)."),
    ])
}

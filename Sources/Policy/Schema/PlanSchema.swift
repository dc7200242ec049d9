/// The sourcing-plan format, as data: the plan loader validates against it
/// and `shore schema plan` prints it as JSON Schema.
public enum PlanSchema {
    public static let providerKinds = ["agency", "freelancer", "contractor", "captive", "in-house"]

    public static let provider = SchemaObject("provider", "Who performs the work.", fields: [
        SchemaField("name", .string, required: true, "The provider's name; providers are grouped by it.", example: "Manila Contact Co"),
        SchemaField("kind", .oneOf(providerKinds), required: true, "agency, freelancer, contractor, captive (the company's own offshore centre) or in-house."),
        SchemaField("country", .country, required: true, "Where the provider is established (ISO 3166-1 alpha-2).", example: "PH"),
    ])

    public static let location = SchemaObject("location", "A place where the work is performed.", fields: [
        SchemaField("country", .country, required: true, "ISO 3166-1 alpha-2 code.", example: "PH"),
        SchemaField("city", .string, "City, for people reading the plan.", example: "Manila"),
        SchemaField("timezone", .timeZone, "IANA zone; default: the country's zone when it has only one.", example: "Asia/Manila"),
        SchemaField("hours", .hours, "Local working hours; default 09:00-17:00.", example: "21:00-06:00"),
        SchemaField("headcount", .integer, required: true, "People working here on this engagement.", example: "40"),
    ], derived: ["offshore", "overlap_hours"])

    public static let data = SchemaObject("data", "A kind of company data the engagement handles.", fields: [
        SchemaField("name", .string, required: true, "What the data is.", example: "customer contact records"),
        SchemaField("classification", .classification, required: true, "Its class on the rule set's scale."),
        SchemaField("personal", .bool, "Personal data (GDPR and friends); default false."),
        SchemaField("subjects", .list(.country), "Countries whose residents the personal data is about."),
        SchemaField("categories", .list(.string), "payment-card, health, biometric, children, government-id, financial, credentials, source-code, trade-secret, export-controlled, or others."),
    ], derived: ["level"])

    public static let language = SchemaObject("language", "A working language and the level it is spoken at.", fields: [
        SchemaField("code", .language, required: true, "BCP 47 language (ISO 639-1, or three letters where none exists).", example: "en"),
        SchemaField("level", .cefrLevel, required: true, "CEFR level A1 … C2, or native.", example: "C1"),
    ], derived: ["cefr"])

    public static let cost = SchemaObject("cost", "What the engagement costs.", fields: [
        SchemaField("annual", .number, required: true, "Annual cost.", example: "480000"),
        SchemaField("currency", .string, "ISO 4217 currency code.", example: "USD"),
    ])

    public static let engagement = SchemaObject("engagement", "One piece of sourced work.", fields: [
        SchemaField("id", .string, required: true, "Unique in the plan.", example: "tier1-support"),
        SchemaField("service", .string, "What the work is (free text).", example: "customer-support"),
        SchemaField("customer_facing", .bool, "The provider talks to the company's customers; default false."),
        SchemaField("markets", .list(.country), "Countries whose customers this work serves."),
        SchemaField("provider", .object(provider), required: true, "Who performs the work."),
        SchemaField("locations", .list(.object(location)), required: true, "Where the work is performed (at least one)."),
        SchemaField("data", .list(.object(data)), "Company data the engagement handles."),
        SchemaField("languages", .list(.object(language)), "Languages the team works in, with levels."),
        SchemaField("controls", .list(.string), "Contract controls: iso27001, soc2, audit-rights, sla, dpa, sccs, tia, pci-dss, hipaa-baa, nda, cultural-training …"),
        SchemaField("cost", .object(cost), "Annual cost."),
        SchemaField("start", .date, "First day of the engagement.", example: "2027-01-01"),
        SchemaField("end", .date, "Last day of the engagement.", example: "2028-12-31"),
        SchemaField("attributes", .freeMap, "Company-specific, untyped facts for your own rules."),
    ], derived: ["offshore", "outsourced", "model", "headcount"])

    public static let company = SchemaObject("company", "The company that sources the work.", fields: [
        SchemaField("name", .string, required: true, "Company name.", example: "Acme Corp"),
        SchemaField("country", .country, required: true, "Home country (ISO 3166-1 alpha-2).", example: "US"),
        SchemaField("timezone", .timeZone, "IANA zone; default: the country's zone when it has only one.", example: "America/New_York"),
        SchemaField("hours", .hours, "Local business hours; default 09:00-17:00.", example: "09:00-17:00"),
        SchemaField("languages", .list(.language), "Working languages; default: the country's official languages."),
    ])

    public static let plan = SchemaObject("plan", "A proposed sourcing plan.", fields: [
        SchemaField("plan", .string, required: true, "The plan's id.", example: "support-expansion-2027"),
        SchemaField("title", .string, "A title for people."),
        SchemaField("date", .date, "Reference date for waiver expiry and time zones; default: today.", example: "2026-12-01"),
        SchemaField("company", .object(company), required: true, "The company."),
        SchemaField("engagements", .list(.object(engagement)), required: true, "The sourced work."),
        SchemaField("waivers", .list(.object(WaiverSchema.waiver)), "Approved exceptions."),
    ])
}

/// Waivers, in a plan's `waivers:` or a `--waivers` file.
public enum WaiverSchema {
    public static let waiver = SchemaObject("waiver", "An approved, expiring exception to one rule.", fields: [
        SchemaField("rule", .string, required: true, "The rule id it waives.", example: "DATA-001"),
        SchemaField("plan", .string, "Only for this plan id; absent = any plan."),
        SchemaField("engagement", .string, "Only for this engagement id."),
        SchemaField("country", .country, "Only for findings about this country."),
        SchemaField("reason", .string, required: true, "Why the exception is accepted."),
        SchemaField("approved_by", .string, required: true, "Who approved it."),
        SchemaField("ticket", .string, "Where it was approved."),
        SchemaField("expires", .date, required: true, "Last day it applies.", example: "2027-06-30"),
    ])

    public static let file = SchemaObject("waivers file", "A file of waivers for `--waivers`.", fields: [
        SchemaField("waivers", .list(.object(waiver)), required: true, "The waivers."),
    ])
}

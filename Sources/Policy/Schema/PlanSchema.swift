/// The sourcing-plan format, as data: the plan loader validates against it,
/// `shore schema plan` prints it as JSON Schema, and docs/plan-format.md and
/// docs/rules-reference.md are generated from it. Derived facts are documented here too;
/// a test checks that these objects and the CEL object types rules see agree.
public enum PlanSchema {
    static let providerKinds = ["agency", "freelancer", "contractor", "captive", "in-house"]

    static let owner = SchemaObject("owner", "An owner of a provider.", ruleType: "shore.Owner", fields: [
        SchemaField("country", .country, required: true, "Where the owner is established (or, for a person, a national of).", example: "RU"),
        SchemaField("share", .number, required: true, "Its share of the provider, in percent (0 … 100).", example: "50"),
    ])

    static let subcontractor = SchemaObject("subcontractor", "A provider's subcontractor on this engagement.", ruleType: "shore.Subcontractor", fields: [
        SchemaField("name", .string, required: true, "The subcontractor's name.", example: "Minsk Dev Partners"),
        SchemaField("country", .country, required: true, "Where it performs its part (ISO 3166-1 alpha-2).", example: "BY"),
        SchemaField("region", .region, "ISO 3166-2 region where it works, when it matters.", example: "UA-43"),
        SchemaField("kind", .oneOf(providerKinds), "agency, freelancer, contractor, captive or in-house."),
        SchemaField("functions", .list(.string), "The engagement's functions it supports.", example: "[\"level-2 support\"]"),
        SchemaField("data", .list(.string), "Names of the engagement's data items it touches."),
    ], derived: [
        SchemaField("domestic", .bool, "Its country is the company's home country or one of its domestic territories."),
        SchemaField("offshore", .bool, "Not domestic."),
    ])

    static let hub = SchemaObject("hub", "The office a team reports to, when it is not head office: overlap is measured against its business day.", ruleType: "shore.Hub", fields: [
        SchemaField("city", .string, "The hub's city, for people reading the plan.", example: "London"),
        SchemaField("timezone", .timeZone, required: true, "The hub's IANA zone.", example: "Europe/London"),
        SchemaField("hours", .hours, "The hub's business hours; default 09:00-17:00.", example: "08:00-16:00"),
    ])

    static let notification = SchemaObject("notification", "A notification of the outsourcing to a supervisor.", ruleType: "shore.Notification", fields: [
        SchemaField("date", .date, required: true, "When the supervisor was notified.", example: "2026-10-01"),
        SchemaField("supervisor", .string, required: true, "Who was notified (BaFin, PRA, FCA, Central Bank of Ireland …).", example: "BaFin"),
    ])

    public static let provider = SchemaObject("provider", "Who performs the work.", ruleType: "shore.Provider", fields: [
        SchemaField("name", .string, required: true, "The provider's name; providers are grouped by it.", example: "Manila Contact Co"),
        SchemaField("kind", .oneOf(providerKinds), required: true, "agency, freelancer, contractor, captive (the company's own offshore centre) or in-house."),
        SchemaField("country", .country, required: true, "Where the provider is established (ISO 3166-1 alpha-2).", example: "PH"),
        SchemaField("owners", .list(.object(owner)), "Who owns the provider, with shares in percent (for the 50% ownership rules of sanctions)."),
        SchemaField("group", .string, "The provider's parent group; concentration is also summed per group.", example: "Globex Holdings"),
        SchemaField("lei", .string, "Legal Entity Identifier (ISO 17442, 20 characters, check digits verified).", example: "5493001KJTIIGC8Y1R12"),
    ])

    public static let location = SchemaObject("location", "A place where the work is performed.", ruleType: "shore.Location", fields: [
        SchemaField("country", .country, required: true, "ISO 3166-1 alpha-2 code.", example: "PH"),
        SchemaField("region", .region, "ISO 3166-2 region (must be in `country`), where it matters: sanctioned regions, forced-labour rules.", example: "CN-XJ"),
        SchemaField("city", .string, "City, for people reading the plan.", example: "Manila"),
        SchemaField("timezone", .timeZone, "IANA zone; default: the country's zone when it has only one.", example: "Asia/Manila"),
        SchemaField("hours", .hours, "Local working hours; default 09:00-17:00.", example: "21:00-06:00"),
        SchemaField("headcount", .integer, required: true, "People working here on this engagement.", example: "40"),
    ], derived: [
        SchemaField("domestic", .bool, "The location's country is the company's home country or one of its domestic territories (Puerto Rico for a US company, Réunion for a French one; not Hong Kong for a Chinese one)."),
        SchemaField("offshore", .bool, "Not domestic."),
        SchemaField("overlap_hours", .number, "Hours of the business day the team reports to (the engagement's `reports_to` hub, else the company's; its zone and hours, on the plan date, DST-aware) that this location's hours cover; 0 … 24."),
    ])

    public static let data = SchemaObject("data", "A kind of company data the engagement handles.", ruleType: "shore.Data", fields: [
        SchemaField("name", .string, required: true, "What the data is.", example: "customer contact records"),
        SchemaField("classification", .classification, required: true, "Its class on the rule set's scale."),
        SchemaField("personal", .bool, "Personal data (GDPR and friends); default false."),
        SchemaField("subjects", .list(.country), "Countries whose residents the personal data is about."),
        SchemaField("categories", .list(.string), "payment-card, health, biometric, children, government-id, financial, credentials, source-code, trade-secret, export-controlled, or others."),
        SchemaField("storage_countries", .list(.country), "Where the data is stored (at rest), as opposed to where the work is done."),
        SchemaField("records", .integer, "Approximate number of persons or records (bulk-data thresholds).", example: "250000"),
        SchemaField("deidentified", .bool, "The data is de-identified; default false."),
    ], derived: [
        SchemaField("level", .integer, "The classification's rank on the rule set's scale, from 1 (public on the default scale) up."),
    ])

    public static let language = SchemaObject("language", "A working language and the level it is spoken at.", ruleType: "shore.Language", fields: [
        SchemaField("code", .language, required: true, "BCP 47 language (ISO 639-1, or three letters where none exists).", example: "en"),
        SchemaField("level", .cefrLevel, required: true, "CEFR level A1 … C2, or native.", example: "C1"),
    ], derived: [
        SchemaField("cefr", .integer, "The level as a number: A1 = 1 … C2 = 6, native = 7."),
    ])

    public static let cost = SchemaObject("cost", "What the engagement costs.", ruleType: "shore.Cost", fields: [
        SchemaField("annual", .number, required: true, "Annual cost.", example: "480000"),
        SchemaField("currency", .currency, "ISO 4217 currency code; default: the company's reporting currency.", example: "USD"),
    ], derived: [
        SchemaField("converted", .number, "The annual cost in the company's reporting currency, at the plan's, shore.yaml's or the built-in reference rates."),
    ])

    public static let engagement = SchemaObject("engagement", "One piece of sourced work.", ruleType: "shore.Engagement", fields: [
        SchemaField("id", .string, required: true, "Unique in the plan.", example: "tier1-support"),
        SchemaField("service", .string, "What the work is (free text).", example: "customer-support"),
        SchemaField("customer_facing", .bool, "The provider talks to the company's customers; default false."),
        SchemaField("markets", .list(.country), "Countries whose customers this work serves."),
        SchemaField("provider", .object(provider), required: true, "Who performs the work."),
        SchemaField("locations", .list(.object(location)), required: true, "Where the work is performed (at least one)."),
        SchemaField("data", .list(.object(data)), "Company data the engagement handles."),
        SchemaField("languages", .list(.object(language)), "Languages the team works in, with levels."),
        SchemaField("controls", .list(.string), "Contract controls: iso27001, soc2, audit-rights, sla, dpa, sccs, tia, pci-dss, hipaa-baa, nda, cultural-training …"),
        SchemaField("subcontractors", .list(.object(subcontractor)), "The provider's subcontractors on this engagement."),
        SchemaField("critical_or_important", .bool, "Supports a critical or important function (DORA Art. 3(22), EBA/GL/2019/02); default false."),
        SchemaField("ict", .bool, "An ICT service (DORA Art. 3(21)); default false."),
        SchemaField("notified", .object(notification), "When and to which supervisor the outsourcing was notified."),
        SchemaField("reports_to", .object(hub), "The hub the team reports to; its locations' overlap is measured against the hub's business day instead of the company's."),
        SchemaField("cost", .object(cost), "Annual cost."),
        SchemaField("start", .date, "First day of the engagement.", example: "2027-01-01"),
        SchemaField("end", .date, "Last day of the engagement.", example: "2028-12-31"),
        SchemaField("attributes", .freeMap, "Company-specific, untyped facts for your own rules."),
    ], derived: [
        SchemaField("offshore", .bool, "Any location is outside the company's home country."),
        SchemaField("outsourced", .bool, "The provider is external (not captive or in-house)."),
        SchemaField("model", .oneOf(SourcingModel.allCases.map(\.rawValue)), "The sourcing model, from outsourced and offshore."),
        SchemaField("headcount", .integer, "The sum of the locations' headcount."),
    ])

    static let company = SchemaObject("company", "The company that sources the work.", ruleType: "shore.Company", fields: [
        SchemaField("name", .string, required: true, "Company name.", example: "Acme Corp"),
        SchemaField("country", .country, required: true, "Home country (ISO 3166-1 alpha-2).", example: "US"),
        SchemaField("timezone", .timeZone, "IANA zone; default: the country's zone when it has only one.", example: "America/New_York"),
        SchemaField("hours", .hours, "Local business hours; default 09:00-17:00.", example: "09:00-17:00"),
        SchemaField("languages", .list(.language), "Working languages; default: the country's official languages."),
        SchemaField("regimes", .list(.regime), "Legal regimes that bind the company besides its country's own (an EU subsidiary of a US group adds `us`; `eu` brings `eea`). Always includes the country's: eu and eea for an EU member, eea for IS/LI/NO, uk for GB, else the lower-case country code.", example: "[us]"),
        SchemaField("currency", .currency, "The reporting currency: shares and the review's costs are converted to it; default: the first cost's currency.", example: "USD"),
        SchemaField("fx", .map(.number), "Exchange rates laid over the built-in ones: units of each currency per one unit of the reporting currency.", example: "{ INR: 87.2 }",
                    ruleName: .some(nil)),
        SchemaField("sector", .string, "The company's sector, for packs that apply to one (financial-services).", example: "financial-services"),
    ])

    /// The view a `for: country` rule sees: every location in one country, across
    /// engagements. Shore builds it; a plan never writes it.
    static let countryView = SchemaObject("country", "All locations in one country, across engagements (`for: country`).", ruleType: "shore.Country", fields: [], derived: [
        SchemaField("code", .country, "The country (ISO 3166-1 alpha-2).", example: "PH"),
        SchemaField("name", .string, "The country's English name.", example: "Philippines"),
        SchemaField("headcount", .integer, "Headcount of all locations in the country."),
        SchemaField("headcount_share", .number, "Its share of the plan's total headcount, 0 … 1."),
        SchemaField("domestic", .bool, "The company's home country or one of its domestic territories."),
        SchemaField("engagements", .list(.string), "Ids of the engagements working there."),
    ])

    /// The view a `for: provider` rule sees: one provider, across engagements.
    static let providerView = SchemaObject("provider", "One provider, across engagements (`for: provider`).", ruleType: "shore.ProviderSummary", fields: [], derived: [
        SchemaField("name", .string, "The provider's name (providers are grouped by it)."),
        SchemaField("country", .country, "Where it is established."),
        SchemaField("kind", .oneOf(providerKinds), "agency, freelancer, contractor, captive or in-house."),
        SchemaField("engagements", .list(.string), "Ids of its engagements."),
        SchemaField("controls", .list(.string), "Every control recorded on at least one of its engagements, each once, in plan order: `'edd' in provider.controls` instead of searching plan.engagements."),
        SchemaField("work_countries", .list(.country), "Every country where one of its engagements has a location, each once, in plan order."),
        SchemaField("headcount", .integer, "Headcount across its engagements."),
        SchemaField("cost", .number, "Its annual cost across engagements, in the reporting currency."),
        SchemaField("cost_share", .number, "Its share of the plan's annual cost (converted to the reporting currency), 0 … 1."),
        SchemaField("group", .string, "Its group (`provider.group`), or its own name when it gives none."),
        SchemaField("group_cost_share", .number, "The whole group's share of the plan's annual cost, 0 … 1."),
        SchemaField("owners", .list(.object(owner)), "Its owners, as the plan lists them."),
    ])

    public static let plan = SchemaObject("plan", "A proposed sourcing plan.", ruleType: "shore.Plan", fields: [
        SchemaField("plan", .string, required: true, "The plan's id.", example: "support-expansion-2027", ruleName: "id"),
        SchemaField("title", .string, "A title for people."),
        SchemaField("date", .date, "Reference date for waiver expiry and time zones; default: today.", example: "2026-12-01"),
        SchemaField("company", .object(company), required: true, "The company."),
        SchemaField("engagements", .list(.object(engagement)), required: true, "The sourced work."),
        SchemaField("waivers", .list(.object(WaiverSchema.waiver)), "Approved exceptions.", ruleName: .some(nil)),
    ])
}

/// Waivers, in a plan's `waivers:` or a `--waivers` file.
public enum WaiverSchema {
    static let waiver = SchemaObject("waiver", "An approved, expiring exception to one rule.", fields: [
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

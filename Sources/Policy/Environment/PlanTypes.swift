import CEL

/// The plan's schema as CEL object types: what rules are type-checked against, so
/// `location.contry` fails when the rules load, before any plan is read.
enum PlanTypes {
    static let plan = "shore.Plan"
    static let company = "shore.Company"
    static let engagement = "shore.Engagement"
    static let provider = "shore.Provider"
    static let location = "shore.Location"
    static let data = "shore.Data"
    static let language = "shore.Language"
    static let cost = "shore.Cost"
    static let country = "shore.Country"
    static let providerSummary = "shore.ProviderSummary"

    static let strings = CELType.list(.string)

    static let all: [CELObjectType] = [
        CELObjectType(name: plan, fields: [
            "id": .string, "title": .string, "date": .timestamp,
            "company": .object(company), "engagements": .list(.object(engagement)),
        ]),
        CELObjectType(name: company, fields: [
            "name": .string, "country": .string, "timezone": .string, "hours": .string, "languages": strings,
        ]),
        CELObjectType(name: engagement, fields: [
            "id": .string, "service": .string, "customer_facing": .bool, "markets": strings,
            "provider": .object(provider), "locations": .list(.object(location)),
            "data": .list(.object(data)), "languages": .list(.object(language)), "controls": strings,
            "cost": .object(cost), "start": .timestamp, "end": .timestamp, "attributes": .map(.string, .dyn),
            "offshore": .bool, "outsourced": .bool, "model": .string, "headcount": .int,
        ]),
        CELObjectType(name: provider, fields: ["name": .string, "kind": .string, "country": .string]),
        CELObjectType(name: location, fields: [
            "country": .string, "city": .string, "timezone": .string, "hours": .string, "headcount": .int,
            "offshore": .bool, "overlap_hours": .double,
        ]),
        CELObjectType(name: data, fields: [
            "name": .string, "classification": .string, "personal": .bool, "subjects": strings,
            "categories": strings, "level": .int,
        ]),
        CELObjectType(name: language, fields: ["code": .string, "level": .string, "cefr": .int]),
        CELObjectType(name: cost, fields: ["annual": .double, "currency": .string]),
        CELObjectType(name: country, fields: [
            "code": .string, "name": .string, "headcount": .int, "headcount_share": .double, "engagements": strings,
        ]),
        CELObjectType(name: providerSummary, fields: [
            "name": .string, "country": .string, "kind": .string, "engagements": strings,
            "headcount": .int, "cost_share": .double,
        ]),
    ]

    /// The type of each variable a rule can bind.
    static let variables: [String: CELType] = [
        "plan": .object(plan),
        "company": .object(company),
        "engagement": .object(engagement),
        "location": .object(location),
        "data": .object(data),
        "language": .object(language),
        "country": .object(country),
        "provider": .object(providerSummary),
    ]
}

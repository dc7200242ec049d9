import CEL

/// The plan's schema as CEL object types: what rules are type-checked against, so
/// `location.contry` fails when the rules load, before any plan is read. Built from
/// `PlanSchema` (each object's fields and derived facts), so the file format, the
/// documentation and what rules can read never disagree.
enum PlanTypes {
    static let plan = "shore.Plan"
    static let company = "shore.Company"
    static let engagement = "shore.Engagement"
    static let provider = "shore.Provider"
    static let location = "shore.Location"
    static let data = "shore.Data"
    static let language = "shore.Language"
    static let cost = "shore.Cost"
    static let owner = "shore.Owner"
    static let subcontractor = "shore.Subcontractor"
    static let notification = "shore.Notification"
    static let hub = "shore.Hub"
    static let country = "shore.Country"
    static let providerSummary = "shore.ProviderSummary"

    /// Every plan object rules can see, with the CEL type name it has there.
    static let objects: [SchemaObject] = [
        PlanSchema.plan, PlanSchema.company, PlanSchema.engagement, PlanSchema.provider, PlanSchema.location,
        PlanSchema.data, PlanSchema.language, PlanSchema.cost, PlanSchema.countryView, PlanSchema.providerView,
        PlanSchema.owner, PlanSchema.subcontractor, PlanSchema.notification, PlanSchema.hub,
    ]

    static let all: [CELObjectType] = objects.compactMap { object in
        guard let name = object.ruleType else { return nil }
        var fields: [String: CELType] = [:]
        for field in object.fields + object.derivedFields {
            guard let ruleName = field.ruleName else { continue }
            fields[ruleName] = celType(of: field.type)
        }
        return CELObjectType(name: name, fields: fields)
    }

    /// How rules see a value of a file-format type: codes, hours and levels as strings,
    /// dates as timestamps, numbers as double, free-form mappings as `map(string, dyn)`.
    static func celType(of type: FieldType) -> CELType {
        switch type {
        case .string, .country, .language, .region, .currency, .regime, .timeZone, .hours, .cefrLevel, .classification,
             .oneOf, .cel, .template:
            .string
        case .bool: .bool
        case .integer: .int
        case .number: .double
        case .date: .timestamp
        case .list(let element): .list(celType(of: element))
        case .object(let object): object.ruleType.map(CELType.object) ?? .map(.string, .dyn)
        case .freeMap: .map(.string, .dyn)
        case .map(let value): .map(.string, celType(of: value))
        case .anyOf: .dyn
        }
    }

    /// The type of each variable a rule can bind: `plan`, `company`, and each scope's own.
    static let variables: [String: CELType] = {
        var types: [String: CELType] = ["plan": .object(plan), "company": .object(company)]
        for scope in RuleScope.allCases {
            for variable in scope.definition.variables { types[variable.name] = variable.type }
        }
        return types
    }()
}

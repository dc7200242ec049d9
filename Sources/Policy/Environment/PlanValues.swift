import CEL
import Reference
import YAML

/// Converts plan parts to CEL values. Objects answer field selections from values
/// computed once per plan, so evaluating a rule on an item allocates little.
enum PlanValues {
    static func timestamp(_ date: CivilDate) -> CELValue {
        guard let stamp = CELTimestamp(seconds: Int64(date.daysSinceEpoch) * 86_400) else {
            return .err("date \(date) is out of range")
        }
        return .timestamp(stamp)
    }

    static func strings(_ values: [String]) -> CELValue { .list(values.map(CELValue.string)) }

    /// The fields that identify a plan object when it is shown to a person.
    static let summaryFields: [String: [String]] = [
        PlanTypes.plan: ["id"],
        PlanTypes.company: ["name", "country"],
        PlanTypes.engagement: ["id"],
        PlanTypes.provider: ["name", "kind", "country"],
        PlanTypes.location: ["country", "city"],
        PlanTypes.data: ["name", "classification"],
        PlanTypes.language: ["code", "level"],
        PlanTypes.cost: ["annual", "currency"],
        PlanTypes.country: ["code", "headcount_share"],
        PlanTypes.providerSummary: ["name", "cost_share"],
    ]

    /// A value in CEL literal form, with plan objects shown by their identifying
    /// fields (`{code: "en", level: "C1"}`) rather than as opaque objects.
    static func display(_ value: CELValue) -> String {
        switch value {
        case .object(let object):
            let fields = summaryFields[object.celTypeName] ?? []
            let shown = fields.compactMap { name in object.celField(name).map { "\(name): \(display($0))" } }
            return "{" + shown.joined(separator: ", ") + "}"
        case .list(let items):
            return "[" + items.map(display).joined(separator: ", ") + "]"
        default:
            return value.literalDescription
        }
    }

    /// An untyped YAML value (`attributes`) as CEL: maps, lists, and scalars by their
    /// core-schema type. Depth is bounded by the YAML loader.
    static func value(of node: YAMLNode) -> CELValue {
        switch node.kind {
        case .sequence:
            return .list(node.items.map(value(of:)))
        case .mapping:
            var map = CELMap()
            for entry in node.entries {
                _ = map.insert(.string(entry.key.scalar ?? ""), value(of: entry.value))
            }
            return .map(map)
        case .scalar:
            switch node.scalarKind ?? .string {
            case .null: return .null
            case .bool: return .bool(node.bool ?? false)
            case .int: return node.int.map(CELValue.int) ?? .err("integer out of range")
            case .float: return .double(node.double ?? .nan)
            case .string: return .string(node.scalar ?? "")
            }
        }
    }
}

/// `plan` in rules.
final class PlanObject: CELObject, Sendable {
    let plan: Plan
    let company: CELValue
    let engagements: CELValue
    private let date: CELValue

    init(_ plan: Plan, engagements: [EngagementObject]) {
        self.plan = plan
        self.company = .object(CompanyObject(plan.company))
        self.engagements = .list(engagements.map { .object($0) })
        self.date = PlanValues.timestamp(plan.date)
    }

    private init(copying other: PlanObject) {
        plan = other.plan
        company = .object(CompanyObject(other.plan.company))
        engagements = other.engagements
        date = other.date
    }

    /// A copy for one thread: the objects nearly every rule reads (`plan`, `company`)
    /// are its own, so threads do not contend on their reference counts.
    func copyForThread() -> PlanObject { PlanObject(copying: self) }

    var celTypeName: String { PlanTypes.plan }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "id": .string(plan.id)
        case "title": plan.title.map(CELValue.string)
        case "date": date
        case "company": company
        case "engagements": engagements
        default: nil
        }
    }
}

/// `company` in rules.
final class CompanyObject: CELObject, Sendable {
    let company: Company
    private let languages: CELValue

    init(_ company: Company) {
        self.company = company
        self.languages = PlanValues.strings(company.languages)
    }

    var celTypeName: String { PlanTypes.company }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(company.name)
        case "country": .string(company.country)
        case "timezone": .string(company.timezone)
        case "hours": .string(company.hours.description)
        case "languages": languages
        default: nil
        }
    }
}

/// `engagement` in rules, with its parts already converted.
final class EngagementObject: CELObject, Sendable {
    let engagement: Engagement
    let locationObjects: [LocationObject]
    let dataObjects: [DataObject]
    let languageObjects: [LanguageObject]
    private let markets: CELValue
    private let provider: CELValue
    private let locations: CELValue
    private let data: CELValue
    private let languages: CELValue
    private let controls: CELValue
    private let attributes: CELValue

    init(_ engagement: Engagement) {
        self.engagement = engagement
        locationObjects = engagement.locations.map(LocationObject.init)
        dataObjects = engagement.data.map(DataObject.init)
        languageObjects = engagement.languages.map(LanguageObject.init)
        markets = PlanValues.strings(engagement.markets)
        provider = .object(ProviderObject(engagement.provider))
        locations = .list(locationObjects.map { .object($0) })
        data = .list(dataObjects.map { .object($0) })
        languages = .list(languageObjects.map { .object($0) })
        controls = PlanValues.strings(engagement.controls)
        attributes = engagement.attributes.map(PlanValues.value(of:)) ?? .map(CELMap())
    }

    var celTypeName: String { PlanTypes.engagement }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "id": .string(engagement.id)
        case "service": engagement.service.map(CELValue.string)
        case "customer_facing": .bool(engagement.customerFacing)
        case "markets": markets
        case "provider": provider
        case "locations": locations
        case "data": data
        case "languages": languages
        case "controls": controls
        case "cost": engagement.cost.map { .object(CostObject($0)) }
        case "start": engagement.start.map(PlanValues.timestamp)
        case "end": engagement.end.map(PlanValues.timestamp)
        case "attributes": attributes
        case "offshore": .bool(engagement.offshore)
        case "outsourced": .bool(engagement.outsourced)
        case "model": .string(engagement.model.rawValue)
        case "headcount": .int(engagement.headcount)
        default: nil
        }
    }
}

/// `engagement.provider` in rules.
final class ProviderObject: CELObject, Sendable {
    let provider: Provider
    init(_ provider: Provider) { self.provider = provider }
    var celTypeName: String { PlanTypes.provider }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(provider.name)
        case "kind": .string(provider.kind)
        case "country": .string(provider.country)
        default: nil
        }
    }
}

/// `location` in rules.
final class LocationObject: CELObject, Sendable {
    let location: Location
    init(_ location: Location) { self.location = location }
    var celTypeName: String { PlanTypes.location }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "country": .string(location.country)
        case "city": location.city.map(CELValue.string)
        case "timezone": .string(location.timezone)
        case "hours": .string(location.hours.description)
        case "headcount": .int(location.headcount)
        case "offshore": .bool(location.offshore)
        case "overlap_hours": .double(location.overlapHours)
        default: nil
        }
    }
}

/// `data` in rules.
final class DataObject: CELObject, Sendable {
    let item: DataItem
    private let subjects: CELValue
    private let categories: CELValue

    init(_ item: DataItem) {
        self.item = item
        subjects = PlanValues.strings(item.subjects)
        categories = PlanValues.strings(item.categories)
    }

    var celTypeName: String { PlanTypes.data }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(item.name)
        case "classification": .string(item.classification)
        case "personal": .bool(item.personal)
        case "subjects": subjects
        case "categories": categories
        case "level": .int(item.level)
        default: nil
        }
    }
}

/// `language` in rules.
final class LanguageObject: CELObject, Sendable {
    let skill: LanguageSkill
    init(_ skill: LanguageSkill) { self.skill = skill }
    var celTypeName: String { PlanTypes.language }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "code": .string(skill.code)
        case "level": .string(skill.level.rawValue)
        case "cefr": .int(Int64(skill.level.ordinal))
        default: nil
        }
    }
}

/// `engagement.cost` in rules.
final class CostObject: CELObject, Sendable {
    let cost: Cost
    init(_ cost: Cost) { self.cost = cost }
    var celTypeName: String { PlanTypes.cost }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "annual": .double(cost.annual)
        case "currency": cost.currency.map(CELValue.string)
        default: nil
        }
    }
}

/// `country` in rules (`for: country`).
final class CountryObject: CELObject, Sendable {
    let aggregate: CountryAggregate
    private let engagements: CELValue

    init(_ aggregate: CountryAggregate) {
        self.aggregate = aggregate
        engagements = PlanValues.strings(aggregate.engagements)
    }

    var celTypeName: String { PlanTypes.country }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "code": .string(aggregate.code)
        case "name": .string(aggregate.name)
        case "headcount": .int(aggregate.headcount)
        case "headcount_share": .double(aggregate.headcountShare)
        case "engagements": engagements
        default: nil
        }
    }
}

/// `provider` in rules (`for: provider`).
final class ProviderSummaryObject: CELObject, Sendable {
    let aggregate: ProviderAggregate
    private let engagements: CELValue

    init(_ aggregate: ProviderAggregate) {
        self.aggregate = aggregate
        engagements = PlanValues.strings(aggregate.engagements)
    }

    var celTypeName: String { PlanTypes.providerSummary }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(aggregate.name)
        case "country": .string(aggregate.country)
        case "kind": .string(aggregate.kind)
        case "engagements": engagements
        case "headcount": .int(aggregate.headcount)
        case "cost_share": .double(aggregate.costShare)
        default: nil
        }
    }
}

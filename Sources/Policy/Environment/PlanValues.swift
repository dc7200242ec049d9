import CEL
import Reference
import Synchronization
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

    static func owners(_ owners: [Owner]) -> CELValue { .list(owners.map { .object(OwnerObject($0)) }) }

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

/// `plan.engagements`: every engagement's object, built the first time a rule reads it
/// and then shared by every thread's `plan`. Most rule sets never read it, and a check
/// builds each engagement's object only while it checks that engagement.
final class PlanEngagements: Sendable {
    private let plan: Plan
    private let built: Mutex<CELValue?>

    /// `built`: the objects, when they are already made.
    init(_ plan: Plan, built: [CELValue]? = nil) {
        self.plan = plan
        self.built = Mutex(built.map(CELValue.list))
    }

    var value: CELValue {
        built.withLock { built in
            if let built { return built }
            let value = CELValue.list(Parallel.map(plan.engagements) { .object(EngagementObject($0)) })
            built = value
            return value
        }
    }
}

/// `plan` in rules.
final class PlanObject: CELObject, Sendable {
    let plan: Plan
    let company: CELValue
    private let allEngagements: PlanEngagements
    private let date: CELValue

    init(_ plan: Plan, engagements: PlanEngagements) {
        self.plan = plan
        self.company = .object(CompanyObject(plan.company))
        self.allEngagements = engagements
        self.date = PlanValues.timestamp(plan.date)
    }

    private init(copying other: PlanObject) {
        plan = other.plan
        company = .object(CompanyObject(other.plan.company))
        allEngagements = other.allEngagements
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
        case "engagements": allEngagements.value
        default: nil
        }
    }
}

/// `company` in rules.
final class CompanyObject: CELObject, Sendable {
    let company: Company
    private let languages: CELValue
    private let regimes: CELValue

    init(_ company: Company) {
        self.company = company
        self.languages = PlanValues.strings(company.languages)
        self.regimes = PlanValues.strings(company.regimes)
    }

    var celTypeName: String { PlanTypes.company }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(company.name)
        case "country": .string(company.country)
        case "timezone": .string(company.timezone)
        case "hours": .string(company.hours.description)
        case "languages": languages
        case "regimes": regimes
        case "currency": company.currency.map(CELValue.string)
        case "sector": company.sector.map(CELValue.string)
        default: nil
        }
    }
}

/// `engagement` in rules, with its parts already converted. Each part's object is boxed
/// as a CEL value once: `engagement.locations` lists these values and `for: location`
/// binds them, so reading a part allocates nothing.
final class EngagementObject: CELObject, Sendable {
    let engagement: Engagement
    let locationValues: [CELValue]
    let dataValues: [CELValue]
    let languageValues: [CELValue]
    let subcontractorValues: [CELValue]
    private let markets: CELValue
    private let provider: CELValue
    private let controls: CELValue
    private let attributes: CELValue

    init(_ engagement: Engagement) {
        self.engagement = engagement
        locationValues = engagement.locations.map { .object(LocationObject($0)) }
        dataValues = engagement.data.map { .object(DataObject($0)) }
        languageValues = engagement.languages.map { .object(LanguageObject($0)) }
        subcontractorValues = engagement.subcontractors.map { .object(SubcontractorObject($0)) }
        markets = PlanValues.strings(engagement.markets)
        provider = .object(ProviderObject(engagement.provider))
        controls = PlanValues.strings(engagement.controls)
        attributes = engagement.attributes.map(PlanValues.value(of:)) ?? .map(CELMap())
        EngagementObjectCounter.current?.recordBuilt()
    }

    deinit {
        EngagementObjectCounter.current?.recordReleased()
    }

    var celTypeName: String { PlanTypes.engagement }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "id": .string(engagement.id)
        case "service": engagement.service.map(CELValue.string)
        case "customer_facing": .bool(engagement.customerFacing)
        case "markets": markets
        case "provider": provider
        case "locations": .list(locationValues)
        case "data": .list(dataValues)
        case "languages": .list(languageValues)
        case "controls": controls
        case "subcontractors": .list(subcontractorValues)
        case "critical_or_important": .bool(engagement.criticalOrImportant)
        case "ict": .bool(engagement.ict)
        case "notified": engagement.notified.map { .object(NotificationObject($0)) }
        case "reports_to": engagement.reportsTo.map { .object(HubObject($0)) }
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
    private let owners: CELValue
    init(_ provider: Provider) {
        self.provider = provider
        owners = PlanValues.owners(provider.owners)
    }
    var celTypeName: String { PlanTypes.provider }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(provider.name)
        case "kind": .string(provider.kind)
        case "country": .string(provider.country)
        case "owners": owners
        case "group": provider.group.map(CELValue.string)
        case "lei": provider.lei.map(CELValue.string)
        default: nil
        }
    }
}

/// `provider.owners[i]` in rules.
final class OwnerObject: CELObject, Sendable {
    let owner: Owner
    init(_ owner: Owner) { self.owner = owner }
    var celTypeName: String { PlanTypes.owner }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "country": .string(owner.country)
        case "share": .double(owner.share)
        default: nil
        }
    }
}

/// `subcontractor` in rules (`for: subcontractor`, and `engagement.subcontractors`).
final class SubcontractorObject: CELObject, Sendable {
    let subcontractor: Subcontractor
    private let functions: CELValue
    private let data: CELValue

    init(_ subcontractor: Subcontractor) {
        self.subcontractor = subcontractor
        functions = PlanValues.strings(subcontractor.functions)
        data = PlanValues.strings(subcontractor.data)
    }

    var celTypeName: String { PlanTypes.subcontractor }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(subcontractor.name)
        case "country": .string(subcontractor.country)
        case "region": subcontractor.region.map(CELValue.string)
        case "kind": subcontractor.kind.map(CELValue.string)
        case "functions": functions
        case "data": data
        case "domestic": .bool(subcontractor.domestic)
        case "offshore": .bool(!subcontractor.domestic)
        default: nil
        }
    }
}

/// `engagement.reports_to` in rules.
final class HubObject: CELObject, Sendable {
    let hub: Hub
    init(_ hub: Hub) { self.hub = hub }
    var celTypeName: String { PlanTypes.hub }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "city": hub.city.map(CELValue.string)
        case "timezone": .string(hub.timezone)
        case "hours": .string(hub.hours.description)
        default: nil
        }
    }
}

/// `engagement.notified` in rules.
final class NotificationObject: CELObject, Sendable {
    let notification: Notification
    init(_ notification: Notification) { self.notification = notification }
    var celTypeName: String { PlanTypes.notification }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "date": PlanValues.timestamp(notification.date)
        case "supervisor": .string(notification.supervisor)
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
        case "region": location.region.map(CELValue.string)
        case "city": location.city.map(CELValue.string)
        case "timezone": .string(location.timezone)
        case "hours": .string(location.hours.description)
        case "headcount": .int(location.headcount)
        case "domestic": .bool(location.domestic)
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
    private let storage: CELValue

    init(_ item: DataItem) {
        self.item = item
        subjects = PlanValues.strings(item.subjects)
        categories = PlanValues.strings(item.categories)
        storage = PlanValues.strings(item.storageCountries)
    }

    var celTypeName: String { PlanTypes.data }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(item.name)
        case "classification": .string(item.classification)
        case "personal": .bool(item.personal)
        case "subjects": subjects
        case "categories": categories
        case "storage_countries": storage
        case "records": item.records.map(CELValue.int)
        case "deidentified": .bool(item.deidentified)
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
        case "converted": .double(cost.converted)
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
        case "domestic": .bool(aggregate.domestic)
        case "engagements": engagements
        default: nil
        }
    }
}

/// `provider` in rules (`for: provider`).
final class ProviderSummaryObject: CELObject, Sendable {
    let aggregate: ProviderAggregate
    private let engagements: CELValue
    private let controls: CELValue
    private let workCountries: CELValue
    private let owners: CELValue

    init(_ aggregate: ProviderAggregate) {
        self.aggregate = aggregate
        engagements = PlanValues.strings(aggregate.engagements)
        controls = PlanValues.strings(aggregate.controls)
        workCountries = PlanValues.strings(aggregate.workCountries)
        owners = PlanValues.owners(aggregate.owners)
    }

    var celTypeName: String { PlanTypes.providerSummary }

    func celField(_ name: String) -> CELValue? {
        switch name {
        case "name": .string(aggregate.name)
        case "country": .string(aggregate.country)
        case "kind": .string(aggregate.kind)
        case "engagements": engagements
        case "controls": controls
        case "work_countries": workCountries
        case "headcount": .int(aggregate.headcount)
        case "cost": .double(aggregate.cost)
        case "cost_share": .double(aggregate.costShare)
        case "group": .string(aggregate.group)
        case "group_cost_share": .double(aggregate.groupCostShare)
        case "owners": owners
        default: nil
        }
    }
}

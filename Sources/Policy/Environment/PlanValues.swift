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
final class PlanObject: FieldTableObject, Sendable {
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

    enum Field: String, CaseIterable, Sendable {
        case id, title, date, company, engagements
    }

    private static let table = CELFieldTable<Field>()
    let fields = PlanObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .id: .string(plan.id)
        case .title: plan.title.map(CELValue.string)
        case .date: date
        case .company: company
        case .engagements: allEngagements.value
        }
    }
}

/// `company` in rules.
final class CompanyObject: FieldTableObject, Sendable {
    let company: Company
    private let languages: CELValue
    private let regimes: CELValue

    init(_ company: Company) {
        self.company = company
        self.languages = PlanValues.strings(company.languages)
        self.regimes = PlanValues.strings(company.regimes)
    }

    var celTypeName: String { PlanTypes.company }

    enum Field: String, CaseIterable, Sendable {
        case name, country, timezone, hours, languages, regimes, currency, sector
    }

    private static let table = CELFieldTable<Field>()
    let fields = CompanyObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .name: .string(company.name)
        case .country: .string(company.country)
        case .timezone: .string(company.timezone)
        case .hours: .string(company.hours.description)
        case .languages: languages
        case .regimes: regimes
        case .currency: company.currency.map(CELValue.string)
        case .sector: company.sector.map(CELValue.string)
        }
    }
}

/// `engagement` in rules, with its parts already converted. Each part's object is boxed
/// as a CEL value once: `engagement.locations` lists these values and `for: location`
/// binds them, so reading a part allocates nothing.
final class EngagementObject: FieldTableObject, Sendable {
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
        attributes = engagement.attributes ?? .map(CELMap())
        EngagementObjectCounter.current?.recordBuilt()
    }

    deinit {
        EngagementObjectCounter.current?.recordReleased()
    }

    var celTypeName: String { PlanTypes.engagement }

    enum Field: String, CaseIterable, Sendable {
        case id, service, customerFacing = "customer_facing", markets, provider, locations, data, languages,
             controls, subcontractors, criticalOrImportant = "critical_or_important", ict, notified,
             reportsTo = "reports_to", cost, start, end, attributes, offshore, outsourced, model, headcount
    }

    private static let table = CELFieldTable<Field>()
    let fields = EngagementObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .id: .string(engagement.id)
        case .service: engagement.service.map(CELValue.string)
        case .customerFacing: .bool(engagement.customerFacing)
        case .markets: markets
        case .provider: provider
        case .locations: .list(locationValues)
        case .data: .list(dataValues)
        case .languages: .list(languageValues)
        case .controls: controls
        case .subcontractors: .list(subcontractorValues)
        case .criticalOrImportant: .bool(engagement.criticalOrImportant)
        case .ict: .bool(engagement.ict)
        case .notified: engagement.notified.map { .object(NotificationObject($0)) }
        case .reportsTo: engagement.reportsTo.map { .object(HubObject($0)) }
        case .cost: engagement.cost.map { .object(CostObject($0)) }
        case .start: engagement.start.map(PlanValues.timestamp)
        case .end: engagement.end.map(PlanValues.timestamp)
        case .attributes: attributes
        case .offshore: .bool(engagement.offshore)
        case .outsourced: .bool(engagement.outsourced)
        case .model: .string(engagement.model.rawValue)
        case .headcount: .int(engagement.headcount)
        }
    }
}

/// `engagement.provider` in rules.
final class ProviderObject: FieldTableObject, Sendable {
    let provider: Provider
    private let owners: CELValue
    init(_ provider: Provider) {
        self.provider = provider
        owners = PlanValues.owners(provider.owners)
    }
    var celTypeName: String { PlanTypes.provider }

    enum Field: String, CaseIterable, Sendable {
        case name, kind, country, owners, group, lei
    }

    private static let table = CELFieldTable<Field>()
    let fields = ProviderObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .name: .string(provider.name)
        case .kind: .string(provider.kind)
        case .country: .string(provider.country)
        case .owners: owners
        case .group: provider.group.map(CELValue.string)
        case .lei: provider.lei.map(CELValue.string)
        }
    }
}

/// `provider.owners[i]` in rules.
final class OwnerObject: FieldTableObject, Sendable {
    let owner: Owner
    init(_ owner: Owner) { self.owner = owner }
    var celTypeName: String { PlanTypes.owner }

    enum Field: String, CaseIterable, Sendable {
        case country, share
    }

    private static let table = CELFieldTable<Field>()
    let fields = OwnerObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .country: .string(owner.country)
        case .share: .double(owner.share)
        }
    }
}

/// `subcontractor` in rules (`for: subcontractor`, and `engagement.subcontractors`).
final class SubcontractorObject: FieldTableObject, Sendable {
    let subcontractor: Subcontractor
    private let functions: CELValue
    private let data: CELValue

    init(_ subcontractor: Subcontractor) {
        self.subcontractor = subcontractor
        functions = PlanValues.strings(subcontractor.functions)
        data = PlanValues.strings(subcontractor.data)
    }

    var celTypeName: String { PlanTypes.subcontractor }

    enum Field: String, CaseIterable, Sendable {
        case name, country, region, kind, functions, data, domestic, offshore
    }

    private static let table = CELFieldTable<Field>()
    let fields = SubcontractorObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .name: .string(subcontractor.name)
        case .country: .string(subcontractor.country)
        case .region: subcontractor.region.map(CELValue.string)
        case .kind: subcontractor.kind.map(CELValue.string)
        case .functions: functions
        case .data: data
        case .domestic: .bool(subcontractor.domestic)
        case .offshore: .bool(!subcontractor.domestic)
        }
    }
}

/// `engagement.reports_to` in rules.
final class HubObject: FieldTableObject, Sendable {
    let hub: Hub
    init(_ hub: Hub) { self.hub = hub }
    var celTypeName: String { PlanTypes.hub }

    enum Field: String, CaseIterable, Sendable {
        case city, timezone, hours
    }

    private static let table = CELFieldTable<Field>()
    let fields = HubObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .city: hub.city.map(CELValue.string)
        case .timezone: .string(hub.timezone)
        case .hours: .string(hub.hours.description)
        }
    }
}

/// `engagement.notified` in rules.
final class NotificationObject: FieldTableObject, Sendable {
    let notification: Notification
    init(_ notification: Notification) { self.notification = notification }
    var celTypeName: String { PlanTypes.notification }

    enum Field: String, CaseIterable, Sendable {
        case date, supervisor
    }

    private static let table = CELFieldTable<Field>()
    let fields = NotificationObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .date: PlanValues.timestamp(notification.date)
        case .supervisor: .string(notification.supervisor)
        }
    }
}

/// `location` in rules.
final class LocationObject: FieldTableObject, Sendable {
    let location: Location
    init(_ location: Location) { self.location = location }
    var celTypeName: String { PlanTypes.location }

    enum Field: String, CaseIterable, Sendable {
        case country, region, city, timezone, hours, headcount, domestic, offshore,
             overlapHours = "overlap_hours"
    }

    private static let table = CELFieldTable<Field>()
    let fields = LocationObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .country: .string(location.country)
        case .region: location.region.map(CELValue.string)
        case .city: location.city.map(CELValue.string)
        case .timezone: .string(location.timezone)
        case .hours: .string(location.hours.description)
        case .headcount: .int(location.headcount)
        case .domestic: .bool(location.domestic)
        case .offshore: .bool(location.offshore)
        case .overlapHours: .double(location.overlapHours)
        }
    }
}

/// `data` in rules.
final class DataObject: FieldTableObject, Sendable {
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

    enum Field: String, CaseIterable, Sendable {
        case name, classification, personal, subjects, categories, storageCountries = "storage_countries",
             records, deidentified, level
    }

    private static let table = CELFieldTable<Field>()
    let fields = DataObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .name: .string(item.name)
        case .classification: .string(item.classification)
        case .personal: .bool(item.personal)
        case .subjects: subjects
        case .categories: categories
        case .storageCountries: storage
        case .records: item.records.map(CELValue.int)
        case .deidentified: .bool(item.deidentified)
        case .level: .int(item.level)
        }
    }
}

/// `language` in rules.
final class LanguageObject: FieldTableObject, Sendable {
    let skill: LanguageSkill
    init(_ skill: LanguageSkill) { self.skill = skill }
    var celTypeName: String { PlanTypes.language }

    enum Field: String, CaseIterable, Sendable {
        case code, level, cefr
    }

    private static let table = CELFieldTable<Field>()
    let fields = LanguageObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .code: .string(skill.code)
        case .level: .string(skill.level.rawValue)
        case .cefr: .int(Int64(skill.level.ordinal))
        }
    }
}

/// `engagement.cost` in rules.
final class CostObject: FieldTableObject, Sendable {
    let cost: Cost
    init(_ cost: Cost) { self.cost = cost }
    var celTypeName: String { PlanTypes.cost }

    enum Field: String, CaseIterable, Sendable {
        case annual, currency, converted
    }

    private static let table = CELFieldTable<Field>()
    let fields = CostObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .annual: .double(cost.annual)
        case .currency: cost.currency.map(CELValue.string)
        case .converted: .double(cost.converted)
        }
    }
}

/// `country` in rules (`for: country`).
final class CountryObject: FieldTableObject, Sendable {
    let aggregate: CountryAggregate
    private let engagements: Lazy<CELValue>

    init(_ aggregate: CountryAggregate) {
        self.aggregate = aggregate
        engagements = Lazy { PlanValues.strings(aggregate.engagements) }
    }

    var celTypeName: String { PlanTypes.country }

    enum Field: String, CaseIterable, Sendable {
        case code, name, headcount, headcountShare = "headcount_share", domestic, engagements
    }

    private static let table = CELFieldTable<Field>()
    let fields = CountryObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .code: .string(aggregate.code)
        case .name: .string(aggregate.name)
        case .headcount: .int(aggregate.headcount)
        case .headcountShare: .double(aggregate.headcountShare)
        case .domestic: .bool(aggregate.domestic)
        case .engagements: engagements.value
        }
    }
}

/// `provider` in rules (`for: provider`).
final class ProviderSummaryObject: FieldTableObject, Sendable {
    let aggregate: ProviderAggregate
    /// The lists, made when a rule first reads one of them.
    private let lists: Lazy<Lists>

    private struct Lists: Sendable {
        let engagements: CELValue, controls: CELValue, workCountries: CELValue, owners: CELValue
    }

    init(_ aggregate: ProviderAggregate) {
        self.aggregate = aggregate
        lists = Lazy {
            Lists(engagements: PlanValues.strings(aggregate.engagements), controls: PlanValues.strings(aggregate.controls),
                  workCountries: PlanValues.strings(aggregate.workCountries), owners: PlanValues.owners(aggregate.owners))
        }
    }

    var celTypeName: String { PlanTypes.providerSummary }

    enum Field: String, CaseIterable, Sendable {
        case name, country, kind, engagements, controls, workCountries = "work_countries", headcount, cost,
             costShare = "cost_share", group, groupCostShare = "group_cost_share", owners
    }

    private static let table = CELFieldTable<Field>()
    let fields = ProviderSummaryObject.table

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .name: .string(aggregate.name)
        case .country: .string(aggregate.country)
        case .kind: .string(aggregate.kind)
        case .engagements: lists.value.engagements
        case .controls: lists.value.controls
        case .workCountries: lists.value.workCountries
        case .headcount: .int(aggregate.headcount)
        case .cost: .double(aggregate.cost)
        case .costShare: .double(aggregate.costShare)
        case .group: .string(aggregate.group)
        case .groupCostShare: .double(aggregate.groupCostShare)
        case .owners: lists.value.owners
        }
    }
}

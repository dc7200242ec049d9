import CEL
import Reference
import SourceText

/// A validated sourcing plan with its derived facts (docs/plan-format.md). Every part keeps its
/// place in the file (`PlanPlace`), so findings can point at the exact field; the parsed
/// YAML tree is not kept.
public struct Plan: Sendable {
    public let id: String
    public let title: String?
    /// The reference date: waiver expiry and time-zone offsets are taken on it.
    public let date: CivilDate
    public let company: Company
    public let engagements: [Engagement]
    public let waivers: [Waiver]
    /// One per distinct location country, in order of first appearance.
    public let countries: [CountryAggregate]
    /// One per provider name, in order of first appearance.
    public let providers: [ProviderAggregate]
    public let place: PlanPlace

    /// The file the plan was read from.
    public var source: SourceFile { place.source }
}

/// The company that sources the work.
public struct Company: Sendable {
    public let name: String
    public let country: String
    public let timezone: String
    public let hours: BusinessHours
    public let languages: [String]
    /// The legal regimes that bind it: its country's (`Regimes.defaults`) and any the
    /// plan adds (`eu`, `eea`, `uk`, `us`, …).
    let regimes: [String]
    /// The currency costs are reported in: `currency:`, else the first cost's currency,
    /// else nil when the plan gives no cost.
    public let currency: String?
    /// The company's sector (`financial-services`), for packs that apply to one sector.
    let sector: String?
    /// Its own exchange rates (`fx:`): units of each currency per one unit of `currency`.
    let fx: [String: Double]
    public let place: PlanPlace
}

extension Company {
    /// The same company reporting in `currency`.
    func reporting(in currency: String) -> Company {
        Company(name: name, country: country, timezone: timezone, hours: hours, languages: languages,
                regimes: regimes, currency: currency, sector: sector, fx: fx, place: place)
    }
}

/// An owner of a provider and its share, in percent (the OFAC and EU 50% rules).
struct Owner: Sendable {
    public let country: String
    /// 0…100.
    let share: Double
    public let place: PlanPlace
}

/// Who performs an engagement's work.
public struct Provider: Sendable {
    public let name: String
    public let kind: String
    public let country: String
    let owners: [Owner]
    /// The provider's parent group, when it belongs to one.
    let group: String?
    /// Its Legal Entity Identifier (ISO 17442), checked.
    let lei: String?
    public let place: PlanPlace
}

/// A provider's subcontractor on one engagement: the chain DORA, the EBA guidelines and
/// GDPR Art. 28(2) ask about.
struct Subcontractor: Sendable {
    public let name: String
    public let country: String
    let region: String?
    public let kind: String?
    /// The engagement's functions it supports (free text).
    let functions: [String]
    /// Names of the engagement's data items it touches.
    public let data: [String]
    /// Its country is the company's home country or a domestic territory of it.
    let domestic: Bool
    public let index: Int
    public let place: PlanPlace
}

/// The office a team reports to, when it is not head office.
public struct Hub: Sendable {
    public let city: String?
    public let timezone: String
    public let hours: BusinessHours
}

/// A notification of the outsourcing to a supervisor.
struct Notification: Sendable {
    let date: CivilDate
    let supervisor: String
}

/// How an engagement is sourced, derived from the provider's kind and where the work is.
public enum SourcingModel: String, Sendable, CaseIterable {
    case inHouse = "in-house"
    case outsourced
    case offshoreOutsourced = "offshore-outsourced"
    case offshoreCaptive = "offshore-captive"
}

/// One piece of sourced work, with its derived facts.
public struct Engagement: Sendable {
    public let id: String
    public let service: String?
    let customerFacing: Bool
    public let provider: Provider
    public let locations: [Location]
    public let data: [DataItem]
    public let languages: [LanguageSkill]
    public let controls: [String]
    /// A critical or important function (DORA Art. 3(22), EBA/GL/2019/02).
    let criticalOrImportant: Bool
    /// An ICT service (DORA Art. 3(21)).
    let ict: Bool
    /// In the reporting currency once the plan is read (`converted`).
    public internal(set) var cost: Cost?
    public let start: CivilDate?
    let end: CivilDate?
    /// Position in the plan's `engagements` list.
    public let index: Int
    public let place: PlanPlace
    /// What few engagements give, out of line: nil when it gives none of it.
    private let details: EngagementDetails?

    let markets: [String]
    var subcontractors: [Subcontractor] { details?.subcontractors ?? [] }
    var notified: Notification? { details?.notified }
    /// The hub the team reports to: overlap is measured against its day, not head office's.
    public var reportsTo: Hub? { details?.reportsTo }
    /// Company-specific untyped facts (`attributes:`) as rules read them, or nil when absent.
    public var attributes: CELValue? { details?.attributes }

    /// Any location is outside the company's home country and its domestic territories.
    let offshore: Bool
    /// The provider is external (not `captive` or `in-house`).
    let outsourced: Bool
    public let model: SourcingModel
    /// Sum of the locations' headcount.
    public let headcount: Int64

    init(id: String, service: String?, customerFacing: Bool, markets: [String], provider: Provider, locations: [Location],
         data: [DataItem], languages: [LanguageSkill], controls: [String], subcontractors: [Subcontractor],
         criticalOrImportant: Bool, ict: Bool, notified: Notification?, reportsTo: Hub?, cost: Cost?,
         start: CivilDate?, end: CivilDate?, attributes: CELValue?, index: Int, place: PlanPlace,
         offshore: Bool, outsourced: Bool, model: SourcingModel, headcount: Int64) {
        self.id = id
        self.service = service
        self.customerFacing = customerFacing
        self.markets = markets
        self.provider = provider
        self.locations = locations
        self.data = data
        self.languages = languages
        self.controls = controls
        self.criticalOrImportant = criticalOrImportant
        self.ict = ict
        self.cost = cost
        self.start = start
        self.end = end
        self.index = index
        self.place = place
        self.offshore = offshore
        self.outsourced = outsourced
        self.model = model
        self.headcount = headcount
        details = subcontractors.isEmpty && notified == nil && reportsTo == nil && attributes == nil ? nil
            : EngagementDetails(subcontractors: subcontractors, notified: notified, reportsTo: reportsTo, attributes: attributes)
    }

    /// `engagements[3]`
    public var path: String { "engagements[\(index)]" }
}

/// The parts of an engagement few plans give, held by reference so the many engagements
/// without them do not carry their room.
final class EngagementDetails: Sendable {
    let subcontractors: [Subcontractor]
    let notified: Notification?
    let reportsTo: Hub?
    let attributes: CELValue?

    init(subcontractors: [Subcontractor], notified: Notification?, reportsTo: Hub?, attributes: CELValue?) {
        self.subcontractors = subcontractors
        self.notified = notified
        self.reportsTo = reportsTo
        self.attributes = attributes
    }
}

/// A place where an engagement's work is performed.
public struct Location: Sendable {
    public let country: String
    /// ISO 3166-2 code, when given (`UA-43`).
    let region: String?
    public let city: String?
    public let timezone: String
    public let hours: BusinessHours
    public let headcount: Int64
    /// The company's home country or one of its domestic territories (`PR` for `US`).
    let domestic: Bool
    /// Not domestic.
    public var offshore: Bool { !domestic }
    /// Hours of the business day the team reports to (the engagement's hub, else the
    /// company's; on the plan date) that this location works.
    public let overlapHours: Double
    public let index: Int
    public let place: PlanPlace
}

/// A kind of company data an engagement handles.
public struct DataItem: Sendable {
    public let name: String
    public let classification: String
    /// Rank of the classification on the scale, from 1.
    public let level: Int64
    let personal: Bool
    public let subjects: [String]
    let categories: [String]
    /// Countries where the data is stored (at rest), as opposed to where work is done.
    let storageCountries: [String]
    /// Approximate number of persons or records.
    let records: Int64?
    /// De-identified (no longer personal in the sense of HIPAA, GDPR Recital 26).
    let deidentified: Bool
    public let index: Int
    public let place: PlanPlace
}

/// A working language and its level.
public struct LanguageSkill: Sendable {
    public let code: String
    public let level: CEFRLevel
    public let index: Int
    public let place: PlanPlace
}

/// An engagement's cost.
public struct Cost: Sendable {
    public let annual: Double
    public let currency: String?
    /// `annual` in the company's reporting currency (equal to `annual` when the cost is
    /// in that currency or gives none).
    public let converted: Double
    public let place: PlanPlace
}

/// All locations in one country, across engagements (`for: country`).
public struct CountryAggregate: Sendable {
    public let code: String
    public let name: String
    public let headcount: Int64
    /// Share of the plan's total headcount, 0…1.
    public let headcountShare: Double
    /// The company's home country or one of its domestic territories.
    let domestic: Bool
    /// Ids of the engagements with a location here.
    let engagements: [String]
    /// The first location in this country: where findings about it point.
    let firstLocation: (engagement: Int, location: Int)
}

/// All engagements of one provider (`for: provider`), grouped by name.
public struct ProviderAggregate: Sendable {
    public let name: String
    public let country: String
    public let kind: String
    let engagements: [String]
    /// Every control recorded on at least one of its engagements, each once.
    let controls: [String]
    /// Every country where one of its engagements has a location, each once.
    let workCountries: [String]
    public let headcount: Int64
    /// Share of the plan's total annual cost (in the reporting currency), 0…1.
    public let costShare: Double
    /// Its annual cost in the reporting currency.
    public let cost: Double
    /// The provider's group (`provider.group`), or its own name when it gives none.
    let group: String
    /// The group's share of the plan's total annual cost, 0…1.
    let groupCostShare: Double
    let owners: [Owner]
    /// The first engagement with this provider: where findings about it point.
    let firstEngagement: Int
}

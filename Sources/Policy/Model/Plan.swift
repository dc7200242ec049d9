import Reference
import SourceText
import YAML

/// A validated sourcing plan with its derived facts (docs/plan-format.md). Every part keeps its
/// YAML node, so findings can point at the exact field.
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
    public let node: YAMLNode

    /// The file the plan was read from.
    public var source: SourceFile { node.document.source }
}

/// The company that sources the work.
public struct Company: Sendable {
    public let name: String
    public let country: String
    public let timezone: String
    public let hours: BusinessHours
    public let languages: [String]
    public let node: YAMLNode
}

/// Who performs an engagement's work.
public struct Provider: Sendable {
    public let name: String
    public let kind: String
    public let country: String
    public let node: YAMLNode
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
    public let customerFacing: Bool
    public let markets: [String]
    public let provider: Provider
    public let locations: [Location]
    public let data: [DataItem]
    public let languages: [LanguageSkill]
    public let controls: [String]
    public let cost: Cost?
    public let start: CivilDate?
    public let end: CivilDate?
    /// Company-specific untyped facts (`attributes:`), or nil when absent.
    public let attributes: YAMLNode?
    /// Position in the plan's `engagements` list.
    public let index: Int
    public let node: YAMLNode

    /// Any location is outside the company's home country.
    public let offshore: Bool
    /// The provider is external (not `captive` or `in-house`).
    public let outsourced: Bool
    public let model: SourcingModel
    /// Sum of the locations' headcount.
    public let headcount: Int64

    /// `engagements[3]`
    public var path: String { "engagements[\(index)]" }
}

/// A place where an engagement's work is performed.
public struct Location: Sendable {
    public let country: String
    public let city: String?
    public let timezone: String
    public let hours: BusinessHours
    public let headcount: Int64
    public let offshore: Bool
    /// Hours of the company's business day (on the plan date) that this location works.
    public let overlapHours: Double
    public let index: Int
    public let node: YAMLNode
}

/// A kind of company data an engagement handles.
public struct DataItem: Sendable {
    public let name: String
    public let classification: String
    /// Rank of the classification on the scale, from 1.
    public let level: Int64
    public let personal: Bool
    public let subjects: [String]
    public let categories: [String]
    public let index: Int
    public let node: YAMLNode
}

/// A working language and its level.
public struct LanguageSkill: Sendable {
    public let code: String
    public let level: CEFRLevel
    public let index: Int
    public let node: YAMLNode
}

/// An engagement's cost.
public struct Cost: Sendable {
    public let annual: Double
    public let currency: String?
}

/// All locations in one country, across engagements (`for: country`).
public struct CountryAggregate: Sendable {
    public let code: String
    public let name: String
    public let headcount: Int64
    /// Share of the plan's total headcount, 0…1.
    public let headcountShare: Double
    /// Ids of the engagements with a location here.
    public let engagements: [String]
    /// The first location in this country: where findings about it point.
    public let firstLocation: (engagement: Int, location: Int)
}

/// All engagements of one provider (`for: provider`), grouped by name.
public struct ProviderAggregate: Sendable {
    public let name: String
    public let country: String
    public let kind: String
    public let engagements: [String]
    public let headcount: Int64
    /// Share of the plan's total annual cost, 0…1.
    public let costShare: Double
    /// The first engagement with this provider: where findings about it point.
    public let firstEngagement: Int
}

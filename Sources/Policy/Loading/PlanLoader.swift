import Foundation
import Synchronization
import Reference
import SourceText
import YAML

/// What loading a plan produced. `plan` is nil when any error was found: a plan with
/// errors is never evaluated, so a confusing input cannot pass as clean.
public struct PlanLoadResult: Sendable {
    public let plan: Plan?
    public let diagnostics: [Diagnostic]
    public let source: SourceFile
}

/// Loads and validates sourcing plans (docs/plan-format.md) and computes their derived facts.
public struct PlanLoader: Sendable {
    public var yaml: YAMLLoader
    /// The classification scale of the rule set (`level` ranks against it).
    var classifications: [String]
    /// The date used when a plan has none.
    public var today: CivilDate
    /// Most engagements one plan may list (`plan.too-many-engagements` past it).
    var maxEngagements: Int = PlanLoader.defaultMaxEngagements
    /// The default for `maxEngagements`: ten times the 100,000-engagement benchmark plan.
    static let defaultMaxEngagements = 1_000_000
    /// The exchange rates costs are converted with: the built-in reference rates, with
    /// shore.yaml's `fx:` laid over them by the caller; a plan's own `company.fx` is laid
    /// over these.
    public var exchangeRates: ExchangeRates = .builtIn
    /// Most people one location may have (`plan.headcount-too-large` past it).
    var maxHeadcount: Int64 = PlanLoader.defaultMaxHeadcount
    /// The default for `maxHeadcount`: ten million, five times the largest employer.
    static let defaultMaxHeadcount: Int64 = 10_000_000
    /// Largest annual cost of one engagement (`plan.cost-too-large` past it).
    var maxAnnualCost: Double = PlanLoader.defaultMaxAnnualCost
    /// The default for `maxAnnualCost`: 10^18, room for any contract in any currency
    /// (a million of them still add up far inside a double's range).
    static let defaultMaxAnnualCost: Double = 1e18

    public init(yaml: YAMLLoader = YAMLLoader(), classifications: [String] = Classifications.defaultScale,
                today: CivilDate = CivilDate.today()) {
        self.yaml = yaml
        self.classifications = classifications
        self.today = today
    }

    /// Reads the plan at `path`. A large file's engagements are read a piece at a time
    /// and each piece's tree let go (`YAMLLoader.load(path:keepingApart:)`).
    public func load(path: String) -> PlanLoadResult {
        let read = interpret(yaml.load(path: path, keepingApart: Self.listKeptApart))
        // A large file's trees are gone now: what they left free inside the allocator's
        // heaps goes back to the system before the plan is checked.
        FreedMemory.giveBack(ifLarge: read.source)
        return read
    }

    /// The list a large plan file's pieces hold: its engagements.
    static let listKeptApart = "engagements"

    public func load(text: String, path: String) -> PlanLoadResult {
        interpret(yaml.load(text: text, path: path))
    }

    /// Validates an already parsed YAML file as a plan.
    public func interpret(_ loaded: YAMLLoadResult) -> PlanLoadResult {
        var diagnostics = loaded.diagnostics
        var plan: Plan?
        if let root = loaded.document?.root {
            let apart = loaded.listPieces.flatMap { $0.key == Self.listKeptApart ? $0 : nil }
            plan = PlanBuilder(loader: self).build(root, engagementsApart: apart, into: &diagnostics)
            if let apart {
                let pieces = apart.finish()
                // A piece that did not stand alone was not read as the file's list: the
                // whole file is read again, on one thread, and only that reading counts.
                guard pieces.standAlone else { return interpret(yaml.loadWhole(loaded.source)) }
                diagnostics += pieces.diagnostics
            }
        }
        if diagnostics.containsErrors { plan = nil }
        // Read, the plan needs its file's bytes only for lines shown in a report: a large
        // file lets them go and reads those back (`SourceFile.releaseText()`).
        loaded.source.releaseText()
        return PlanLoadResult(plan: plan, diagnostics: diagnostics.sortedByLocation(), source: loaded.source)
    }
}

/// Overlap hours already worked out for a zone and hours, within one plan: a large
/// plan repeats a handful of combinations many times. One per thread, never shared;
/// what one thread works out it also leaves in `shared` for the plan's other threads.
final class OverlapMemo {
    /// A location's zone and hours, and the hub's (nil: the company's day).
    struct Key: Hashable, Sendable {
        let zone: String
        let start: Int, end: Int
        let hubZone: String?
        let hubStart: Int, hubEnd: Int
    }
    /// What the threads reading one plan have worked out together.
    final class Shared: Sendable {
        fileprivate let known = Mutex<[Key: Double]>([:])
    }
    private var known: [Key: Double] = [:]
    private let shared: Shared

    init(shared: Shared = Shared()) {
        self.shared = shared
    }

    func hours(_ zone: String, _ hours: BusinessHours, against hub: Hub?, compute: () -> Double) -> Double {
        let key = Key(zone: zone, start: hours.startMinute, end: hours.endMinute, hubZone: hub?.timezone,
                      hubStart: hub?.hours.startMinute ?? 0, hubEnd: hub?.hours.endMinute ?? 0)
        if let value = known[key] { return value }
        if let value = shared.known.withLock({ $0[key] }) {
            known[key] = value
            return value
        }
        let value = compute()
        known[key] = value
        shared.known.withLock { $0[key] = value }
        return value
    }
}

/// Builds one plan from its YAML root, collecting every problem.
struct PlanBuilder {
    let loader: PlanLoader

    /// The plan in `root`; its engagements are `engagementsApart` when the file's list was
    /// read in pieces (its key then holds null in `root`).
    func build(_ root: YAMLNode, engagementsApart: YAMLListPieces? = nil, into diagnostics: inout [Diagnostic]) -> Plan? {
        guard let fields = FieldReader.open(root, as: PlanSchema.plan, codes: .plan, suppliedApart: engagementsApart?.key,
                                            into: &diagnostics) else { return nil }
        let places = PlanPlaces(source: root.document.source)
        let place = fields.place(.plan, in: places)
        let id = fields.string("plan", into: &diagnostics)
        let title = fields.string("title", into: &diagnostics)
        let date = fields.date("date", into: &diagnostics) ?? loader.today
        var company: Company?
        if let node = fields.value("company") { company = readCompany(node, places: places, into: &diagnostics) }

        var engagementNodes = engagementsApart.map(EngagementNodes.pieces) ?? .list(fields.list("engagements", into: &diagnostics))
        if engagementNodes.count > loader.maxEngagements {
            diagnostics.append(Diagnostic(
                .planTooManyEngagements,
                "the plan lists \(engagementNodes.count) engagements; at most \(loader.maxEngagements) are allowed",
                at: fields.node.entry("engagements")?.key.span ?? FieldReader.startSpan(fields.node),
                help: "split the plan into several plan files"))
            engagementNodes = .none
        }
        let context = Context(company: company,
                              date: date, scale: loader.classifications,
                              companyZone: company.flatMap { TimeZones.zone($0.timezone) })
        // Costs are read as written and converted once the reporting currency is known:
        // the company's, else the first cost's, which the reading finds on its way.
        var engagementsRead: [Engagement]
        let engagementDiagnostics: [Diagnostic], ids: [WrittenID], firstCostCurrency: String?
        (engagementsRead, engagementDiagnostics, ids, firstCostCurrency) = readEngagements(
            engagementNodes, in: root.document.source, context: context, findingCurrency: company.map { $0.currency == nil } ?? false)
        diagnostics += engagementDiagnostics
        if let known = company, let money = reportingMoney(known, firstCostCurrency: firstCostCurrency) {
            company = known.reporting(in: money.currency)
            convertCosts(&engagementsRead, with: money, into: &diagnostics)
        }
        let engagements = engagementsRead
        // What is worked out over all engagements, in two independent halves run at once
        // on a large plan; their problems are reported in the same order either way.
        let inferredCurrency = company?.currency != nil && fields.value("company")?["currency"] == nil
        let home = company?.country
        let (planWide, byProvider) = Parallel.both(concurrently: engagements.count >= Parallel.threshold) {
            var found: [Diagnostic] = []
            reportDuplicateIDs(ids, into: &found)
            if inferredCurrency, let mixed = Aggregates.mixedCurrencies(engagements) { found.append(mixed) }
            let countries = home.map { Aggregates.countries(engagements, home: $0, into: &found) } ?? []
            return (countries, found)
        } _: {
            var found: [Diagnostic] = []
            return (Aggregates.providers(engagements, into: &found), found)
        }
        let countries = planWide.0, providers = byProvider.0
        diagnostics += planWide.1 + byProvider.1
        let waivers = WaiverReader.read(fields.list("waivers", into: &diagnostics), codes: .plan, into: &diagnostics)

        guard let id, let company else { return nil }
        return Plan(id: id, title: title, date: date, company: company, engagements: engagements, waivers: waivers,
                    countries: countries, providers: providers, place: place)
    }

    struct Context: Sendable {
        let company: Company?
        let date: CivilDate
        let scale: [String]
        let companyZone: TimeZone?
    }

    /// What costs are converted to, and with which rates.
    struct Money: Sendable {
        let currency: String
        let rates: ExchangeRates
    }

    /// The reporting currency (`company.currency`, else the first cost's) and the rates:
    /// the loader's, with the company's `fx:` laid over them. Nil when no currency is given.
    func reportingMoney(_ company: Company, firstCostCurrency: String?) -> Money? {
        guard let currency = company.currency ?? firstCostCurrency else { return nil }
        let rates = loader.exchangeRates.overlaid(company.fx, base: currency)
        return Money(currency: currency, rates: rates)
    }

    /// The currency of `engagement`'s cost, when it is one (as the reporting currency
    /// taken from the first cost that gives one, valid or not the engagement).
    static func costCurrency(_ engagement: YAMLNode) -> String? {
        engagement["cost"]?["currency"]?.scalar.flatMap { Currencies.currency($0) != nil ? $0 : nil }
    }

    /// Each cost converted to the reporting currency; a currency the rates cannot convert
    /// is an error at the currency (never a silent sum of unlike amounts), and the cost is
    /// dropped.
    func convertCosts(_ engagements: inout [Engagement], with money: Money, into diagnostics: inout [Diagnostic]) {
        for e in engagements.indices {
            guard let cost = engagements[e].cost, let currency = cost.currency, currency != money.currency else { continue }
            guard let converted = money.rates.convert(cost.annual, from: currency, to: money.currency) else {
                diagnostics.append(Diagnostic(
                    .planUnknownExchangeRate, "no exchange rate from \(currency) to \(money.currency), the reporting currency",
                    at: cost.place.span(of: "currency") ?? cost.place.span,
                    help: "add the rate to the company: `fx: { \(currency): <\(currency) per 1 \(money.currency)> }` (or to shore.yaml's `fx:`)"))
                engagements[e].cost = nil
                continue
            }
            engagements[e].cost = Cost(annual: cost.annual, currency: currency, converted: converted, place: cost.place)
        }
    }

    /// An engagement's id as written, for `plan.duplicate-engagement`, with the place of
    /// the engagement that writes it (its span worked out only for an id used twice).
    struct WrittenID: Sendable {
        let id: String
        let engagement: PlanPlace

        var span: SourceSpan { engagement.span(of: "id") ?? engagement.span }
    }

    /// Reads the engagements, in parallel parts for a large plan (they are independent);
    /// results, diagnostics and the ids written come back in plan order. With no valid
    /// company the engagements are still read, to report what is wrong inside them. With
    /// `findingCurrency`, each part also looks for the first cost currency written
    /// (`costCurrency`), and the first part's that found one is given.
    func readEngagements(_ nodes: EngagementNodes, in source: SourceFile, context: Context, findingCurrency: Bool)
        -> (engagements: [Engagement], diagnostics: [Diagnostic], ids: [WrittenID], firstCostCurrency: String?) {
        let sharedOverlaps = OverlapMemo.Shared()
        let parts = nodes.readInParts { count, forEachNode -> (MovableRun<Engagement>, [Diagnostic], [WrittenID], String?) in
            let engagements = MovableRun<Engagement>(capacity: count)
            var diagnostics: [Diagnostic] = []
            var ids: [WrittenID] = []
            ids.reserveCapacity(count)
            var currency: String?
            // About six parts of about five fields each per engagement.
            let state = PlanReadingState(overlaps: OverlapMemo(shared: sharedOverlaps),
                                         places: PlanPlaces(source: source, parts: 6 * count, fieldsEach: 5))
            forEachNode { node, index in
                if findingCurrency, currency == nil { currency = Self.costCurrency(node) }
                if let engagement = self.engagement(node, index: index, context: context, state: state, ids: &ids,
                                                    into: &diagnostics) {
                    engagements.append(engagement)
                }
            }
            return (engagements, diagnostics, ids, currency)
        }
        return (MovableRun.joined(parts.map(\.0)), parts.flatMap(\.1), parts.flatMap(\.2), parts.lazy.compactMap(\.3).first)
    }

    // MARK: Company

    func readCompany(_ node: YAMLNode, places: PlanPlaces, into diagnostics: inout [Diagnostic]) -> Company? {
        guard let fields = FieldReader.open(node, as: PlanSchema.company, codes: .plan, into: &diagnostics) else { return nil }
        let name = fields.string("name", into: &diagnostics)
        let country = fields.country("country", into: &diagnostics)
        let hours = fields.hours("hours", into: &diagnostics) ?? BusinessHours.standard
        let languages = fields.value("languages") != nil
            ? fields.languages("languages", into: &diagnostics)
            : country.map(Languages.officialLanguages) ?? []
        let timezone = zone(fields, country: country, owner: "the company", into: &diagnostics)
        let extraRegimes = fields.regimes("regimes", into: &diagnostics)
        let currency = fields.currency("currency", into: &diagnostics)
        let sector = fields.string("sector", into: &diagnostics)
        let fx = fields.rates("fx", base: currency ?? "unit of the reporting currency", into: &diagnostics)
        guard let name, let country, let timezone else { return nil }
        var regimes = Regimes.defaults(for: country)
        for regime in Regimes.implied(by: extraRegimes) where !regimes.contains(regime) { regimes.append(regime) }
        return Company(name: name, country: country, timezone: timezone, hours: hours, languages: languages,
                       regimes: regimes, currency: currency, sector: sector, fx: fx, place: fields.place(.company, in: places))
    }

    /// The `timezone` field, or the country's only zone. A zone that keeps another
    /// country's clocks (`country: IN, timezone: America/New_York`) is a warning,
    /// `plan.timezone-country`.
    func zone(_ fields: FieldReader, country: String?, owner: String, into diagnostics: inout [Diagnostic]) -> String? {
        if let node = fields.value("timezone") {
            let zone = fields.timeZone("timezone", into: &diagnostics)
            if let zone, let country {
                let owners = TimeZones.countries(ofZone: zone)
                if !owners.isEmpty, !owners.contains(country) {
                    let names = owners.prefix(5).joined(separator: ", ") + (owners.count > 5 ? ", …" : "")
                    let zones = Countries.country(country)?.timeZones ?? []
                    diagnostics.append(Diagnostic(
                        .planTimezoneCountry, "\(zone) is a time zone of \(names), not of \(country)",
                        at: node.span, severity: .warning,
                        notes: [.init("the country", at: fields.value("country")?.span)],
                        help: zones.isEmpty ? "check the country and the time zone"
                            : "use one of \(country)'s zones (" + zones.prefix(5).joined(separator: ", ")
                                + (zones.count > 5 ? ", …" : "") + "), or correct the country"))
                }
            }
            return zone
        }
        guard let country else { return nil }
        if let only = Countries.defaultTimeZone(country) { return only }
        let zones = Countries.country(country)?.timeZones ?? []
        diagnostics.append(Diagnostic(
            .planMissingTimezone,
            "\(owner) needs a timezone: \(country) has \(zones.count) time zones",
            at: fields.node.entry("country")?.value.span ?? FieldReader.startSpan(fields.node),
            help: "add `timezone:` with one of " + zones.prefix(5).joined(separator: ", ") + (zones.count > 5 ? ", …" : "")))
        return nil
    }

    // MARK: Engagements

    /// The engagement in `node`; its id as written, when it is text, goes to `ids`.
    func engagement(_ node: YAMLNode, index: Int, context: Context, state: PlanReadingState, ids: inout [WrittenID],
                    into diagnostics: inout [Diagnostic]) -> Engagement? {
        let strings = state.strings
        guard let fields = FieldReader.open(node, as: PlanSchema.engagement, codes: .plan, into: &diagnostics) else { return nil }
        // Recorded first, so an engagement that turns out invalid still has its id's place.
        let place = fields.place(.engagement, in: state.places)
        if let id = fields.written("id")?.scalar { ids.append(WrittenID(id: id, engagement: place)) }
        let id = fields.string("id", into: &diagnostics)
        let service = fields.string("service", into: &diagnostics)
        let customerFacing = fields.bool("customer_facing", into: &diagnostics) ?? false
        let markets = fields.countries("markets", into: &diagnostics)
        var provider: Provider?
        if let node = fields.value("provider") { provider = readProvider(node, state: state, into: &diagnostics) }

        let locationNodes = fields.list("locations", into: &diagnostics)
        if fields.value("locations")?.kind == .sequence, locationNodes.isEmpty {
            diagnostics.append(Diagnostic(
                .planNoLocations, "engagement '\(id ?? "?")' lists no locations",
                at: fields.span(of: "locations"),
                help: "add at least one location: `- { country: …, headcount: … }`"))
        }
        var reportsTo: Hub?
        if let node = fields.value("reports_to") { reportsTo = readHub(node, into: &diagnostics) }
        let locations = locationNodes.enumerated().compactMapSized {
            location($1, index: $0, context: context, hub: reportsTo, state: state, into: &diagnostics)
        }
        let data = fields.list("data", into: &diagnostics).enumerated().compactMapSized {
            dataItem($1, index: $0, scale: context.scale, state: state, into: &diagnostics)
        }
        let languages = fields.list("languages", into: &diagnostics).enumerated().compactMapSized {
            languageSkill($1, index: $0, places: state.places, into: &diagnostics)
        }
        let controls = strings.intern(fields.strings("controls", into: &diagnostics))
        let subcontractors = fields.list("subcontractors", into: &diagnostics).enumerated().compactMapSized {
            subcontractor($1, index: $0, data: data, context: context, state: state, into: &diagnostics)
        }
        let critical = fields.bool("critical_or_important", into: &diagnostics) ?? false
        let ict = fields.bool("ict", into: &diagnostics) ?? false
        var notified: Notification?
        if let node = fields.value("notified") { notified = readNotification(node, into: &diagnostics) }
        var cost: Cost?
        if let node = fields.value("cost") { cost = readCost(node, places: state.places, into: &diagnostics) }
        let start = fields.date("start", into: &diagnostics)
        let end = fields.date("end", into: &diagnostics)
        if let start, let end, end < start {
            diagnostics.append(Diagnostic(
                .planEndBeforeStart, "engagement '\(id ?? "?")' ends (\(end)) before it starts (\(start))",
                at: fields.span(of: "end"), help: "swap the dates, or correct one of them"))
        }
        let attributes = fields.value("attributes")
        if let attributes, attributes.kind != .mapping {
            fields.wrongType(attributes, "attributes", expected: "a mapping", into: &diagnostics)
        }

        guard let id, let provider, context.company != nil,
              locations.count == locationNodes.count, !locations.isEmpty else { return nil }
        var headcount: Int64 = 0
        for location in locations {
            guard let sum = Aggregates.add(location.headcount, to: headcount, at: location.place,
                                           what: "the headcount of engagement '\(id)'", into: &diagnostics) else { return nil }
            headcount = sum
        }
        let offshore = locations.contains { $0.offshore }
        let outsourced = provider.kind != "captive" && provider.kind != "in-house"
        let model: SourcingModel = switch (outsourced, offshore) {
        case (false, false): .inHouse
        case (true, false): .outsourced
        case (true, true): .offshoreOutsourced
        case (false, true): .offshoreCaptive
        }
        return Engagement(
            id: id, service: strings.intern(service), customerFacing: customerFacing, markets: strings.intern(markets), provider: provider,
            locations: locations, data: data, languages: languages, controls: controls, subcontractors: subcontractors,
            criticalOrImportant: critical, ict: ict, notified: notified, reportsTo: reportsTo, cost: cost,
            start: start, end: end, attributes: attributes?.kind == .mapping ? attributes.map(PlanValues.value(of:)) : nil,
            index: index, place: place,
            offshore: offshore, outsourced: outsourced, model: model,
            headcount: headcount)
    }

    func readProvider(_ node: YAMLNode, state: PlanReadingState, into diagnostics: inout [Diagnostic]) -> Provider? {
        let strings = state.strings
        guard let fields = FieldReader.open(node, as: PlanSchema.provider, codes: .plan, into: &diagnostics) else { return nil }
        let name = fields.string("name", into: &diagnostics)
        let kind = fields.oneOf("kind", PlanSchema.providerKinds, into: &diagnostics)
        let country = fields.country("country", into: &diagnostics)
        let owners = fields.list("owners", into: &diagnostics).compactMapSized {
            readOwner($0, places: state.places, into: &diagnostics)
        }
        let group = fields.string("group", into: &diagnostics)
        let lei = fields.lei("lei", into: &diagnostics)
        let total = owners.reduce(0) { $0 + $1.share }
        if total > 100.000_001, let list = fields.value("owners") {
            diagnostics.append(Diagnostic(
                .planOwnerSharesOver100, "the owners' shares add up to \(total)%, more than 100%",
                at: list.span, help: "give each owner's share of the provider in percent; together at most 100"))
        }
        guard let name, let kind, let country else { return nil }
        return Provider(name: strings.intern(name), kind: strings.intern(kind), country: country, owners: owners,
                        group: strings.intern(group), lei: lei, place: fields.place(.provider, in: state.places))
    }

    func readOwner(_ node: YAMLNode, places: PlanPlaces, into diagnostics: inout [Diagnostic]) -> Owner? {
        guard let fields = FieldReader.open(node, as: PlanSchema.owner, codes: .plan, into: &diagnostics) else { return nil }
        let country = fields.country("country", into: &diagnostics)
        let share = fields.number("share", into: &diagnostics)
        if let share, !(0...100).contains(share) {
            diagnostics.append(Diagnostic(.planInvalidShare, "an owner's share must be between 0 and 100 percent (\(share))",
                                          at: fields.span(of: "share"), help: "write the share in percent: 50 for half"))
            return nil
        }
        guard let country, let share else { return nil }
        return Owner(country: country, share: share, place: fields.place(.owner, in: places))
    }

    func readNotification(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> Notification? {
        guard let fields = FieldReader.open(node, as: PlanSchema.notification, codes: .plan, into: &diagnostics) else { return nil }
        let date = fields.date("date", into: &diagnostics)
        let supervisor = fields.string("supervisor", into: &diagnostics)
        guard let date, let supervisor else { return nil }
        return Notification(date: date, supervisor: supervisor)
    }

    func subcontractor(_ node: YAMLNode, index: Int, data: [DataItem], context: Context, state: PlanReadingState,
                       into diagnostics: inout [Diagnostic]) -> Subcontractor? {
        let strings = state.strings
        guard let fields = FieldReader.open(node, as: PlanSchema.subcontractor, codes: .plan, into: &diagnostics) else { return nil }
        let name = fields.string("name", into: &diagnostics)
        let country = fields.country("country", into: &diagnostics)
        let region = fields.region("region", in: country, into: &diagnostics)
        let kind = fields.value("kind") != nil ? fields.oneOf("kind", PlanSchema.providerKinds, into: &diagnostics) : nil
        let functions = fields.strings("functions", into: &diagnostics)
        let names = data.map(\.name)
        var touched: [String] = []
        for item in fields.list("data", into: &diagnostics) {
            let text = fields.code(item, "data", kind: .dataItem, expected: .string, into: &diagnostics) { text throws(ReferenceError) in
                if names.contains(text) { return text }
                throw ReferenceError(
                    "'\(text)' is not one of this engagement's data items" + (names.isEmpty ? " (it lists none)" : " (\(names.joined(separator: ", ")))"),
                    suggestion: Suggestions.closest(to: text, among: names))
            }
            if let text { touched.append(text) }
        }
        guard let name, let country, let company = context.company else { return nil }
        return Subcontractor(name: strings.intern(name), country: country, region: region, kind: kind,
                             functions: strings.intern(functions), data: strings.intern(touched),
                             domestic: Territories.isDomestic(country, home: company.country), index: index,
                             place: fields.place(.subcontractor, in: state.places))
    }

    func readHub(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> Hub? {
        guard let fields = FieldReader.open(node, as: PlanSchema.hub, codes: .plan, into: &diagnostics) else { return nil }
        let city = fields.string("city", into: &diagnostics)
        let hours = fields.hours("hours", into: &diagnostics) ?? BusinessHours.standard
        guard let timezone = fields.timeZone("timezone", into: &diagnostics) else { return nil }
        return Hub(city: city, timezone: timezone, hours: hours)
    }

    /// A location; its overlap is measured against `hub`'s business day when the
    /// engagement reports to one, else against the company's.
    func location(_ node: YAMLNode, index: Int, context: Context, hub: Hub?, state: PlanReadingState,
                  into diagnostics: inout [Diagnostic]) -> Location? {
        let strings = state.strings
        guard let fields = FieldReader.open(node, as: PlanSchema.location, codes: .plan, into: &diagnostics) else { return nil }
        let country = fields.country("country", into: &diagnostics)
        let region = fields.region("region", in: country, into: &diagnostics)
        let city = fields.string("city", into: &diagnostics)
        let hours = fields.hours("hours", into: &diagnostics) ?? BusinessHours.standard
        let headcount = fields.integer("headcount", into: &diagnostics)
        if let headcount, headcount < 0 {
            diagnostics.append(Diagnostic(
                .planNegativeHeadcount, "headcount cannot be negative (\(headcount))",
                at: fields.span(of: "headcount"), help: "write the number of people, 0 or more"))
        }
        if let headcount, headcount > loader.maxHeadcount {
            diagnostics.append(Diagnostic(
                .planHeadcountTooLarge, "headcount \(headcount) is more than the limit of \(loader.maxHeadcount) people per location",
                at: fields.span(of: "headcount"),
                help: "write the real number of people at this location; split a larger site into several locations"))
        }
        let timezone = zone(fields, country: country, owner: "this location", into: &diagnostics)
        guard let country, let timezone, let headcount, headcount >= 0, headcount <= loader.maxHeadcount, let company = context.company else { return nil }
        var overlap = 0.0
        let referenceZone = hub.flatMap { TimeZones.zone($0.timezone) } ?? context.companyZone
        let referenceHours = hub?.hours ?? company.hours
        if let referenceZone {
            overlap = state.overlaps.hours(timezone, hours, against: hub) {
                TimeZones.zone(timezone).map {
                    Overlap.hours(on: context.date, companyZone: referenceZone, companyHours: referenceHours,
                                  locationZone: $0, locationHours: hours)
                } ?? 0
            }
        }
        return Location(country: country, region: region, city: strings.intern(city), timezone: strings.intern(timezone),
                        hours: hours, headcount: headcount,
                        domestic: Territories.isDomestic(country, home: company.country), overlapHours: overlap,
                        index: index, place: fields.place(.location, in: state.places))
    }

    func dataItem(_ node: YAMLNode, index: Int, scale: [String], state: PlanReadingState,
                  into diagnostics: inout [Diagnostic]) -> DataItem? {
        let strings = state.strings
        guard let fields = FieldReader.open(node, as: PlanSchema.data, codes: .plan, into: &diagnostics) else { return nil }
        let name = fields.string("name", into: &diagnostics)
        let classification = fields.code("classification", kind: .classification, expected: .classification,
                                         into: &diagnostics) { text throws(ReferenceError) in
            // Ranks count from 1 (the lowest class), like CEFR's A1 = 1.
            if let index = Classifications.level(of: text, in: scale) { return (text, Int64(index) + 1) }
            throw ReferenceError(
                "'\(text)' is not a classification on the scale (\(scale.joined(separator: ", ")))",
                suggestion: Suggestions.closest(to: text, among: scale))
        }
        let personal = fields.bool("personal", into: &diagnostics) ?? false
        let subjects = fields.countries("subjects", into: &diagnostics)
        let categories = fields.strings("categories", into: &diagnostics)
        let storage = fields.countries("storage_countries", into: &diagnostics)
        let records = fields.integer("records", into: &diagnostics)
        if let records, records < 0 {
            diagnostics.append(Diagnostic(.planNegativeRecords, "records cannot be negative (\(records))",
                                          at: fields.span(of: "records"),
                                          help: "give the approximate number of persons or records, 0 or more"))
        }
        let deidentified = fields.bool("deidentified", into: &diagnostics) ?? false
        guard let name, let classification else { return nil }
        return DataItem(name: strings.intern(name), classification: strings.intern(classification.0), level: classification.1,
                        personal: personal, subjects: strings.intern(subjects), categories: strings.intern(categories),
                        storageCountries: strings.intern(storage),
                        records: records.map { max(0, $0) }, deidentified: deidentified, index: index,
                        place: fields.place(.data, in: state.places))
    }

    func languageSkill(_ node: YAMLNode, index: Int, places: PlanPlaces, into diagnostics: inout [Diagnostic]) -> LanguageSkill? {
        guard let fields = FieldReader.open(node, as: PlanSchema.language, codes: .plan, into: &diagnostics) else { return nil }
        let code = fields.code("code", kind: .language, expected: .language, into: &diagnostics) { code throws(ReferenceError) in
            try Languages.resolve(code).code
        }
        let level = fields.code("level", kind: .cefrLevel, expected: .cefrLevel, into: &diagnostics) { text throws(ReferenceError) in
            try CEFRLevel.resolve(text)
        }
        guard let code, let level else { return nil }
        return LanguageSkill(code: code, level: level, index: index, place: fields.place(.language, in: places))
    }

    /// The cost as written; `convertCosts` converts it to the reporting currency.
    func readCost(_ node: YAMLNode, places: PlanPlaces, into diagnostics: inout [Diagnostic]) -> Cost? {
        guard let fields = FieldReader.open(node, as: PlanSchema.cost, codes: .plan, into: &diagnostics) else { return nil }
        let annual = fields.number("annual", into: &diagnostics)
        let currency = fields.currency("currency", into: &diagnostics)
        if let annual, annual < 0 {
            diagnostics.append(Diagnostic(.planNegativeCost, "annual cost cannot be negative",
                                          at: fields.span(of: "annual"),
                                          help: "give the yearly cost as a number of 0 or more, in `currency`"))
            return nil
        }
        guard let annual else { return nil }
        if annual > loader.maxAnnualCost {
            diagnostics.append(Diagnostic(.planCostTooLarge,
                                          "annual cost \(annual) is more than the limit of \(loader.maxAnnualCost)",
                                          at: fields.span(of: "annual"),
                                          help: "give the yearly cost of this engagement as a plain amount in `currency`"))
            return nil
        }
        return Cost(annual: annual, currency: currency, converted: annual, place: fields.place(.cost, in: places))
    }

    func reportDuplicateIDs(_ ids: [WrittenID], into diagnostics: inout [Diagnostic]) {
        var first: [String: WrittenID] = [:]
        first.reserveCapacity(ids.count)
        for written in ids {
            if let earlier = first[written.id] {
                diagnostics.append(Diagnostic(
                    .planDuplicateEngagement, "the engagement id '\(written.id)' is used twice",
                    at: written.span, notes: [.init("first used here", at: earlier.span)],
                    help: "give each engagement its own id"))
            } else {
                first[written.id] = written
            }
        }
    }
}

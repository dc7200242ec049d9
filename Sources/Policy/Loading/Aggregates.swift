import Reference
import SourceText
import YAML

/// The `country` and `provider` aggregates over a plan's engagements. Sums are checked:
/// a total that would pass the int64 range is a located error (`plan.headcount-overflow`),
/// never a wrapped, negative count that makes every share 0.
enum Aggregates {
    /// One aggregate per location country, in order of first appearance; `home` decides
    /// which are domestic (the home country and its domestic territories).
    static func countries(_ engagements: [Engagement], home: String, into diagnostics: inout [Diagnostic]) -> [CountryAggregate] {
        var order: [String] = []
        var headcount: [String: Int64] = [:]
        var ids: [String: [String]] = [:]
        var first: [String: (Int, Int)] = [:]
        var total: Int64 = 0
        for (e, engagement) in engagements.enumerated() {
            for (l, location) in engagement.locations.enumerated() {
                let code = location.country
                if first[code] == nil {
                    order.append(code)
                    first[code] = (e, l)
                }
                guard let countryTotal = add(location.headcount, to: headcount[code, default: 0], at: location.node,
                                             what: "the headcount in \(code)", into: &diagnostics),
                      let planTotal = add(location.headcount, to: total, at: location.node,
                                          what: "the plan's total headcount", into: &diagnostics) else { return [] }
                headcount[code] = countryTotal
                total = planTotal
                if ids[code]?.last != engagement.id { ids[code, default: []].append(engagement.id) }
            }
        }
        return order.map { code in
            let count = headcount[code] ?? 0
            return CountryAggregate(
                code: code, name: Countries.countryName(code) ?? code, headcount: count,
                headcountShare: total > 0 ? Double(count) / Double(total) : 0,
                domestic: Territories.isDomestic(code, home: home),
                engagements: ids[code] ?? [], firstLocation: first[code] ?? (0, 0))
        }
    }

    /// `a + b`, or nil with `plan.headcount-overflow` at `location`'s headcount when the
    /// sum leaves the int64 range.
    static func add(_ value: Int64, to sum: Int64, at location: YAMLNode, what: @autoclosure () -> String,
                    into diagnostics: inout [Diagnostic]) -> Int64? {
        let (result, overflow) = sum.addingReportingOverflow(value)
        guard overflow else { return result }
        diagnostics.append(Diagnostic(
            .planHeadcountOverflow, "\(what()) passes the largest count Shore can hold (\(Int64.max)) here",
            at: (location["headcount"] ?? location).span,
            help: "give each location's real headcount (at most \(PlanLoader.defaultMaxHeadcount))"))
        return nil
    }

    /// `plan.mixed-currencies` (a warning) for a plan that names no reporting currency but
    /// gives costs in two: shares are converted to the first cost's currency, which the
    /// reader may not expect. Located at the first cost whose currency differs.
    static func mixedCurrencies(_ engagements: [Engagement]) -> Diagnostic? {
        var first: (currency: String, node: YAMLNode)?
        for engagement in engagements {
            guard let currency = engagement.cost?.currency,
                  let node = engagement.node["cost"]?["currency"] else { continue }
            guard let earlier = first else { first = (currency, node); continue }
            if currency != earlier.currency {
                return Diagnostic(
                    .planMixedCurrencies,
                    "costs are given in \(earlier.currency) and \(currency); shares convert them to \(earlier.currency), the first cost's currency",
                    at: node.span, severity: .warning, notes: [.init("the first cost in \(earlier.currency)", at: earlier.node.span)],
                    help: "name the currency you report in: `company: { currency: … }`")
            }
        }
        return nil
    }

    /// One aggregate per provider name, in order of first appearance, with costs in the
    /// reporting currency and each provider's group total. Providers are grouped by name,
    /// so one name must mean one provider: the same name with another `kind` or `country`
    /// is `plan.provider-conflict` at the later entry, with a note at the first (never a
    /// silent merge that depends on the order).
    static func providers(_ engagements: [Engagement], into diagnostics: inout [Diagnostic]) -> [ProviderAggregate] {
        var order: [String] = []
        var byName: [String: (first: Int, ids: [String], headcount: Int64, cost: Double)] = [:]
        var byGroup: [String: Double] = [:]
        var totalCost = 0.0
        var conflicted = false
        for (e, engagement) in engagements.enumerated() {
            let provider = engagement.provider
            let name = provider.name
            if let entry = byName[name] {
                let earlier = engagements[entry.first].provider
                if let conflict = conflict(provider, earlier) {
                    diagnostics.append(conflict)
                    conflicted = true
                }
            } else {
                order.append(name)
                byName[name] = (e, [], 0, 0)
            }
            byName[name]?.ids.append(engagement.id)
            guard let sum = add(engagement.headcount, to: byName[name]?.headcount ?? 0,
                                at: engagement.locations.last?.node ?? engagement.node,
                                what: "the headcount of provider \(name)", into: &diagnostics) else { return [] }
            byName[name]?.headcount = sum
            let cost = engagement.cost?.converted ?? 0
            byName[name]?.cost += cost
            byGroup[engagement.provider.group ?? name, default: 0] += cost
            totalCost += cost
        }
        if conflicted { return [] }
        return order.compactMap { name -> ProviderAggregate? in
            guard let entry = byName[name] else { return nil }
            let provider = engagements[entry.first].provider
            let group = provider.group ?? name
            return ProviderAggregate(
                name: name, country: provider.country, kind: provider.kind, engagements: entry.ids,
                headcount: entry.headcount, costShare: totalCost > 0 ? entry.cost / totalCost : 0, cost: entry.cost,
                group: group, groupCostShare: totalCost > 0 ? (byGroup[group] ?? 0) / totalCost : 0,
                owners: provider.owners, firstEngagement: entry.first)
        }
    }

    /// `plan.provider-conflict` when `provider` repeats `earlier`'s name with another kind
    /// or country.
    private static func conflict(_ provider: Provider, _ earlier: Provider) -> Diagnostic? {
        var differences: [(field: String, now: String, before: String)] = []
        if provider.kind != earlier.kind { differences.append(("kind", provider.kind, earlier.kind)) }
        if provider.country != earlier.country { differences.append(("country", provider.country, earlier.country)) }
        guard let first = differences.first else { return nil }
        let text = differences.map { "\($0.field) \($0.now) here, \($0.before) before" }.joined(separator: "; ")
        return Diagnostic(
            .planProviderConflict, "the provider '\(provider.name)' is described twice differently (\(text))",
            at: (provider.node[first.field] ?? provider.node).span,
            notes: [.init("'\(earlier.name)' first described here", at: (earlier.node[first.field] ?? earlier.node).span)],
            help: "providers are grouped by name: give one provider one kind and country everywhere, or give different providers different names")
    }
}

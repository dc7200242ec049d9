import Reference
import SourceText
import YAML

/// The `country` and `provider` aggregates over a plan's engagements.
enum Aggregates {
    /// One aggregate per location country, in order of first appearance; `home` decides
    /// which are domestic (the home country and its domestic territories).
    static func countries(_ engagements: [Engagement], home: String) -> [CountryAggregate] {
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
                headcount[code, default: 0] &+= location.headcount
                total &+= location.headcount
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
                    "plan.mixed-currencies",
                    "costs are given in \(earlier.currency) and \(currency); shares convert them to \(earlier.currency), the first cost's currency",
                    at: node.span, severity: .warning, notes: [.init("the first cost in \(earlier.currency)", at: earlier.node.span)],
                    help: "name the currency you report in: `company: { currency: … }`")
            }
        }
        return nil
    }

    /// One aggregate per provider name, in order of first appearance, with costs in the
    /// reporting currency and each provider's group total.
    static func providers(_ engagements: [Engagement]) -> [ProviderAggregate] {
        var order: [String] = []
        var byName: [String: (first: Int, ids: [String], headcount: Int64, cost: Double)] = [:]
        var byGroup: [String: Double] = [:]
        var totalCost = 0.0
        for (e, engagement) in engagements.enumerated() {
            let name = engagement.provider.name
            if byName[name] == nil {
                order.append(name)
                byName[name] = (e, [], 0, 0)
            }
            byName[name]?.ids.append(engagement.id)
            byName[name]?.headcount &+= engagement.headcount
            let cost = engagement.cost?.converted ?? 0
            byName[name]?.cost += cost
            byGroup[engagement.provider.group ?? name, default: 0] += cost
            totalCost += cost
        }
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
}

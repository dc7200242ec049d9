import Reference
import SourceText
import YAML

/// The `country` and `provider` aggregates over a plan's engagements.
enum Aggregates {
    static func countries(_ engagements: [Engagement]) -> [CountryAggregate] {
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
                engagements: ids[code] ?? [], firstLocation: first[code] ?? (0, 0))
        }
    }

    /// `plan.mixed-currencies` (a warning): `cost_share` adds annual costs as numbers, so
    /// costs in two currencies make the shares meaningless. Located at the first cost
    /// whose currency differs from the first one given.
    static func mixedCurrencies(_ engagements: [Engagement]) -> Diagnostic? {
        var first: (currency: String, node: YAMLNode)?
        for engagement in engagements {
            guard let currency = engagement.cost?.currency,
                  let node = engagement.node["cost"]?["currency"] else { continue }
            guard let earlier = first else { first = (currency, node); continue }
            if currency != earlier.currency {
                return Diagnostic(
                    "plan.mixed-currencies",
                    "costs are given in \(earlier.currency) and \(currency); cost shares add them without conversion",
                    at: node.span, severity: .warning, notes: [.init("the first cost in \(earlier.currency)", at: earlier.node.span)],
                    help: "give every engagement's annual cost in one currency, converted at an agreed rate")
            }
        }
        return nil
    }

    static func providers(_ engagements: [Engagement]) -> [ProviderAggregate] {
        var order: [String] = []
        var byName: [String: (first: Int, ids: [String], headcount: Int64, cost: Double)] = [:]
        var totalCost = 0.0
        for (e, engagement) in engagements.enumerated() {
            let name = engagement.provider.name
            if byName[name] == nil {
                order.append(name)
                byName[name] = (e, [], 0, 0)
            }
            byName[name]?.ids.append(engagement.id)
            byName[name]?.headcount &+= engagement.headcount
            let cost = engagement.cost?.annual ?? 0
            byName[name]?.cost += cost
            totalCost += cost
        }
        return order.compactMap { name in
            guard let entry = byName[name] else { return nil }
            let provider = engagements[entry.first].provider
            return ProviderAggregate(
                name: name, country: provider.country, kind: provider.kind, engagements: entry.ids,
                headcount: entry.headcount, costShare: totalCost > 0 ? entry.cost / totalCost : 0,
                firstEngagement: entry.first)
        }
    }
}

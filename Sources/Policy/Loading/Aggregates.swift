import Reference
import SourceText

/// The `country` and `provider` aggregates over a plan's engagements. Sums are checked:
/// a total that would pass the int64 range is a located error (`plan.headcount-overflow`),
/// never a wrapped, negative count that makes every share 0.
enum Aggregates {
    /// One aggregate per location country, in order of first appearance; `home` decides
    /// which are domestic (the home country and its domestic territories).
    static func countries(_ engagements: [Engagement], home: String, into diagnostics: inout [Diagnostic]) -> [CountryAggregate] {
        // One dictionary lookup per location; everything else by the country's index.
        var index: [String: Int] = [:]
        var codes: [String] = []
        var headcount: [Int64] = []
        var ids: [[String]] = []
        var first: [(Int, Int)] = []
        var total: Int64 = 0
        for e in engagements.indices {
            let id = engagements[e].id
            for (l, location) in engagements[e].locations.enumerated() {
                let code = location.country
                let c: Int
                if let known = index[code] {
                    c = known
                } else {
                    c = codes.count
                    index[code] = c
                    codes.append(code)
                    headcount.append(0)
                    ids.append([])
                    first.append((e, l))
                }
                guard let countryTotal = add(location.headcount, to: headcount[c], at: location.place,
                                             what: "the headcount in \(code)", into: &diagnostics),
                      let planTotal = add(location.headcount, to: total, at: location.place,
                                          what: "the plan's total headcount", into: &diagnostics) else { return [] }
                headcount[c] = countryTotal
                total = planTotal
                if ids[c].last != id { ids[c].append(id) }
            }
        }
        return codes.indices.map { c in
            let code = codes[c], count = headcount[c]
            return CountryAggregate(
                code: code, name: Countries.countryName(code) ?? code, headcount: count,
                headcountShare: total > 0 ? Double(count) / Double(total) : 0,
                domestic: Territories.isDomestic(code, home: home),
                engagements: ids[c], firstLocation: first[c])
        }
    }

    /// `a + b`, or nil with `plan.headcount-overflow` at `location`'s headcount when the
    /// sum leaves the int64 range.
    static func add(_ value: Int64, to sum: Int64, at location: @autoclosure () -> PlanPlace, what: @autoclosure () -> String,
                    into diagnostics: inout [Diagnostic]) -> Int64? {
        let (result, overflow) = sum.addingReportingOverflow(value)
        guard overflow else { return result }
        diagnostics.append(Diagnostic(
            .planHeadcountOverflow, "\(what()) passes the largest count Shore can hold (\(Int64.max)) here",
            at: location().span(of: "headcount") ?? location().span,
            help: "give each location's real headcount (at most \(PlanLoader.defaultMaxHeadcount))"))
        return nil
    }

    /// `plan.mixed-currencies` (a warning) for a plan that names no reporting currency but
    /// gives costs in two: shares are converted to the first cost's currency, which the
    /// reader may not expect. Located at the first cost whose currency differs.
    static func mixedCurrencies(_ engagements: [Engagement]) -> Diagnostic? {
        // Compare the currencies first; the places are looked up only for the two that differ.
        var first: (currency: String, engagement: Int)?
        for e in engagements.indices {
            guard let currency = engagements[e].cost?.currency else { continue }
            guard let earlier = first else {
                if engagements[e].cost?.place.span(of: "currency") != nil { first = (currency, e) }
                continue
            }
            guard currency != earlier.currency, let span = engagements[e].cost?.place.span(of: "currency"),
                  let earlierSpan = engagements[earlier.engagement].cost?.place.span(of: "currency") else { continue }
            return Diagnostic(
                .planMixedCurrencies,
                "costs are given in \(earlier.currency) and \(currency); shares convert them to \(earlier.currency), the first cost's currency",
                at: span, severity: .warning, notes: [.init("the first cost in \(earlier.currency)", at: earlierSpan)],
                help: "name the currency you report in: `company: { currency: … }`")
        }
        return nil
    }

    /// One aggregate per provider name, in order of first appearance, with costs in the
    /// reporting currency and each provider's group total. Providers are grouped by name,
    /// so one name must mean one provider: the same name with another `kind` or `country`
    /// is `plan.provider-conflict` at the later entry, with a note at the first (never a
    /// silent merge that depends on the order).
    static func providers(_ engagements: [Engagement], into diagnostics: inout [Diagnostic]) -> [ProviderAggregate] {
        /// What is summed for one provider name while the engagements are read.
        struct Sums {
            let first: Int
            /// Its group's index in `groupCost`.
            let group: Int
            var ids: [String] = []
            var headcount: Int64 = 0
            var cost = 0.0
            var work = ProviderWork()
        }
        // One dictionary lookup per engagement, on the provider's name; the sums, and the
        // group's cost, are updated in place by index. The engagement's fields are read
        // where they are (no copy of an engagement, provider or location per engagement).
        var index: [String: Int] = [:]
        var sums: [Sums] = []
        var groupIndex: [String: Int] = [:]
        var groupCost: [Double] = []
        var totalCost = 0.0
        var conflicted = false
        let overflowed: Bool = engagements.withUnsafeBufferPointer { all in
            for e in all.indices {
                let name = all[e].provider.name
                let p: Int
                if let known = index[name] {
                    p = known
                    let first = sums[p].first
                    if all[e].provider.kind != all[first].provider.kind || all[e].provider.country != all[first].provider.country,
                       let conflict = conflict(all[e].provider, all[first].provider) {
                        diagnostics.append(conflict)
                        conflicted = true
                    }
                } else {
                    p = sums.count
                    index[name] = p
                    let groupName = all[e].provider.group ?? name
                    let g = groupIndex[groupName] ?? groupCost.count
                    if g == groupCost.count {
                        groupIndex[groupName] = g
                        groupCost.append(0)
                    }
                    sums.append(Sums(first: e, group: g))
                }
                sums[p].ids.append(all[e].id)
                sums[p].work.add(controls: all[e].controls, locations: all[e].locations)
                guard let sum = add(all[e].headcount, to: sums[p].headcount,
                                    at: all[e].locations.last?.place ?? all[e].place,
                                    what: "the headcount of provider \(name)", into: &diagnostics) else { return true }
                sums[p].headcount = sum
                let cost = all[e].cost?.converted ?? 0
                sums[p].cost += cost
                groupCost[sums[p].group] += cost
                totalCost += cost
            }
            return false
        }
        if overflowed || conflicted { return [] }
        return sums.map { entry in
            let provider = engagements[entry.first].provider
            let name = provider.name
            let group = provider.group ?? name
            return ProviderAggregate(
                name: name, country: provider.country, kind: provider.kind, engagements: entry.ids,
                controls: entry.work.controls, workCountries: entry.work.countries,
                headcount: entry.headcount, costShare: totalCost > 0 ? entry.cost / totalCost : 0, cost: entry.cost,
                group: group, groupCostShare: totalCost > 0 ? groupCost[entry.group] / totalCost : 0,
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
            at: provider.place.span(of: first.field) ?? provider.place.span,
            notes: [.init("'\(earlier.name)' first described here", at: earlier.place.span(of: first.field) ?? earlier.place.span)],
            help: "providers are grouped by name: give one provider one kind and country everywhere, or give different providers different names")
    }
}

import Policy
import Reference
import SourceText

extension ReviewReport {
    /// The review of `planReport` (one plan of `report`); its waiver table lists the
    /// plan's own waivers and those the run read from waiver files (`report.waivers`).
    ///
    /// - Parameters:
    ///   - baseDirectory: file paths inside this folder are shown relative to it, so the
    ///     report reads the same on every machine.
    public static func build(_ report: CheckReport, plan planReport: PlanReport,
                             baseDirectory: String? = nil) -> ReviewReport {
        let plan = planReport.plan
        let findings = planReport.findings
        let rules = report.rules
        let path = { (p: String) in DisplayPath.relative(p, to: baseDirectory) }
        let scale = rules?.classifications ?? Classifications.defaultScale

        let index = ReviewFindingIndex(findings: findings, plan: plan)
        let waiverSummary = WaiverSummary(waivers: plan.waivers + report.waivers, findings: findings, plan: plan, path: path)
        let rows = plan.engagements.map { e in
            SourcingMapRow(e, findings: index.own(e.id), related: index.planWideFailing(about: e),
                           reportingCurrency: plan.company.currency)
        }

        let concentration = ShareChart.threshold(in: rules, scope: .country, field: "headcount_share")
        let countryLabel = { (country: CountryAggregate) in "\(country.name) (\(country.code))" }
        let overCountries = Set(findings.filter { $0.isFailing && $0.rule == concentration.rule }.compactMap(\.country))
        let headcount = ShareChart(
            title: "Headcount by country",
            bars: plan.countries.map {
                (label: countryLabel($0), value: Double($0.headcount), valueText: ReviewText.grouped($0.headcount),
                 share: $0.headcountShare)
            },
            threshold: concentration.value, thresholdRule: concentration.rule,
            failing: Set(plan.countries.filter { overCountries.contains($0.code) }.map(countryLabel)))

        let spendLimit = ShareChart.threshold(in: rules, scope: .provider, field: "cost_share")
        // Costs in the company's reporting currency (converted at the plan's, shore.yaml's
        // or the built-in reference rates), never a sum of unlike amounts.
        let currency = plan.company.currency
        let spendBars = plan.providers.map { provider in
            (label: provider.name, value: provider.cost, valueText: ReviewText.money(provider.cost, currency), share: provider.costShare)
        }
        let spendShown = ReviewSummary.largest(spendBars, limit: ReviewSummary.chartBarLimit)
        let spend = ShareChart(title: "Annual spend by provider", bars: spendShown.kept,
                               threshold: spendLimit.value, thresholdRule: spendLimit.rule,
                               failing: Set(findings.filter { $0.isFailing && $0.rule == spendLimit.rule }.compactMap(\.provider)))

        // Findings: one group per engagement that has any, most severe first; then plan-wide.
        var groups: [FindingGroup] = []
        var clear: [String] = []
        for engagement in plan.engagements {
            let own = index.own(engagement.id)
            if own.isEmpty {
                clear.append(engagement.id)
                continue
            }
            let p = engagement.provider
            groups.append(FindingGroup(engagement: engagement.id, subtitle: "\(p.name) (\(p.kind), \(p.country))",
                                       findings: own, rules: rules, path: path))
        }
        // A stable sort: worst mark first, plan order within a mark.
        groups = groups.enumerated().sorted { a, b in
            a.element.mark != b.element.mark ? a.element.mark > b.element.mark : a.offset < b.offset
        }.map(\.element)
        if !index.planWide.isEmpty {
            groups.append(FindingGroup(engagement: nil, subtitle: nil, findings: index.planWide, rules: rules, path: path))
        }

        let map = ReviewSummary.sourcingMap(rows, limit: ReviewSummary.sourcingMapLimit)
        var summaries: [String] = []
        if let note = map.note { summaries.append(note) }
        if spendShown.omitted > 0 {
            summaries.append("Annual spend by provider: the \(spendShown.kept.count) largest of \(ReviewText.grouped(Int64(spendBars.count))) providers are drawn; "
                + "the other \(ReviewText.grouped(Int64(spendShown.omitted))) hold \(ReviewText.percent(spendShown.omittedShare)) of the spend.")
        }

        var timeline = WorkdayTimeline?.none
        if plan.engagements.reduce(0, { $0 + $1.locations.count }) > ReviewSummary.timelineRowLimit {
            let summarised = WorkdayTimeline.summarising(plan, limit: ReviewSummary.timelineRowLimit, rules: rules)
            timeline = summarised.timeline
            summaries.append(summarised.note)
        }

        let notes = report.diagnostics.filter { $0.severity != .error }.map { d in
            (d.location.map { "\(path($0.path)):\($0.start.line): " } ?? "") + d.message
        }

        return ReviewReport(
            planID: plan.id, title: plan.title, planFile: path(plan.source.path), planDate: plan.date.description,
            company: ReviewCompany(name: plan.company.name, country: plan.company.country,
                                   countryName: ReviewText.countryName(plan.company.country),
                                   timezone: plan.company.timezone, hours: plan.company.hours.description),
            verdict: ReviewVerdict(findings: findings, waivers: waiverSummary),
            sourcingMap: map.rows, headcountByCountry: headcount, spendByProvider: spend,
            dataMatrix: ClassificationMatrix(plan: plan, scale: scale),
            timeline: timeline ?? WorkdayTimeline(plan: plan, findings: findings, rules: rules),
            findingGroups: groups, clearEngagements: clear, waivers: waiverSummary,
            checklist: SignOffChecklist(plan: plan, index: index, rules: rules), inputNotes: notes,
            policyChanges: report.policyChanges, summaries: summaries)
    }
}

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
        let path = { (p: String) in relativePath(p, to: baseDirectory) }
        let scale = rules?.classifications ?? Classifications.defaultScale

        let waiverSummary = WaiverSummary(waivers: plan.waivers + report.waivers, findings: findings, plan: plan, path: path)
        let known = Set(plan.engagements.map(\.id))
        let planWide = findings.filter { $0.engagement.map { !known.contains($0) } ?? true }
        let rows = plan.engagements.map { e in
            SourcingMapRow(e, findings: findings.filter { $0.engagement == e.id }, planWide: planWide)
        }

        let concentration = ShareChart.threshold(in: rules, scope: .country, field: "headcount_share")
        let headcount = ShareChart(
            title: "Headcount by country",
            bars: plan.countries.map {
                (label: "\($0.name) (\($0.code))", value: Double($0.headcount), valueText: ReviewText.grouped($0.headcount),
                 share: $0.headcountShare)
            },
            threshold: concentration.value, thresholdRule: concentration.rule)

        let spendLimit = ShareChart.threshold(in: rules, scope: .provider, field: "cost_share")
        let currencies = Set(plan.engagements.compactMap { $0.cost?.currency })
        let currency = currencies.count == 1 ? currencies.first : nil
        let spend = ShareChart(
            title: "Annual spend by provider",
            bars: plan.providers.map { provider in
                let total = plan.engagements.filter { $0.provider.name == provider.name }.reduce(0.0) { $0 + ($1.cost?.annual ?? 0) }
                return (label: provider.name, value: total, valueText: ReviewText.money(total, currency), share: provider.costShare)
            },
            threshold: spendLimit.value, thresholdRule: spendLimit.rule)

        // Findings: one group per engagement that has any, most severe first; then plan-wide.
        var groups: [FindingGroup] = []
        var clear: [String] = []
        for engagement in plan.engagements {
            let own = findings.filter { $0.engagement == engagement.id }
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
        if !planWide.isEmpty {
            groups.append(FindingGroup(engagement: nil, subtitle: nil, findings: planWide, rules: rules, path: path))
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
            sourcingMap: rows, headcountByCountry: headcount, spendByProvider: spend,
            dataMatrix: ClassificationMatrix(plan: plan, scale: scale), timeline: WorkdayTimeline(plan: plan, findings: findings, rules: rules),
            findingGroups: groups, clearEngagements: clear, waivers: waiverSummary,
            checklist: SignOffChecklist(plan: plan, findings: findings, rules: rules), inputNotes: notes,
            policyChanges: report.policyChanges)
    }

    /// `path` relative to `base` when it lies inside it; otherwise unchanged.
    static func relativePath(_ path: String, to base: String?) -> String {
        guard var base, !base.isEmpty else { return path }
        if !base.hasSuffix("/") { base += "/" }
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

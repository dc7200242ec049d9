/// `for: subcontractor`: every subcontractor of each engagement's provider — the
/// chain DORA, the EBA guidelines and GDPR Art. 28(2) ask about. A finding names the
/// engagement, the subcontractor's country and, as its provider, the subcontractor, so
/// waivers, baselines and rule tests select it like a location.
extension ScopeDefinition {
    static let subcontractor = EngagementPartScope(
        scope: .subcontractor, variable: ("subcontractor", .object(PlanTypes.subcontractor)), listKey: .subcontractors,
        summary: "subcontractor of each engagement",
        count: { $0.engagement.subcontractors.count },
        object: { $0.subcontractorValues[$1] },
        place: { $0.engagement.subcontractors[$1].place },
        index: { $0.engagement.subcontractors[$1].index },
        country: { $0.engagement.subcontractors[$1].country },
        provider: { $0.engagement.subcontractors[$1].name },
        key: { $0.engagement.subcontractors[$1].name },
        label: { e, i in "\(e.engagement.subcontractors[i].name), \(e.engagement.subcontractors[i].country)" }
    ).definition
}

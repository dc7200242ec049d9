import Policy

/// What each engagement still needs before signing, derived from its failing findings.
///
/// The approach (kept simple so it never guesses): for every failing finding,
///  1. the missing contract controls: the quoted names in the rule's `assert` that are
///     contract controls — either well-known ones (`audit-rights`, `sla`, `dpa`, `sccs`,
///     `tia`, `pci-dss`, `hipaa-baa`, `iso27001`, `soc2`, `cultural-training`, …) or any
///     name when the assert reads `controls` — and that the engagement's `controls`
///     list lacks, one checkbox per control;
///  2. the rule's remediation, one checkbox per distinct text.
/// Plan-wide findings (countries, providers) get their own list. Waived findings are
/// not listed (they were accepted by their approver); the three sign-offs close the list.
struct SignOffChecklist: Sendable, Hashable {
    struct Item: Sendable, Hashable {
        public let text: String
        /// The rules behind it (`QC-001`).
        public let rules: [String]
        /// True for a missing control (text is the control name).
        let isControl: Bool

        init(text: String, rules: [String], isControl: Bool) {
            self.text = text
            self.rules = rules
            self.isControl = isControl
        }
    }

    struct Section: Sendable, Hashable {
        /// The engagement id, or nil for plan-wide items.
        public let engagement: String?
        public let items: [Item]
    }

    let sections: [Section]
    /// The people who sign: procurement, legal, security.
    let signOffs: [String]

    /// Control names recognised in any assert, even one that does not read `controls`.
    static let knownControls: Set<String> = [
        "audit-rights", "sla", "dpa", "sccs", "scc", "tia", "pci-dss", "hipaa-baa", "iso27001", "soc2",
        "cultural-training", "nda", "bcp", "background-checks", "right-to-terminate", "escrow",
    ]

    init(plan: Plan, index: ReviewFindingIndex, rules: RuleSet?) {
        var sections: [Section] = []
        var controls = ControlNames()
        for engagement in plan.engagements {
            let failing = index.own(engagement.id).filter(\.isFailing)
            if failing.isEmpty { continue }
            let items = Self.items(for: failing, controls: Set(engagement.controls), rules: rules, names: &controls)
            if !items.isEmpty { sections.append(Section(engagement: engagement.id, items: items)) }
        }
        let items = Self.items(for: index.planWide.filter(\.isFailing), controls: nil, rules: rules, names: &controls)
        if !items.isEmpty { sections.append(Section(engagement: nil, items: items)) }
        self.sections = sections
        signOffs = ["Procurement", "Legal", "Security"]
    }

    static func items(for findings: [Finding], controls: Set<String>?, rules: RuleSet?, names: inout ControlNames) -> [Item] {
        var controlItems = ItemList(), remediationItems = ItemList()
        func add(_ text: String, _ rule: String, to list: inout ItemList) { list.add(text, rule) }
        for finding in findings.sorted(by: { ($0.severity, $1.rule) > ($1.severity, $0.rule) }) {
            if let controls, finding.kind == .violation, let rule = rules?.rule(finding.rule) {
                for name in names.missing(in: rule, have: controls) {
                    add(name, finding.rule, to: &controlItems)
                }
            }
            let remediation = finding.remediation ?? "Resolve: \(finding.message)"
            add(remediation, finding.rule, to: &remediationItems)
        }
        return controlItems.entries.map { Item(text: $0.0, rules: $0.1, isControl: true) }
            + remediationItems.entries.map { Item(text: $0.0, rules: $0.1, isControl: false) }
    }

    /// Texts in order of first appearance, each with its distinct rules; a lookup by text,
    /// so a long plan-wide list stays linear.
    struct ItemList {
        private(set) var entries: [(String, [String])] = []
        private var position: [String: Int] = [:]

        mutating func add(_ text: String, _ rule: String) {
            if let i = position[text] {
                if !entries[i].1.contains(rule) { entries[i].1.append(rule) }
            } else {
                position[text] = entries.count
                entries.append((text, [rule]))
            }
        }
    }

    /// The control names each rule's assert quotes, worked out once per rule: a plan's
    /// findings come from a few rules, many times over.
    struct ControlNames {
        /// Per rule id: each quoted literal that names a control, with its lower-case form.
        private var byRule: [String: [(literal: String, name: String)]] = [:]

        /// The control names quoted in the rule's assert that `have` lacks, in order of appearance.
        mutating func missing(in rule: Rule, have: Set<String>) -> [String] {
            let candidates: [(literal: String, name: String)]
            if let known = byRule[rule.id] {
                candidates = known
            } else {
                candidates = Self.candidates(in: rule)
                byRule[rule.id] = candidates
            }
            var result: [String] = []
            for (literal, name) in candidates where !have.contains(literal) && !have.contains(name) && !result.contains(literal) {
                result.append(literal)
            }
            return result
        }

        /// The literals of the assert that name a control: any well-known control name, or
        /// any name at all when the assert reads `controls`.
        private static func candidates(in rule: Rule) -> [(literal: String, name: String)] {
            let readsControls = rule.assertReads(field: "controls")
            return rule.assertStringLiterals.compactMap { literal in
                let name = literal.lowercased()
                guard readsControls || knownControls.contains(name) else { return nil }
                guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !name.isEmpty else { return nil }
                return (literal, name)
            }
        }
    }
}

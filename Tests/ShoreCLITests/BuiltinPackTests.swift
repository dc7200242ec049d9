import Foundation
import Testing
@testable import ShoreCLI

/// The built-in pack is named like a folder of rules (`builtin`, `builtin:NAME`), so a
/// company's own rules sit beside it instead of silently replacing it.
@Suite("Composable packs: builtin beside the company's own rules")
struct BuiltinPackTests {
    static let ownRule = """
    policy: own
    rules:
      - id: OWN-100
        title: Design stays in house
        severity: warning
        for: engagement
        assert: engagement.service != 'design'
        message: "{{ engagement.id }} outsources design"

    """

    /// `shore.yaml` with `rules: [builtin, rules]`: both apply, and the summary names both.
    @Test func configNamesTheBuiltInPackBesideOwnRules() throws {
        let folder = try temporaryFolder("packs")
        try FileManager.default.createDirectory(atPath: folder + "/rules", withIntermediateDirectories: true)
        try Self.ownRule.write(toFile: folder + "/rules/own.yaml", atomically: true, encoding: .utf8)
        try "rules: [builtin, rules]\n".write(toFile: folder + "/shore.yaml", atomically: true, encoding: .utf8)
        let run = shore(["check", repoPath("examples/plans/support-expansion-2027.yaml"), "--format", "json"], in: folder)
        #expect(run.code == 1, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let rules = Set((object["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.contains("OWN-100") && rules.contains("DATA-001") && rules.contains("SANC-003"), "\(rules)")
        let files = (object["summary"] as? [String: Any])?["rule_files"] as? [[String: Any]] ?? []
        #expect(files.compactMap { $0["path"] as? String } == [
            "builtin:concentration", "builtin:data-protection", "builtin:ethical-sourcing", "builtin:financial-services",
            "builtin:language-culture", "builtin:localisation", "builtin:quality", "builtin:sanctions", "builtin:time-zones",
            "rules/own.yaml",
        ])
        let text = shore(["check", repoPath("examples/plans/support-expansion-2027.yaml")], in: folder)
        #expect(text.out.contains("\nrules: builtin (46 rules in 9 files), rules/own.yaml (1 rule)\n"), "\(text.out)")
    }

    /// Without `builtin`, a rules folder replaces the pack: the summary says which.
    @Test func ownRulesAloneDoNotLoadThePack() throws {
        let folder = try temporaryFolder("own-only")
        try FileManager.default.createDirectory(atPath: folder + "/rules", withIntermediateDirectories: true)
        try Self.ownRule.write(toFile: folder + "/rules/own.yaml", atomically: true, encoding: .utf8)
        let run = shore(["check", repoPath("examples/plans/support-expansion-2027.yaml")], in: folder)
        #expect(run.out.contains("\nrules: rules/own.yaml (1 rule)\n"), "\(run.out)")
        #expect(!run.out.contains("DATA-001"))
    }

    /// `--rules builtin:sanctions` loads that part only; a misspelt part is an input
    /// error with did-you-mean, never a silently smaller policy.
    @Test func aPartOfThePackByName() throws {
        let plan = repoPath("examples/plans/support-expansion-2027.yaml")
        let part = shore(["check", plan, "--rules", "builtin:sanctions"])
        #expect(part.out.contains("\nrules: builtin:sanctions (12 rules)\n"), "\(part.out)")
        #expect(part.out.contains("SANC-") && !part.out.contains("DATA-001"))
        let typo = shore(["check", plan, "--rules", "builtin:sanction", "--rules", "examples/rules"])
        #expect(typo.code == 2)
        #expect(typo.out.contains("error[rules.unknown-pack]: 'builtin:sanction' names no part of the built-in pack"), "\(typo.out)")
        #expect(typo.out.contains("did you mean 'builtin:sanctions'?"), "\(typo.out)")
    }

    /// An own rule that reuses a built-in id is a duplicate-id error (the pack and the
    /// company's rules share one id space).
    @Test func anOwnRuleCannotReuseABuiltInId() throws {
        let folder = try temporaryFolder("dup")
        try Self.ownRule.replacingOccurrences(of: "OWN-100", with: "DATA-001")
            .write(toFile: folder + "/own.yaml", atomically: true, encoding: .utf8)
        let run = shore(["lint", "builtin", folder + "/own.yaml"], in: folder)
        #expect(run.code == 2)
        #expect(run.out.contains("rules.duplicate-id"), "\(run.out)")
    }

    /// `shore init`, then a rule of the company's own: the built-in pack still applies.
    @Test func initThenAnOwnRuleKeepsTheBuiltInPack() throws {
        let root = try temporaryFolder("init-packs")
        #expect(shore(["init", "repo"], in: root).code == 0)
        let repo = root + "/repo"
        try Self.ownRule.write(toFile: repo + "/rules/design.yaml", atomically: true, encoding: .utf8)
        let run = shore(["check", repoPath("examples/plans/support-expansion-2027.yaml")], in: repo)
        #expect(run.out.contains("OWN-100") && run.out.contains("DATA-001") && run.out.contains("CONC-001"), "\(run.out)")
        #expect(run.out.contains("\nrules: builtin (46 rules in 9 files), rules/data.yaml (1 rule), rules/design.yaml (1 rule)\n"), "\(run.out)")
    }
}

/// `fx:` in shore.yaml: the company's own rates convert every plan's costs.
@Suite("shore.yaml exchange rates")
struct ConfigExchangeRateTests {
    static let plan = """
    plan: fx
    date: 2026-12-01
    company: { name: Acme, country: US, timezone: America/New_York, currency: USD }
    engagements:
      - { id: a, provider: { name: Nairobi Co, kind: agency, country: KE }, locations: [{ country: KE, headcount: 1 }], cost: { annual: 1000, currency: KES } }
      - { id: b, provider: { name: Austin Co, kind: agency, country: US }, locations: [{ country: US, timezone: America/Chicago, headcount: 1 }], cost: { annual: 10, currency: USD } }

    """

    /// KES has no built-in rate: without `fx:` the plan is invalid at the currency; with
    /// `fx: { base: USD, rates: { KES: 100 } }` 1,000 KES is 10 USD, half the spend.
    @Test func configRatesConvertCosts() throws {
        let folder = try temporaryFolder("fx")
        try Self.plan.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        let rules = "policy: p\nrules:\n  - id: P-1\n    for: provider\n    assert: provider.cost_share < 0.5\n    message: \"{{ provider.name }} {{ provider.cost_share }}\"\n"
        try rules.write(toFile: folder + "/r.yaml", atomically: true, encoding: .utf8)
        let missing = shore(["check", "plan.yaml", "--rules", "r.yaml"], in: folder)
        #expect(missing.code == 2)
        #expect(missing.out.contains("error[plan.unknown-exchange-rate]: no exchange rate from KES to USD"), "\(missing.out)")
        try "fx: { base: USD, rates: { KES: 100 } }\n".write(toFile: folder + "/shore.yaml", atomically: true, encoding: .utf8)
        let converted = shore(["check", "plan.yaml", "--rules", "r.yaml"], in: folder)
        #expect(converted.code == 1, "\(converted.out)")
        #expect(converted.out.contains("Nairobi Co 0.5") && converted.out.contains("Austin Co 0.5"), "\(converted.out)")
        try "fx: { base: USD, rates: { KSH: 100 } }\n".write(toFile: folder + "/shore.yaml", atomically: true, encoding: .utf8)
        let typo = shore(["check", "plan.yaml", "--rules", "r.yaml"], in: folder)
        #expect(typo.code == 2)
        #expect(typo.out.contains("config.unknown-currency"), "\(typo.out)")
    }

    /// explain and eval read the plan as check does: with shore.yaml's rates (they read
    /// it with the built-in rates only, so a KES plan was invalid there).
    @Test func explainAndEvalConvertWithConfigRates() throws {
        let folder = try temporaryFolder("fx-explain")
        try Self.plan.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        try "policy: p\nrules:\n  - { id: P-1, for: provider, assert: provider.cost_share < 0.5 }\n"
            .write(toFile: folder + "/r.yaml", atomically: true, encoding: .utf8)
        try "fx: { base: USD, rates: { KES: 100 } }\n".write(toFile: folder + "/shore.yaml", atomically: true, encoding: .utf8)
        let eval = shore(["eval", "provider.cost_share", "--plan", "plan.yaml", "--for", "provider", "--at", "Nairobi Co",
                          "--rules", "r.yaml"], in: folder)
        #expect(eval.code == 0, "\(eval.err)")
        #expect(eval.out == "0.5 : double\n", "\(eval.out)")
        let explain = shore(["explain", "plan.yaml", "--rule", "P-1", "--rules", "r.yaml"], in: folder)
        #expect(explain.code == 0, "\(explain.err)")
        #expect(explain.out.contains("Nairobi Co"), "\(explain.out)")
    }
}

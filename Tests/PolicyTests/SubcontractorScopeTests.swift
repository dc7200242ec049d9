import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText

/// `for: subcontractor` is a scope like `for: location`: its findings are located,
/// fingerprinted, waivable, testable and explainable the same way.
@Suite("Scopes: for subcontractor")
struct SubcontractorScopeTests {
    static let rules = """
    policy: chain
    rules:
      - id: SUB-001
        title: No subcontractor in Russia or Belarus
        for: subcontractor
        assert: "!(subcontractor.country in ['RU', 'BY'])"
        message: "{{ engagement.id }} subcontracts {{ subcontractor.name }} in {{ country_name(subcontractor.country) }}"
    """

    static func plan(_ subcontractors: String, waivers: String = "") -> String {
        minimalPlan(engagement: "    subcontractors:\n" + subcontractors) + waivers
    }

    static let two = """
          - { name: Warsaw QA, country: PL }
          - { name: Minsk Dev, country: BY }

    """

    /// The finding names the engagement, the subcontractor's country and, as provider,
    /// the subcontractor; it points at the field the assert reads (`country: BY` of the
    /// second subcontractor), as a location rule's finding does.
    @Test func aFindingIsLocatedAtTheSubcontractor() throws {
        let report = try check(plan: Self.plan(Self.two), rules: Self.rules)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(finding.message == "e1 subcontracts Minsk Dev in Belarus")
        #expect(finding.path == "engagements[0].subcontractors[1]")
        #expect(finding.engagement == "e1" && finding.country == "BY" && finding.provider == "Minsk Dev")
        #expect(finding.location.map { "\($0.start.line):\($0.start.column)" } == "11:37")
    }

    /// The fingerprint is built from ids, not positions: reordering the list keeps it.
    @Test func theFingerprintSurvivesReordering() throws {
        let first = try check(plan: Self.plan(Self.two), rules: Self.rules)
        let reordered = try check(plan: Self.plan("""
              - { name: Minsk Dev, country: BY }
              - { name: Warsaw QA, country: PL }

        """), rules: Self.rules)
        let renamed = try check(plan: Self.plan("      - { name: Minsk Code, country: BY }\n"), rules: Self.rules)
        #expect(first.findings.first?.fingerprint == reordered.findings.first?.fingerprint)
        #expect(first.findings.first?.fingerprint != renamed.findings.first?.fingerprint)
    }

    /// A waiver for the engagement and the subcontractor's country waives it.
    @Test func aWaiverWaivesIt() throws {
        let report = try check(plan: Self.plan(Self.two, waivers: """
        waivers:
          - { rule: SUB-001, engagement: e1, country: BY, reason: legal cleared the contract, approved_by: CLO, expires: 2027-06-30 }

        """), rules: Self.rules)
        #expect(report.findings.map(\.status) == [.waived])
        #expect(report.exitCode == 0)
    }

    /// A rule test expects it like any finding, provider included.
    @Test func aRuleTestExpectsIt() throws {
        let folder = try temporaryFolder([
            "rules/chain.yaml": Self.rules,
            "rules/chain.test.yaml": """
            tests:
              - name: Minsk is flagged, Warsaw is not
                plan: fixtures/p.yaml
                expect:
                  - { rule: SUB-001, engagement: e1, country: BY, provider: Minsk Dev, severity: error }
              - name: the wrong subcontractor is a failure
                plan: fixtures/p.yaml
                expect:
                  - { rule: SUB-001, engagement: e1, country: BY, provider: Warsaw QA }
            """,
            "rules/fixtures/p.yaml": Self.plan(Self.two),
        ])
        let report = RuleTestRunner.run(RuleTestRequest(rules: RuleFiles.find(under: [folder + "/rules"]).map(RuleSource.file),
                                                        tests: [folder + "/rules/chain.test.yaml"]))
        #expect(report.results.map(\.passed) == [true, false], "\(report.diagnostics)")
    }

    /// `explain` lists each subcontractor with its label; `eval --at e1#1` selects one.
    @Test func explainAndEvalReachIt() throws {
        let loaded = RuleLoader().load(sources: [RuleSource.embedded("chain.yaml", text: Self.rules)])
        let rules = try #require(loaded.rules, "\(loaded.diagnostics)")
        let plan = try #require(loadPlan(Self.plan(Self.two)).plan)
        let explanation = try Explainer.explain(ruleID: "SUB-001", in: rules, plan: plan).get()
        #expect(explanation.items.map(\.label) == ["e1, Warsaw QA, PL", "e1, Minsk Dev, BY"])
        #expect(explanation.items.map(\.path) == ["engagements[0].subcontractors[0]", "engagements[0].subcontractors[1]"])
        let outcome = try ExpressionEvaluator.evaluate("subcontractor.name", environment: rules.environment, plan: plan,
                                                       target: EvalTarget(scope: .subcontractor, at: "e1#1")).get()
        #expect(outcome.value.literalDescription == "\"Minsk Dev\"")
        let unknown = ExpressionEvaluator.evaluate("subcontractor.name", environment: rules.environment, plan: plan,
                                                   target: EvalTarget(scope: .subcontractor, at: "e1#2"))
        guard case .failure(let failure) = unknown else { Issue.record("e1#2 should not exist"); return }
        #expect(failure.diagnostics.first?.code == .evalUnknownItem)
    }

    /// A variable of another scope is a type error, located, with the scope that binds it.
    @Test func locationIsNotBoundInASubcontractorRule() throws {
        let loaded = RuleLoader().load(sources: [RuleSource.embedded("chain.yaml", text: Self.rules.replacingOccurrences(
            of: "subcontractor.country in", with: "location.country in"))])
        #expect(loaded.diagnostics.map(\.code) == [.rulesCELType])
        #expect(loaded.diagnostics.first?.help?.contains("`for: location`") == true, "\(loaded.diagnostics)")
    }
}

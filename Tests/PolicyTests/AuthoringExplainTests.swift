import Foundation
@testable import YAML
import Testing
import CEL
@testable import Policy
@testable import Reference
@testable import SourceText
import TestScratch

/// The explain data model and `eval`'s evaluator.
@Suite("Authoring: explain and eval")
struct AuthoringExplainTests {
    static func example() throws -> (RuleSet, Plan) {
        let inputs = InputLoader.load(InputRequest(
            rules: RuleFiles.find(under: [repoPath("examples/rules")]).map(RuleSource.file),
            plans: [repoPath("examples/plans/support-expansion-2027.yaml")]))
        #expect(inputs.diagnostics.isEmpty, "\(inputs.diagnostics)")
        return (try #require(inputs.rules), try #require(inputs.plans.first))
    }

    static func explain(_ rule: String, filter: ExplainFilter = ExplainFilter()) throws -> RuleExplanation {
        let (rules, plan) = try example()
        switch Explainer.explain(ruleID: rule, in: rules, plan: plan, filter: filter) {
        case .success(let explanation): return explanation
        case .failure(let failure): throw failure
        }
    }

    @Test func data001ItemsAndOutcomes() throws {
        let explanation = try Self.explain("DATA-001")
        #expect(explanation.items.map(\.path) == (0..<5).map { "engagements[\($0)].locations[0]" })
        let first = try #require(explanation.items.first)
        #expect(first.label == "tier1-support, PH, Manila")
        #expect(first.location.start == SourcePosition(line: 18, column: 9))
        #expect(first.outcome == .violation(message: "restricted data would be processed in Philippines", waived: false))
        let assert = try #require(first.assert)
        #expect(assert.result == "false")
        #expect(assert.values.map(\.value) == ["\"PH\"", "\"US\""])
        #expect(explanation.items.dropFirst().allSatisfy { $0.outcome == .notApplicable && $0.assert == nil })
    }

    @Test func macroShowsTheElementThatDecided() throws {
        let explanation = try Self.explain("LANG-001", filter: ExplainFilter(engagement: "tier1-support"))
        let assert = try #require(explanation.items.first?.assert)
        #expect(assert.resultNote == "at m = \"CA\"")
        #expect(assert.values.contains { $0.note == "at lang = \"fr\"" })
        let when = try #require(try Self.explain("DATA-001").items.first?.when)
        #expect(when.resultNote == "at d = shore.Data{name: \"payment card numbers\"}")
    }

    @Test func branchesSkippedOnTheLastIterationShowNoStaleValue() throws {
        let inputs = InputLoader.load(InputRequest(
            rules: [RuleSource.embedded("r.yaml", text: """
                policy: t
                rules:
                  - { id: S-001, for: engagement, assert: "engagement.languages.exists(x, x.code == 'en' && x.cefr >= 6)" }
                """)],
            plans: [repoPath("examples/plans/support-expansion-2027.yaml")]))
        let rules = try #require(inputs.rules)
        let plan = try #require(inputs.plans.first)
        let explanation = try Explainer.explain(ruleID: "S-001", in: rules, plan: plan,
                                                filter: ExplainFilter(engagement: "tier1-support")).get()
        let assert = try #require(explanation.items.first?.assert)
        // en (C1) ran `x.cefr >= 6` (5 >= 6) on the first iteration; fr, the last, stopped at `x.code == 'en'`.
        #expect(assert.values.map(\.value) == ["\"fr\"", "false", "false"])
    }

    @Test func waivedFindingsSayWaived() throws {
        let explanation = try Self.explain("TZ-001", filter: ExplainFilter(country: "IN"))
        #expect(explanation.items.count == 1)
        guard case .violation(_, let waived)? = explanation.items.first?.outcome else {
            Issue.record("expected a violation")
            return
        }
        #expect(waived)
    }

    @Test func filtersNarrowAggregates() throws {
        let byEngagement = try Self.explain("CONC-001", filter: ExplainFilter(engagement: "back-office"))
        #expect(byEngagement.items.map(\.label) == ["MX"])
    }

    @Test func unknownRuleSuggests() throws {
        let (rules, plan) = try Self.example()
        guard case .failure(.unknownRule(_, let suggestion)) = Explainer.explain(ruleID: "QC-01", in: rules, plan: plan) else {
            Issue.record("expected unknownRule")
            return
        }
        #expect(suggestion?.contains("QC-001") == true)
    }

    // MARK: eval

    /// One definition of how a plan object is named: explain and eval show its type and
    /// naming fields, a finding's `because` adds the describing ones, a message the literal
    /// form. Subcontractors, notifications, hubs and owners showed as `shore.X{}` before.
    @Test func planObjectsAreNamedOneWay() throws {
        let inputs = InputLoader.load(InputRequest(
            rules: RuleFiles.find(under: [repoPath("examples/rules")]).map(RuleSource.file),
            plans: [repoPath("examples/plans/hanse-leben-2027.yaml")]))
        let (rules, plan) = (try #require(inputs.rules), try #require(inputs.plans.first))
        func value(_ expression: String) throws -> CELValue {
            try ExpressionEvaluator.evaluate(expression, environment: rules.environment, plan: plan, target: nil).get().value
        }
        let engagement = try #require(plan.engagements.firstIndex { !$0.subcontractors.isEmpty })
        let subcontractors = try value("plan.engagements[\(engagement)].subcontractors")
        #expect(ValueDisplay.literal(subcontractors) == "[shore.Subcontractor{name: \"Minsk Dev Partners\"}]")
        #expect(ValueDisplay.summary(subcontractors) == "[{name: \"Minsk Dev Partners\", country: \"BY\"}]")
        let notified = try value("plan.engagements[\(engagement)].notified")
        #expect(ValueDisplay.literal(notified) == "shore.Notification{supervisor: \"BaFin\", date: timestamp(\"2026-10-01T00:00:00Z\")}")
        let provider = try value("plan.engagements[\(engagement)].provider")
        #expect(ValueDisplay.literal(provider).hasPrefix("shore.Provider{name: "))
        #expect(!ValueDisplay.literal(provider).contains("kind:"))
        #expect(ValueDisplay.summary(provider).contains(", kind: "))
        #expect(ValueDisplay.message(provider) == ValueDisplay.literal(provider))
        #expect(ValueDisplay.message(.list([.string("a"), .int(2)])) == "a, 2")
    }

    @Test func evalAtALocation() throws {
        let (rules, plan) = try Self.example()
        let result = ExpressionEvaluator.evaluate("location.overlap_hours", environment: rules.environment, plan: plan,
                                                  target: EvalTarget(scope: .location, at: "tier1-support#0"))
        let outcome = try result.get()
        #expect(outcome.value.literalDescription == "8.0")
        #expect(outcome.type == .double)
        #expect(outcome.item == "engagements[0].locations[0]")
    }

    @Test func evalWithVariablesAndSets() throws {
        let (rules, _) = try Self.example()
        let value = try ExpressionEvaluator.value(json: #"{"codes": ["NO", "US"], "n": 2}"#).get()
        let outcome = try ExpressionEvaluator.evaluate("m.codes.filter(c, c in approved).size() == m.n",
                                                       environment: rules.environment, plan: nil, target: nil,
                                                       variables: ["m": value]).get()
        #expect(outcome.value.literalDescription == "true")
    }

    /// `official_languages(c)` is the reference list of every country, on a literal and on
    /// a variable (a literal call is worked out when the rule is planned, a variable's per
    /// item); a code that is not ISO 3166-1 alpha-2 is an error naming it.
    @Test func officialLanguagesOfEveryCountryAreTheReferenceLists() throws {
        let (rules, _) = try Self.example()
        for country in Countries.all.map(\.alpha2) + ["XK", "ph", "", "UK"] {
            let expected = Countries.isValid(country)
                ? CELValue.list(Languages.officialLanguages(country).map(CELValue.string)).literalDescription
                : "official_languages: '\(country)' is not an ISO 3166-1 alpha-2 code"
            let literal = try ExpressionEvaluator.evaluate("official_languages('\(country)')", environment: rules.environment,
                                                           plan: nil, target: nil).get().value
            let variable = try ExpressionEvaluator.evaluate("official_languages(m)", environment: rules.environment, plan: nil,
                                                            target: nil, variables: ["m": .string(country)]).get().value
            for value in [literal, variable] {
                if case .error(let error) = value {
                    #expect(error.message == expected, "\(country)")
                } else {
                    #expect(value.literalDescription == expected, "\(country)")
                }
            }
        }
    }

    /// `sum` adds doubles and ints; an int sum that overflows is an error, never a wrap.
    @Test(arguments: [("sum([30.0, 20.5])", "50.5"), ("sum([1, 2, 3])", "6"), ("sum([])", "0"),
                      ("sum([9223372036854775807, 1])", "error")])
    func sumAddsNumbersAndRefusesOverflow(expression: String, expected: String) throws {
        let (rules, _) = try Self.example()
        let outcome = try ExpressionEvaluator.evaluate(expression, environment: rules.environment, plan: nil, target: nil).get()
        if expected == "error" {
            #expect(outcome.value.literalDescription.contains("overflow"), "\(outcome.value.literalDescription)")
        } else {
            #expect(outcome.value.literalDescription == expected)
        }
    }

    @Test func evalTypeErrorIsLocatedInTheExpression() throws {
        let (rules, plan) = try Self.example()
        let result = ExpressionEvaluator.evaluate("engagement.hedcount > 1", environment: rules.environment, plan: plan,
                                                  target: EvalTarget(scope: .engagement, at: "tier1-support"))
        guard case .failure(let failure) = result else {
            Issue.record("expected a type error")
            return
        }
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.code == .evalCELType)
        #expect(diagnostic.location?.start == SourcePosition(line: 1, column: 12))
        #expect(diagnostic.help == "did you mean 'headcount'?")
    }
}

/// The files `shore init` writes follow the rule-test format (docs/rules-reference.md): running each test's plan through the
/// checker gives exactly the findings it expects (what `shore test` will do).
@Suite("Authoring: init templates")
struct AuthoringInitTemplateTests {
    @Test func generatedTestsHoldAgainstTheGeneratedRules() throws {
        let root = TestScratch.directory + "shore-init-templates-\(UUID().uuidString)"
        for file in InitTemplates.files() {
            let path = root + "/" + file.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path))
        }
        let loaded = RuleLoader().load(paths: [root + "/rules"])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.rules?.rules.map(\.id) == ["OWN-001"])
        #expect(RuleFiles.findTests(under: [root + "/rules"]) == [root + "/rules/data.test.yaml"])

        let tests = YAMLLoader().load(path: root + "/rules/data.test.yaml")
        let entries = try #require(tests.document?.root?["tests"]).items
        #expect(entries.count == 2)
        for test in entries {
            let plan = try #require(test["plan"]?.scalar)
            let report = CheckRunner.run(CheckRequest(
                plans: [root + "/rules/" + plan], rules: [RuleSource.file(root + "/rules/data.yaml")]))
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            let actual = report.findings.map { "\($0.rule) \($0.engagement ?? "-") \($0.country ?? "-")" }.sorted()
            let expected = try #require(test["expect"]).items.map {
                "\($0["rule"]?.scalar ?? "?") \($0["engagement"]?.scalar ?? "-") \($0["country"]?.scalar ?? "-")"
            }.sorted()
            #expect(actual == expected, "\(test["name"]?.scalar ?? "?")")
        }

        let example = CheckRunner.run(CheckRequest(plans: [root + "/plans/example.yaml"],
                                                   rules: [RuleSource.file(root + "/rules/data.yaml")]))
        #expect(example.diagnostics.isEmpty)
        #expect(example.findings.isEmpty)
        #expect(example.exitCode == 0)
    }
}

import Testing
@testable import Policy
@testable import SourceText

/// Loads rule text as `rules.yaml`.
func loadRules(_ text: String) -> RuleLoadResult {
    RuleLoader().load(sources: [.embedded("rules.yaml", text: text)])
}

@Suite("Rule loading: CEL errors located inside the expression")
struct RuleLoaderTests {
    @Test func aTypoInAPlainExpressionPointsAtTheField() throws {
        let result = loadRules("""
        policy: p
        rules:
          - id: R-1
            for: location
            assert: location.contry == company.country
        """)
        #expect(result.rules == nil)
        #expect(codes(result.diagnostics) == ["rules.cel-type@5:22"])
        #expect(result.diagnostics.first?.help == "did you mean 'country'?")
    }

    /// A type error on an operator is located at the operator, inside a block scalar too.
    @Test func aTypeErrorOnAnOperatorPointsAtTheOperator() throws {
        let result = loadRules("""
        policy: p
        rules:
          - id: R-1
            for: location
            assert: location.overlap_hours >= 4.0 && location.country == 5
          - id: R-2
            for: location
            assert: >-
              location.overlap_hours >= 4.0 &&
              location.headcount + 'x' > 0
        """)
        #expect(codes(result.diagnostics) == ["rules.cel-type@5:63", "rules.cel-type@10:26"])
        #expect(result.diagnostics.first?.message == "no matching overload for '_==_' applied to (string, int)")
    }

    /// The limit line of the review's charts comes from the compiled assert, in any of
    /// the comparison's spellings.
    @Test(arguments: [
        ("country.headcount_share <= 0.4", 0.4), ("country.headcount_share<0.25", 0.25),
        ("0.4 >= country.headcount_share", 0.4), ("country.headcount < 50 && country.headcount_share <= 1", 1.0),
        ("country.headcount_share >= 0.4", nil), ("country.headcount_share <= double(country.headcount) / 100.0", nil),
    ] as [(String, Double?)])
    func aRulesUpperLimitIsReadFromItsExpression(assert: String, limit: Double?) throws {
        let result = loadRules("policy: p\nrules:\n  - id: C-1\n    for: country\n    assert: \"\(assert)\"\n")
        let rule = try #require(result.rules?.rules.first, "\(result.diagnostics)")
        #expect(rule.upperLimit(on: "headcount_share") == limit)
    }

    /// The review's working-hours chart marks the minimum overlap a rule asks for.
    @Test(arguments: [
        ("location.overlap_hours >= 2.0", 2.0), ("location.overlap_hours>4", 4.0),
        ("2 <= location.overlap_hours", 2.0), ("!location.offshore || location.overlap_hours >= 3.5", 3.5),
        ("location.overlap_hours <= 2.0", nil), ("location.overlap_hours >= location.headcount", nil),
    ] as [(String, Double?)])
    func aRulesLowerLimitIsReadFromItsExpression(assert: String, limit: Double?) throws {
        let result = loadRules("policy: p\nrules:\n  - id: T-1\n    for: location\n    assert: \"\(assert)\"\n")
        let rule = try #require(result.rules?.rules.first, "\(result.diagnostics)")
        #expect(rule.lowerLimit(on: "overlap_hours") == limit)
    }

    /// The review's checklist reads control names from the compiled assert: escaped
    /// quotes, raw strings and macros do not confuse it.
    @Test func anAssertsStringLiteralsComeFromItsExpression() throws {
        let result = loadRules(#"""
        policy: p
        rules:
          - id: E-1
            for: engagement
            assert: >-
              'audit-rights' in engagement.controls &&
              engagement.controls.exists(c, c == r"sla") && engagement.service != 'it\'s' &&
              'audit-rights' != "x"
        """#)
        let rule = try #require(result.rules?.rules.first, "\(result.diagnostics)")
        #expect(rule.assertStringLiterals == ["audit-rights", "sla", "it's", "x"])
        #expect(rule.assertReads(field: "controls"))
        #expect(!rule.assertReads(field: "headcount"))
    }

    @Test func insideQuotedScalars() throws {
        let result = loadRules("""
        policy: p
        rules:
          - id: R-1
            for: location
            assert: "location.country in ['US', \\"CA\\"] && location.hedcount > 1"
          - id: R-2
            for: engagement
            assert: 'engagement.controls.exists(c, c == ''sla'') || engagement.modle == "x"'
        """)
        #expect(codes(result.diagnostics) == ["rules.cel-type@5:61", "rules.cel-type@8:72"])
    }

    @Test func insideFoldedAndLiteralBlockScalars() throws {
        let result = loadRules("""
        policy: p
        rules:
          - id: R-1
            for: engagement
            assert: >-
              engagement.markets.all(m,
                official_languages(m).exists(l, l == engagement.langauge))
          - id: R-2
            for: location
            when: |
              location.offshore &&
                location.overlap_hour < 2.0
            assert: true
        """)
        #expect(codes(result.diagnostics) == ["rules.cel-type@7:57", "rules.cel-type@12:18"])
        let span = try #require(result.diagnostics.first?.location)
        #expect(DiagnosticRenderer().snippet(span).contains("^^^^^^^^"))
    }

    @Test func syntaxErrorsAndEveryOtherErrorAreAllReported() throws {
        let result = loadRules("""
        policy: p
        sets:
          eea: [DE, FR]
        rules:
          - id: R-1
            for: location
            assert: location.country ==
          - id: R-1
            for: planet
            assert: true
          - id: R-3
            for: plan
            assert: "1 + 1"
            severity: fatal
        """)
        #expect(codes(result.diagnostics) == [
            "rules.shadowed-set@3:3",
            "rules.cel-syntax@7:32",
            "rules.invalid-value@9:10",
            "rules.not-boolean@13:13",
            "rules.invalid-value@14:15",
        ])
    }

    @Test func theLeadingBracketAndBangTrapsAreExplained() throws {
        let bracket = loadRules("""
        policy: p
        rules:
          - id: R-1
            for: engagement
            assert: ['sla'].all(c, c in engagement.controls)
        """)
        #expect(bracket.diagnostics.map(\.code) == [.rulesYAMLSplitExpression])
        #expect(bracket.diagnostics.first?.help?.contains(">-") == true)
        let bang = loadRules("""
        policy: p
        rules:
          - id: R-1
            for: engagement
            assert: !engagement.offshore
        """)
        #expect(bang.diagnostics.map(\.code) == [.rulesYAMLSplitExpression])
    }

    @Test func aVariableOutOfScopeSaysWhichScopeBindsIt() throws {
        let result = loadRules("""
        policy: p
        rules:
          - id: R-1
            for: engagement
            assert: location.offshore
        """)
        #expect(result.diagnostics.first?.help?.contains("for: location") == true)
    }

    @Test func norwayUnquotedInASetIsNorway() throws {
        let result = loadRules("""
        policy: p
        sets:
          nordics: [NO, SE, DK]
        rules:
          - id: R-1
            for: location
            assert: location.country in nordics
        """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.rules?.environment.sets["nordics"]?.members == ["NO", "SE", "DK"])
    }

    @Test func aRepeatedBuiltInSetIsOnlyNoted() throws {
        let result = loadRules("""
        policy: p
        sets:
          five_eyes: ["AU", "CA", "GB", "NZ", "US"]
        rules:
          - { id: R-1, for: location, assert: location.country in five_eyes }
        """)
        #expect(result.rules != nil)
        #expect(result.diagnostics.map(\.code) == [.rulesRedundantSet])
        #expect(result.diagnostics.first?.severity == .info)
    }
}

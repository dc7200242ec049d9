import Testing
@testable import Policy
@testable import SourceText

/// `Linter`: the loader's diagnostics (info included) plus the lint-only checks.
@Suite("Authoring: lint")
struct AuthoringLintTests {
    static func lint(_ text: String) -> LintReport {
        Linter.lint(sources: [RuleSource.embedded("rules.yaml", text: text)])
    }

    /// Lints one engagement rule `R1` whose last line (line 5) is `line`.
    static func lintRule(_ line: String) -> LintReport {
        lint("""
            policy: p
            rules:
              - id: R1
                for: engagement
                \(line)
            """)
    }

    @Test func unusedSetIsAWarning() {
        let report = Self.lint("""
            policy: p
            sets:
              used: [US]
              unused: [PH]
            rules:
              - { id: R1, for: location, assert: location.country in used }
            """)
        #expect(codes(report.diagnostics) == ["lint.unused-set@4:11"])
        #expect(report.diagnostics.first?.severity == .warning)
        #expect(report.exitCode == 0)
    }

    @Test func setUsedOnlyInAMessageCounts() {
        let report = Self.lint("""
            policy: p
            sets:
              home: [US]
            rules:
              - { id: R1, for: plan, assert: "true == false", message: "{{ home }}" }
            """)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func constantWhenAndAssert() {
        let report = Self.lint("""
            policy: p
            rules:
              - id: R1
                for: location
                when: 1 == 2
                assert: location.offshore
              - id: R2
                for: engagement
                when: "true"
                assert: "'US' in eu || true"
              - id: R3
                for: engagement
                when: engagement.offshore
                assert: "false"
            """)
        #expect(codes(report.diagnostics) == ["lint.constant-when@5:11", "lint.constant-when@9:11", "lint.constant-assert@10:13"])
        #expect(report.diagnostics.map(\.severity) == [.warning, .info, .warning])
        #expect(report.exitCode == 0)
    }

    /// A per-item rule that loops over plan.engagements does items × engagements work
    /// (the built-in SANC-004 did, and ran out of budget on 10,000 engagements); counting
    /// them, or the same loop in a `for: plan` rule, is fine.
    @Test func perItemLoopOverPlanEngagementsIsAWarning() {
        let report = Self.lint("""
            policy: p
            rules:
              - id: R1
                for: provider
                when: "!plan.engagements.exists(e, e.id in provider.engagements && 'edd' in e.controls)"
                assert: plan.engagements.size() > 0
              - id: R2
                for: plan
                assert: plan.engagements.all(e, e.headcount > 0)
              - id: R3
                for: location
                assert: "location.country == 'PH' || plan.engagements.filter(e, e.service == engagement.service).size() < 3"
            """)
        #expect(codes(report.diagnostics) == ["lint.plan-wide-search@5:13", "lint.plan-wide-search@12:42"])
        #expect(report.diagnostics.first?.message == "the 'when' of R1 searches plan.engagements once per provider, so its work grows with providers × engagements")
        #expect(report.diagnostics.first?.help?.contains("provider.controls") == true)
        #expect(report.diagnostics.first?.location?.end.column == 29)
        #expect(report.exitCode == 0)
    }

    @Test func infoDiagnosticsAreShownByLint() {
        let report = Self.lint("""
            policy: p
            sets:
              embargo_demo: [US]
              eu: ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
            rules:
              - { id: R1, for: location, assert: location.country in eu || location.country in embargo_demo }
            """)
        #expect(report.diagnostics.map(\.code) == [.rulesRedundantSet])
        #expect(report.diagnostics.first?.severity == .info)
    }

    @Test func messageVariableOutOfScopeSaysWhichScopeBindsIt() {
        let report = Self.lint("""
            policy: p
            rules:
              - id: R1
                for: engagement
                assert: engagement.offshore
                message: "{{ location.city }} is offshore"
            """)
        #expect(codes(report.diagnostics) == ["rules.cel-type@6:18"])
        #expect(report.diagnostics.first?.help == "'location' is bound only in rules with `for: location`; this rule is `for: engagement`")
        #expect(report.exitCode == 2)
    }

    @Test(arguments: [
        ("assert: [1, 2].all(x, x > 0)", "as a list because it begins with ["),
        ("assert: !engagement.offshore", "as a tag, not as a CEL expression, because it starts with '!'"),
        ("assert: {a: 1}.size() == 1", "as a mapping because it begins with {"),
    ])
    func yamlSplitExpressionIsExplainedWithTheFix(line: String, explanation: String) {
        let report = Self.lintRule(line)
        let split = report.diagnostics.filter { $0.code == .rulesYAMLSplitExpression }
        #expect(split.count == 1, "\(report.diagnostics)")
        #expect(split.first?.message.contains(explanation) == true, "\(report.diagnostics)")
        #expect(split.first?.help?.contains("quote the whole expression") == true)
        #expect(split.first?.help?.contains(">-") == true)
        #expect(report.diagnostics.allSatisfy { $0.code == .rulesYAMLSplitExpression }, "\(report.diagnostics)")
    }

    /// An expression that starts with a single-quoted string: the fix is double quotes.
    @Test func leadingSingleQuoteSaysUseDoubleQuotes() {
        let report = Self.lintRule("assert: 'sla' in engagement.controls")
        let split = report.diagnostics.filter { $0.code == .rulesYAMLSplitExpression }
        #expect(split.count == 1, "\(report.diagnostics)")
        #expect(split.first?.help?.hasPrefix("quote the whole expression with double quotes") == true, "\(split)")
    }

    /// ` #` ends a plain scalar: what follows is a YAML comment, gone before the rule
    /// loads, so the rule would check less than the author wrote.
    @Test(arguments: [
        ("assert: engagement.headcount > 0 # && x", "assert"),
        ("when: engagement.offshore #and engagement.outsourced", "when"),
        ("assert: engagement.controls.exists(c, c == 'a #b')", "assert"),
    ])
    func commentInAPlainExpressionIsAnError(line: String, field: String) throws {
        let report = Self.lintRule(line)
        #expect(report.exitCode == 2)
        let found = report.diagnostics.filter { $0.code == .rulesYAMLCommentInExpression }
        #expect(found.count == 1, "\(report.diagnostics)")
        let hash = try #require(line.range(of: " #")).upperBound
        let column = 4 + line.distance(from: line.startIndex, to: hash)
        #expect(found.first?.location?.start.line == 5)
        #expect(found.first?.location?.start.column == column, "\(report.diagnostics)")
        #expect(found.first?.message.contains("'\(field)' ends before it") == true)
        #expect(found.first?.help?.contains("quote the whole expression") == true)
        #expect(found.first?.help?.contains(">-") == true)
    }

    /// The same far along a long line of a rule file written in flow style, after other
    /// scripts: the comment is found from the scalar's end, and its columns are counted
    /// in characters to the line's end.
    @Test func commentFarAlongAFlowStyleLineIsFoundAtItsColumns() throws {
        let title = String(repeating: "São Paulo ☃ ", count: 500)
        let line = "rules: [{id: R1, title: \"\(title)\", for: engagement, assert: engagement.headcount > 0 # && x é"
        let report = Self.lint("policy: p\n" + line + "\n  }]\n")
        let found = report.diagnostics.filter { $0.code == .rulesYAMLCommentInExpression }
        #expect(found.count == 1, "\(report.diagnostics)")
        let scalars = Array(line.unicodeScalars)
        let hash = try #require(scalars.firstIndex(of: "#"))
        #expect(found.first?.location?.start == SourcePosition(line: 2, column: hash + 1), "\(found)")
        #expect(found.first?.location?.end == SourcePosition(line: 2, column: scalars.count + 1), "\(found)")
    }

    @Test func quotedBlockAndOwnLineCommentsAreFine() {
        let report = Self.lint("""
            policy: p
            rules:
              # a comment on its own line
              - id: R1
                for: engagement
                severity: warning   # a comment after a value that is not an expression
                when: "engagement.offshore && 'a #b' != ''"
                assert: >-   # a comment on a block scalar's header line
                  engagement.headcount > 0
            """)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }
}

import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText

/// Hostile rule files: errors located inside the expression; run-time blow-ups are
/// `evaluation-error` findings (fail closed), never a hang and never a pass.
@Suite("Hostile rules: located errors, bounded evaluation, fail closed")
struct HostileRuleTests {
    static let plan: Plan = {
        let loaded = loadPlan(minimalPlan(engagement: "    service: \(String(repeating: "a", count: 100_000))b\n    attributes: { cost_center: CS-01 }"))
        return loaded.plan!
    }()

    /// The findings of one rule file on `plan`.
    func findings(_ rules: String) throws -> [Finding] {
        let loaded = loadRules(rules)
        #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
        let set = try #require(loaded.rules)
        return Evaluator(rules: set, options: EvaluationOptions(parallel: false)).check(Self.plan)
    }

    @Test func aTenThousandDeepExpressionIsALocatedError() {
        let deep = String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000)
        let loaded = loadRules(ruleFile("    for: plan\n    assert: \(deep)"))
        #expect(codes(loaded.diagnostics) == ["rules.cel-syntax@5:263"])
        #expect(loaded.rules == nil)
        let negations = String(repeating: "!", count: 10_000) + "true"
        #expect(codes(loadRules(ruleFile("    for: plan\n    assert: '\(negations)'")).diagnostics) == ["rules.cel-syntax@5:263"])
        // Unquoted, YAML reads the leading `!` as a tag: the error says so.
        let tagged = loadRules(ruleFile("    for: plan\n    assert: \(negations)"))
        #expect(codes(tagged.diagnostics) == ["rules.yaml-split-expression@5:13"])
        let sums = "1" + String(repeating: " + 1", count: 10_000) + " > 0"
        let clock = ContinuousClock()
        var result: RuleLoadResult?
        let elapsed = clock.measure { result = loadRules(ruleFile("    for: plan\n    assert: \(sums)")) }
        #expect(result.map { codes($0.diagnostics) } == ["rules.cel-syntax@5:13"])
        #expect(elapsed < .seconds(5))
    }

    @Test func anOverlongExpressionIsALocatedError() {
        let long = "true" + String(repeating: " && true", count: 20_000)
        let loaded = loadRules(ruleFile("    for: plan\n    assert: \(long)"))
        #expect(codes(loaded.diagnostics) == ["rules.cel-syntax@5:13"])
        #expect(loaded.rules == nil)
    }

    @Test func aCatastrophicRegexIsBounded() throws {
        let clock = ContinuousClock()
        var found: [Finding] = []
        let elapsed = try clock.measure {
            found = try findings(ruleFile("    for: engagement\n    assert: engagement.service.matches('^(a+)+$')"))
        }
        #expect(elapsed < .seconds(5))
        // The linear engine says "no match" at once: a violation, not a hang.
        #expect(found.map(\.kind) == [.violation])
        #expect(found.allSatisfy { $0.status == .failing && $0.severity == .error })
        // An invalid or oversized pattern is an evaluation error, never a pass.
        let big = String(repeating: "(a)", count: 5_000)
        for pattern in ["(a", "a{1001}", "[z-a]", big, "((a{100}){100}){100}"] {
            let bad = try findings(ruleFile("    for: engagement\n    assert: \"engagement.service.matches('\(pattern)')\""))
            #expect(bad.map(\.kind) == [.evaluationError], "\(pattern)")
        }
    }

    @Test func aRuleThatLoopsRunsOutOfBudget() throws {
        let list = "[" + (1...100).map(String.init).joined(separator: ",") + "]"
        let loop = "'\(list).map(a, \(list).map(b, \(list).map(c, a * b * c))).size() > 0'"
        let clock = ContinuousClock()
        var found: [Finding] = []
        let elapsed = try clock.measure {
            found = try findings(ruleFile("    for: engagement\n    severity: warning\n    assert: \(loop)"))
        }
        #expect(elapsed < .seconds(5))
        #expect(found.map(\.kind) == [.evaluationError])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("cost") == true || found.first?.message.contains("budget") == true,
                "\(found.first?.message ?? "")")
    }

    @Test func aMissingAttributeIsAnEvaluationErrorNotAPass() throws {
        let found = try findings(ruleFile("    for: engagement\n    severity: warning\n    assert: engagement.attributes.missing_key == 'x'"))
        #expect(found.map(\.kind) == [.evaluationError])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.map(\.status) == [.failing])
        let when = try findings(ruleFile("    for: engagement\n    when: engagement.attributes.missing_key == 'x'\n    assert: true"))
        #expect(when.map(\.kind) == [.evaluationError])
    }

    @Test func arithmeticOverflowAndDivisionByZeroFailClosed() throws {
        for assert in ["9223372036854775807 + 1 > 0", "1 / (engagement.headcount - 10) == 0", "int(1e300) > 0",
                       "engagement.locations[5].headcount > 0", "-9223372036854775807 - 2 < 0"] {
            let found = try findings(ruleFile("    for: engagement\n    assert: \(assert)"))
            #expect(found.map(\.kind) == [.evaluationError], "\(assert)")
        }
    }

    /// String functions over long plan text stay linear and bounded: before, indexOf,
    /// lastIndexOf and split searched naively (seconds per item) and replace built
    /// length × length characters before the budget could apply; format's precision
    /// overflowed while being read (a crash).
    @Test(arguments: [
        "engagement.service.indexOf(engagement.service.substring(50000) + 'c') == -1",
        "engagement.service.lastIndexOf('b' + engagement.service.substring(50000)) == -1",
        "engagement.service.split(engagement.service.substring(50000) + 'c').size() == 1",
        "engagement.service.replace('a', engagement.service).size() > 0",
        "engagement.service.replace('', engagement.service).size() > 0",
        "'%.99999999999999999999f'.format([1.0]) == '1.0'",
    ])
    func stringFunctionsOnLongTextAreBounded(assert: String) throws {
        let clock = ContinuousClock()
        var found: [Finding] = []
        let elapsed = try clock.measure {
            found = try findings(ruleFile("    for: engagement\n    assert: \"\(assert)\""))
        }
        #expect(elapsed < .seconds(5), "\(assert)")
        #expect(found.count <= 1)
        #expect(found.allSatisfy { $0.status == .failing })
    }

    @Test func hostileMessageTemplates() throws {
        let unclosed = loadRules(ruleFile("    for: engagement\n    assert: 'false'\n    message: \"id {{ engagement.id\""))
        #expect(codes(unclosed.diagnostics) == ["rules.unclosed-placeholder@6:18"])
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let nested = loadRules(ruleFile("    for: engagement\n    assert: 'false'\n    message: \"x {{ \(deep) }}\""))
        #expect(codes(nested.diagnostics) == ["rules.cel-syntax@6:270"])
        #expect(nested.rules == nil)
        // A placeholder that fails at run time does not turn the violation into a pass.
        let failing = try findings(ruleFile("    for: engagement\n    assert: 'false'\n    message: \"{{ engagement.attributes.nope }}!\""))
        #expect(failing.map(\.kind) == [.violation])
        #expect(failing.first?.message.hasPrefix("<error:") == true, "\(failing.first?.message ?? "")")
        // Ten thousand placeholders load and render in bounded time.
        let many = String(repeating: "{{ engagement.id }} ", count: 10_000)
        let clock = ContinuousClock()
        var rendered: [Finding] = []
        let elapsed = try clock.measure {
            rendered = try findings(ruleFile("    for: engagement\n    assert: 'false'\n    message: \"\(many)\""))
        }
        #expect(elapsed < .seconds(10))
        #expect(rendered.first?.message.count == 30_000)
    }

    @Test func wrongTypesEverywhereInARuleFile() {
        let text = """
        policy: [x]
        description: { a: b }
        classifications: low
        sets: [a, b]
        rules:
          - id: [R]
            title: 5
            severity: fatal
            for: planet
            when: 5
            assert: { a: b }
            message: [m]
            remediation: { r: 1 }
            references: x
            tags: { t: 1 }
          - just a string
          - id: R-2
            assert: "1 + 'a'"
          - id: R-3
            assert: location.contry == 'US'
        """
        let loaded = loadRules(text)
        #expect(codes(loaded.diagnostics) == [
            "rules.wrong-type@1:9", "rules.wrong-type@2:14", "rules.wrong-type@3:18", "rules.empty-classifications@3:18",
            "rules.wrong-type@4:7", "rules.wrong-type@6:9", "rules.invalid-value@8:15", "rules.invalid-value@9:10",
            "rules.wrong-type@13:18", "rules.wrong-type@14:17", "rules.wrong-type@15:11", "rules.wrong-type@16:5",
            "rules.missing-field@17:5", "rules.missing-field@19:5",
        ])
        #expect(loaded.rules == nil)
        // In an otherwise valid rule, non-text expressions and messages are errors too.
        let valid = loadRules(ruleFile("    for: plan\n    when: 5\n    assert: { a: b }\n    message: [m]"))
        #expect(codes(valid.diagnostics) == ["rules.not-boolean@5:11", "rules.yaml-split-expression@6:13", "rules.yaml-split-expression@7:14"])
        #expect(valid.rules == nil)
    }

    @Test func nulAndInvalidUTF8InARuleFile() {
        var bytes = Array(ruleFile("    for: plan\n    assert: plan.id == 'x'").utf8)
        bytes.insert(contentsOf: [0x00, 0xFF], at: bytes.count - 3)
        let scratch = Scratch()
        let loaded = RuleLoader().load(sources: [.file(scratch.write("rules.yaml", bytes: bytes))])
        #expect(codes(loaded.diagnostics) == ["yaml.invalid-character@5:24"])
        #expect(loaded.rules == nil)
    }

    @Test func crlfRuleFilesKeepExpressionPositions() {
        let text = ruleFile("    for: location\n    assert: >-\n      location.country ==\n        location.contry")
        let lf = codes(loadRules(text).diagnostics)
        #expect(lf == ["rules.cel-type@7:18"])
        #expect(codes(loadRules(text.replacingOccurrences(of: "\n", with: "\r\n")).diagnostics) == lf)
        #expect(codes(loadRules("\u{FEFF}" + text).diagnostics) == lf)
    }
}

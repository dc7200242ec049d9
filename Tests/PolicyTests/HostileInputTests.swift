import SeededRandom
import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText
@testable import YAML

/// Plans are untrusted: no crash on any input. Each bad plan gets a clear, located error and no
/// plan, so nothing confusing can pass as clean.
@Suite("Hostile plans: every bad input is a located error")
struct HostileInputTests {
    @Test func malformedYAML() {
        let result = loadPlan("plan: p\ncompany: { name: Acme, country: US\nengagements: []\n")
        #expect(codes(result.diagnostics) == ["yaml.syntax@3:12"])
        #expect(result.plan == nil)
    }

    @Test func anAliasBombStopsQuickly() {
        var text = "plan: p\nx0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var result: PlanLoadResult?
        let elapsed = clock.measure { result = loadPlan(text) }
        #expect(result.map { codes($0.diagnostics) }?.first?.hasPrefix("yaml.alias-expansion@") == true)
        #expect(result?.plan == nil)
        #expect(elapsed < .seconds(2))
    }

    @Test func nestingAHundredThousandDeep() {
        // The plan mapping is level 1, so the 256th opener is the first one too deep.
        for opener in ["[", "{a: "] {
            let text = "plan: p\nengagements: " + String(repeating: opener, count: 100_000)
            let clock = ContinuousClock()
            var result: PlanLoadResult?
            let elapsed = clock.measure { result = loadPlan(text) }
            #expect(result.map { codes($0.diagnostics) } == ["yaml.too-deep@2:\(14 + 255 * opener.count)"], "\(opener)")
            #expect(result?.plan == nil)
            #expect(elapsed < .seconds(2))
        }
        // Block sequences nested on one line: the root is the outermost list.
        do {
            let text = String(repeating: "- ", count: 100_000)
            let clock = ContinuousClock()
            var result: PlanLoadResult?
            let elapsed = clock.measure { result = loadPlan(text) }
            #expect(result.map { codes($0.diagnostics) } == ["yaml.too-deep@1:513"])
            #expect(result?.plan == nil)
            #expect(elapsed < .seconds(2))
        }
    }

    @Test func hugeNumbers() {
        let result = loadPlan(minimalPlan(engagement: """
            cost: { annual: 1e999, currency: USD }
            attributes: { big: 99999999999999999999999, small: -99999999999999999999999 }
        """).replacingOccurrences(of: "headcount: 10", with: "headcount: 18446744073709551616"))
        #expect(codes(result.diagnostics) == ["yaml.integer-overflow@8:80", "plan.wrong-type@9:21", "yaml.integer-overflow@10:24", "yaml.integer-overflow@10:56"])
        #expect(result.plan == nil)
    }

    @Test func invalidUTF8() {
        var bytes = Array(minimalPlan().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "A"))!   // company name "Acme", line 3
        bytes.insert(contentsOf: [0xFF, 0xC3, 0x28], at: at)
        let result = loadPlanBytes(bytes)
        #expect(codes(result.diagnostics) == ["yaml.invalid-utf8@3:18"])
        #expect(result.plan == nil)
    }

    @Test func nulBytes() {
        var bytes = Array(minimalPlan().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "A"))!
        bytes.insert(0, at: at)
        let result = loadPlanBytes(bytes)
        #expect(codes(result.diagnostics) == ["yaml.invalid-character@3:18"])
        #expect(result.plan == nil)
    }

    @Test func aBinaryFile() {
        var generator = SplitMix64(seed: 42)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let result = loadPlanBytes(bytes)
        #expect(result.plan == nil)
        #expect(result.diagnostics.containsErrors)
        #expect(result.diagnostics.allSatisfy { $0.location != nil })
    }

    @Test func anEmptyFile() {
        for text in ["", "\n\n", "# only a comment\n", "\u{FEFF}"] {
            let result = loadPlan(text)
            #expect(codes(result.diagnostics) == ["yaml.empty@1:1"], "\(text.debugDescription)")
            #expect(result.plan == nil)
        }
        // An explicit empty document is a null plan: the wrong type, where the document ends.
        let null = loadPlan("---\n...\n")
        #expect(codes(null.diagnostics) == ["plan.wrong-type@2:1"])
        #expect(null.plan == nil)
    }

    @Test func wrongTypesEverywhere() {
        let text = """
        plan: [p]
        title: { a: b }
        date: 12
        company: { name: [Acme], country: 1, timezone: true, hours: [9], languages: en }
        engagements:
          - id: { x: 1 }
            service: [s]
            customer_facing: "yes"
            markets: US
            provider: [P, agency, PH]
            locations: { country: PH }
            data: [{ name: d, classification: 3, personal: "no", subjects: PH }]
            languages: [en]
            controls: { iso27001: true }
            cost: 5
            start: true
            end: [2028]
            attributes: [1, 2]
          - just a string
          - 42
        waivers: { rule: X }
        """
        let result = loadPlan(text)
        #expect(codes(result.diagnostics) == [
            "plan.wrong-type@1:7", "plan.wrong-type@2:8", "plan.wrong-type@3:7", "plan.wrong-type@4:18", "plan.wrong-type@4:35",
            "plan.wrong-type@4:48", "plan.wrong-type@4:61", "plan.wrong-type@4:77", "plan.wrong-type@6:9", "plan.wrong-type@7:14",
            "plan.wrong-type@8:22", "plan.wrong-type@9:14", "plan.wrong-type@10:15", "plan.wrong-type@11:16",
            "plan.wrong-type@12:39", "plan.wrong-type@12:52", "plan.wrong-type@12:68", "plan.wrong-type@13:17",
            "plan.wrong-type@14:15", "plan.wrong-type@15:11", "plan.wrong-type@16:12", "plan.wrong-type@17:10",
            "plan.wrong-type@18:17", "plan.wrong-type@19:5", "plan.wrong-type@20:5", "plan.wrong-type@21:10",
        ])
        #expect(result.plan == nil)
    }

    @Test func engagementsMustNotBeAScalarOrMapping() {
        #expect(codes(loadPlan(minimalPlan().replacingOccurrences(of: "engagements:\n", with: "engagements: 5\nx:\n")).diagnostics) == ["plan.wrong-type@4:14", "plan.unknown-key@5:1"])
    }

    @Test func aByteOrderMarkIsIgnoredAndPositionsStayRight() {
        let bad = minimalPlan(company: "{ name: Acme, country: UK, timezone: America/New_York }")
        let plain = codes(loadPlan(bad).diagnostics)
        #expect(plain == ["plan.unknown-country@3:33"])
        let withBOM = loadPlanBytes([0xEF, 0xBB, 0xBF] + Array(bad.utf8))
        #expect(codes(withBOM.diagnostics) == plain)
        let good = loadPlanBytes([0xEF, 0xBB, 0xBF] + Array(minimalPlan().utf8))
        #expect(good.diagnostics.isEmpty, "\(good.diagnostics)")
        #expect(good.plan?.id == "p")
    }

    @Test func crlfLineEndingsKeepPositions() {
        let bad = minimalPlan(company: "{ name: Acme, country: UK, timezone: America/New_York }") + "\n    hours: \"9-5\"\n"
        let lf = codes(loadPlan(bad).diagnostics)
        let crlf = codes(loadPlan(bad.replacingOccurrences(of: "\n", with: "\r\n")).diagnostics)
        #expect(lf.count == 2)
        #expect(crlf == lf)
        let cr = codes(loadPlan(bad.replacingOccurrences(of: "\n", with: "\r")).diagnostics)
        #expect(cr == lf)
    }

    @Test func veryLongLines() {
        let padding = String(repeating: "x", count: 1_000_000)
        let text = minimalPlan(engagement: "    service: \(padding)\n    customer_facing: maybe")
        let clock = ContinuousClock()
        var result: PlanLoadResult?
        let elapsed = clock.measure { result = loadPlan(text) }
        #expect(result.map { codes($0.diagnostics) } == ["plan.wrong-type@10:22"])
        #expect(elapsed < .seconds(5))
        let long = "plan: p\ncompany: { name: \(padding), country: UK, timezone: America/New_York }\n"
        #expect(codes(loadPlan(long).diagnostics).contains("plan.unknown-country@2:\(padding.count + 29)"))
    }

    @Test func tooManyEngagements() {
        var loader = PlanLoader(today: CivilDate(year: 2026, month: 12, day: 1)!)
        loader.maxEngagements = 3
        #expect(loadPlanBytes(Array(planWith(engagements: 3).utf8), loader: loader).plan?.engagements.count == 3)
        let result = loadPlanBytes(Array(planWith(engagements: 4).utf8), loader: loader)
        #expect(codes(result.diagnostics) == ["plan.too-many-engagements@4:1"])
        #expect(result.diagnostics.first?.help != nil)
        #expect(result.plan == nil)
        #expect(PlanLoader.defaultMaxEngagements == 1_000_000)
    }

    @Test func aFileOverTheSizeLimit() {
        var loader = PlanLoader(today: CivilDate(year: 2026, month: 12, day: 1)!)
        loader.yaml = YAMLLoader(limits: YAMLLimits(maxFileBytes: 100))
        let result = loadPlanBytes(Array(minimalPlan().utf8), loader: loader)
        #expect(codes(result.diagnostics) == ["yaml.file-too-large@1:1"])
        #expect(result.plan == nil)
    }

    @Test func derivedFactsCannotBeWritten() {
        let result = loadPlan(minimalPlan(engagement: "    offshore: false\n    model: in-house"))
        #expect(codes(result.diagnostics) == ["plan.derived-field@9:5", "plan.derived-field@10:5"])
        #expect(result.plan == nil)
    }
}


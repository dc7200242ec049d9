import Foundation
import Testing
@testable import Policy
@testable import Reference
@testable import SourceText
import TestScratch

/// The one input pipeline: what each command asks for is loaded, in one order, with
/// every problem reported.
@Suite("Input loader")
struct InputLoaderTests {
    static let rules = RuleSource.embedded("r.yaml", text: """
        policy: p
        classifications: [open, secret]
        rules:
          - { id: R-1, for: data, assert: "data.level < 2" }
          - { id: R-2, for: engagement, enabled: false, assert: "engagement.headcount < 10" }

        """)

    /// The caller's problems, then the rules', the overrides', the waivers', the plans'.
    @Test func diagnosticsComeInPipelineOrder() throws {
        let folder = try temporaryDirectory()
        let prior = Diagnostic(.configUnknownRule, "found before loading", at: nil)
        var request = InputRequest(rules: [Self.rules], overrides: ["R-9": RuleOverride(enabled: false)],
                                   waiverFiles: [folder + "/missing-waivers.yaml"], plans: [folder + "/missing-plan.yaml"],
                                   diagnostics: [prior])
        request.today = try CivilDate(parsing: "2026-12-01")
        let inputs = InputLoader.load(request)
        #expect(inputs.diagnostics.map(\.message).first == "found before loading")
        #expect(inputs.diagnostics.count == 4, "\(inputs.diagnostics.map(\.message))")
        #expect(inputs.diagnostics[1].code == .configUnknownRule)
        #expect(inputs.diagnostics[1].message.contains("'R-9'"))
        #expect(inputs.diagnostics[2].message.contains("missing-waivers.yaml"), "\(inputs.diagnostics[2].message)")
        #expect(inputs.diagnostics[3].message.contains("missing-plan.yaml"), "\(inputs.diagnostics[3].message)")
    }

    /// Plans are read against the rules' classification scale, with the overrides applied
    /// to the rules and recorded as policy changes.
    @Test func plansUseTheRulesScaleAndOverridesApply() throws {
        let folder = try temporaryDirectory()
        let plan = folder + "/plan.yaml"
        try """
            plan: t
            date: 2026-12-01
            company: { name: Acme, country: US, timezone: America/New_York }
            engagements:
              - id: a
                provider: { name: P, kind: agency, country: US }
                locations: [{ country: US, timezone: America/Chicago, headcount: 5 }]
                data: [{ name: files, classification: secret }]

            """.write(toFile: plan, atomically: true, encoding: .utf8)
        let inputs = InputLoader.load(InputRequest(rules: [Self.rules], overrides: ["R-2": RuleOverride(enabled: true)],
                                                   plans: [plan]))
        #expect(inputs.diagnostics.isEmpty, "\(inputs.diagnostics)")
        #expect(inputs.plans.first?.engagements.first?.data.first?.level == 2)  // 1-based: open 1, secret 2
        #expect(inputs.rules?.rule("R-2")?.enabled == true)
        #expect(inputs.policyChanges.map(\.rule) == ["R-2"])
    }

    /// Only a command that evaluates the rules treats no enabled rule as an error.
    @Test func allDisabledIsAnErrorOnlyWhenEvaluating() {
        var request = InputRequest(rules: [Self.rules], overrides: ["R-1": RuleOverride(enabled: false)])
        let authoring = InputLoader.load(request)
        #expect(authoring.diagnostics.isEmpty)
        #expect(authoring.rules != nil)
        request.evaluatesRules = true
        let checking = InputLoader.load(request)
        #expect(checking.diagnostics.map(\.code) == [.rulesAllDisabled])
        #expect(checking.rules == nil)
    }

    func temporaryDirectory() throws -> String {
        let path = TestScratch.directory + "shore-inputs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

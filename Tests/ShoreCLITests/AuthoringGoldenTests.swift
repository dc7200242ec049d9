import Testing
@testable import ShoreCLI

/// `explain`, `eval` and `lint` output on the shared example, pinned by golden files.
@Suite("Authoring commands: golden output")
struct AuthoringGoldenTests {
    static let plan = "examples/plans/support-expansion-2027.yaml"

    @Test func explainDATA001() {
        let result = shore(["explain", Self.plan, "--rule", "DATA-001", "--rules", "examples/rules"])
        #expect(result.code == 0)
        #expect(result.err == "")
        expectGolden(result.out, "explain-DATA-001.txt")
    }

    @Test func explainMacroShowsTheDecidingElement() {
        let result = shore(["explain", Self.plan, "--rule", "LANG-001", "--rules", "examples/rules",
                            "--engagement", "tier1-support"])
        #expect(result.code == 0)
        #expect(result.out.contains("→ false at m = \"CA\""))
        #expect(result.out.contains("false at lang = \"fr\""))
        expectGolden(result.out, "explain-LANG-001-tier1-support.txt")
    }

    @Test func explainQC001() {
        let result = shore(["explain", Self.plan, "--rule", "QC-001", "--rules", "examples/rules"])
        #expect(result.code == 0)
        #expect(result.out.contains("→ false at c = \"audit-rights\""))
        expectGolden(result.out, "explain-QC-001.txt")
    }

    @Test func explainNarrowsByCountry() {
        let result = shore(["explain", Self.plan, "--rule", "TZ-001", "--rules", "examples/rules", "--country", "in"])
        #expect(result.code == 0)
        expectGolden(result.out, "explain-TZ-001-IN.txt")
    }

    @Test func explainUnknownRuleSuggests() {
        let result = shore(["explain", Self.plan, "--rule", "DATA-01", "--rules", "examples/rules"])
        #expect(result.code == 2)
        #expect(result.err.contains("no rule 'DATA-01' is loaded"))
        #expect(result.err.contains("DATA-001"))
    }

    /// A filter that names nothing is an error with the fix, never an empty success.
    @Test func explainUnknownEngagementOrCountrySuggests() {
        let engagement = shore(["explain", Self.plan, "--rule", "DATA-001", "--rules", "examples/rules",
                                "--engagement", "tier1-suport"])
        #expect(engagement.code == 2)
        #expect(engagement.out == "")
        #expect(engagement.err.contains("error[explain.unknown-engagement]: the plan has no engagement 'tier1-suport'"), "\(engagement.err)")
        #expect(engagement.err.contains("= help: did you mean 'tier1-support'?"), "\(engagement.err)")
        let country = shore(["explain", Self.plan, "--rule", "DATA-001", "--rules", "examples/rules", "--country", "ZZ"])
        #expect(country.code == 2)
        #expect(country.err.contains("error[explain.unknown-country]"), "\(country.err)")
    }

    @Test func evalUnknownItemSuggests() {
        let result = shore(["eval", "engagement.id", "--plan", Self.plan, "--at", "tier1-suport"])
        #expect(result.code == 2)
        #expect(result.err.contains("error[eval.unknown-item]: the plan has no engagement 'tier1-suport'"), "\(result.err)")
        #expect(result.err.contains("= help: did you mean 'tier1-support'?"), "\(result.err)")
    }

    /// CEFR levels read as numbers are shown by name, as the plan writes them.
    @Test func explainShowsCEFRLevelsByName() {
        let result = shore(["explain", Self.plan, "--rule", "LANG-001", "--rules", "rules", "--engagement", "tier1-support"])
        #expect(result.code == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n")
        let under = lines.firstIndex { $0.contains("x.cefr >= cefr('C1')") }.map { lines[($0 + 1)...].prefix(3).joined(separator: "\n") } ?? ""
        #expect(under.contains("C1"), "\(result.out)")
        #expect(!under.contains(" 5\n") && !under.hasSuffix(" 5"), "\(result.out)")
    }

    @Test func missingPlanFileHasNoEmptyCodeFrame() {
        let result = shore(["check", "no-such-plan.yaml"])
        let shown = result.out + result.err
        #expect(result.code == 2)
        #expect(shown.contains("no-such-plan.yaml:1:1: error[io.unreadable]"), "\(shown)")
        #expect(!shown.contains("|"), "\(shown)")
    }

    @Test func evalAtItems() {
        var out = ""
        let cases: [[String]] = [
            ["eval", "location.country == company.country", "--plan", Self.plan, "--for", "location", "--at", "tier1-support"],
            ["eval", "location.overlap_hours", "--plan", Self.plan, "--for", "location", "--at", "app-maintenance#0"],
            ["eval", "engagement.languages.filter(x, x.cefr >= cefr('C1')).map(x, x.code)", "--plan", Self.plan, "--at", "tier1-support"],
            ["eval", "official_languages('CA')"],
            ["eval", "country", "--plan", Self.plan, "--for", "country", "--at", "PH"],
            ["eval", "provider.cost_share", "--plan", Self.plan, "--for", "provider", "--at", "Acme Mexico"],
            ["eval", "'PH' in approved", "--rules", "examples/rules"],
            ["eval", "m.codes.exists(c, c in eea)", "--var", "m={\"codes\": [\"US\", \"DE\"]}"],
        ]
        for arguments in cases {
            let result = shore(arguments)
            #expect(result.code == 0, "\(arguments): \(result.err)")
            out += "$ shore " + arguments.map(Self.shellQuoted).joined(separator: " ") + "\n"
            out += result.out + "\n"
        }
        expectGolden(out, "eval.txt")
    }

    static func shellQuoted(_ argument: String) -> String {
        if !argument.contains(where: { " '\"#{}$".contains($0) }) { return argument }
        if !argument.contains("'") { return "'\(argument)'" }
        return "\"" + argument.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func evalTypeErrorIsCompilerStyle() {
        let result = shore(["eval", "location.contry", "--plan", Self.plan, "--for", "location", "--at", "back-office"])
        #expect(result.code == 2)
        expectGolden(result.err, "eval-type-error.txt")
    }

    @Test func evalScopeHelp() {
        let result = shore(["eval", "location.country", "--plan", Self.plan])
        #expect(result.code == 2)
        #expect(result.err.contains("'location' is bound with `--for location`"))
        let missing = shore(["eval", "location.country", "--plan", Self.plan, "--for", "location", "--at", "nope"])
        #expect(missing.code == 2)
        #expect(missing.err.contains("tier1-support#0"))
    }

    @Test func evalRuntimeErrorExits1() {
        let result = shore(["eval", "1 / 0"])
        #expect(result.code == 1)
        #expect(result.out == "error: division by zero\n")
    }

    @Test func lintExampleRules() {
        let result = shore(["lint", "examples/rules"])
        #expect(result.code == 0)
        expectGolden(result.out, "lint-examples.txt")
    }
}

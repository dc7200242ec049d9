import Foundation
import Testing
@testable import ShoreCLI

/// `shore init` into a temporary folder, then the generated repository used at once.
@Suite("shore init")
struct AuthoringInitCommandTests {
    @Test func initThenLintAndCheck() throws {
        let root = try temporaryFolder("init")
        let created = shore(["init", "repo"], in: root)
        #expect(created.code == 0, "\(created.err)")
        let repo = root + "/repo"
        for path in ["shore.yaml", "rules/data.yaml", "rules/data.test.yaml", "rules/fixtures/onshore.yaml",
                     "rules/fixtures/offshore-restricted.yaml", "plans/example.yaml", ".github/workflows/shore.yml",
                     ".gitlab-ci.yml", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", "schemas/plan.schema.json"] {
            #expect(FileManager.default.fileExists(atPath: repo + "/" + path), "\(path) missing")
        }
        let lint = shore(["lint"], in: repo)
        #expect(lint.code == 0)
        #expect(lint.out == "10 files, 47 rules: no problems\n")  // the built-in pack (9 files) and the own rule

        // The example plan passes, as its header and the README say.
        let check = shore(["check", "plans/example.yaml"], in: repo)
        #expect(check.code == 0, "\(check.out)\(check.err)")
        // The offshore fixture trips the rule.
        let offshore = shore(["check", "rules/fixtures/offshore-restricted.yaml"], in: repo)
        #expect(offshore.code == 1)
        #expect(offshore.out.contains("OWN-001") && offshore.out.contains("DATA-001"))
        let onshore = shore(["check", "rules/fixtures/onshore.yaml"], in: repo)
        #expect(onshore.code == 0)

        let explain = shore(["explain", "plans/example.yaml", "--rule", "DATA-001"], in: repo)
        #expect(explain.code == 0)
        #expect(explain.out.contains("2 items: 1 passed, 1 not applicable"))

        let workflow = try String(contentsOfFile: repo + "/.github/workflows/shore.yml", encoding: .utf8)
        #expect(workflow.contains("github/codeql-action/upload-sarif"))
    }

    @Test func refusesToOverwrite() throws {
        let root = try temporaryFolder("init-conflict")
        try FileManager.default.createDirectory(atPath: root + "/rules", withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: root + "/shore.yaml"))
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: root + "/rules/data.yaml"))
        let result = shore(["init"], in: root)
        #expect(result.code == 2)
        #expect(result.err.contains("shore.yaml:1:1: error[init.would-overwrite]: shore.yaml already exists\n"), "\(result.err)")
        #expect(result.err.contains("rules/data.yaml:1:1: error[init.would-overwrite]: rules/data.yaml already exists\n"))
        #expect(result.err.hasSuffix("shore init wrote nothing.\n"))
        #expect(!result.err.contains("|"), "no empty code frame for a path: \(result.err)")
        #expect(try String(contentsOfFile: root + "/shore.yaml", encoding: .utf8) == "keep me\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/plans/example.yaml"))
    }

    /// The example test names its rule, so a rule the author adds (one that fires on the
    /// fixtures) does not break it.
    @Test func exampleTestsSurviveANewRule() throws {
        let root = try temporaryFolder("init-new-rule")
        #expect(shore(["init"], in: root).code == 0)
        try Data("""
            policy: more
            rules:
              - { id: MORE-001, for: engagement, severity: error, assert: "engagement.headcount > 1000" }

            """.utf8).write(to: URL(fileURLWithPath: root + "/rules/more.yaml"))
        let test = shore(["test"], in: root)
        #expect(test.code == 0, "\(test.out)\(test.err)")
        #expect(test.out.hasSuffix("2 passed, 0 failed\n"), "\(test.out)")
    }

    /// `--country` (with `--timezone` and `--hours`) writes the company where it is; the
    /// new repository works at once there too.
    @Test(arguments: [
        (["--country", "NL"], "NL", "Europe/Amsterdam", "09:00-17:00", "PH"),
        (["--country", "PH", "--hours", "08:00-16:30"], "PH", "Asia/Manila", "08:00-16:30", "IN"),
        (["--country", "au", "--timezone", "Australia/Sydney"], "AU", "Australia/Sydney", "09:00-17:00", "PH"),
    ])
    func countryTimezoneAndHours(arguments: [String], country: String, zone: String, hours: String, offshore: String) throws {
        let root = try temporaryFolder("init-country")
        let created = shore(["init"] + arguments, in: root)
        #expect(created.code == 2 || created.code == 0)
        if country == "AU" {
            // 'au' is not a code; the fix is offered, and nothing is written.
            #expect(created.code == 2)
            #expect(created.err.contains("error[init.unknown-country]"), "\(created.err)")
            #expect(created.err.contains("'AU'"), "\(created.err)")
            #expect(!FileManager.default.fileExists(atPath: root + "/shore.yaml"))
            #expect(shore(["init", "--country", "AU", "--timezone", zone], in: root).code == 0)
        } else {
            #expect(created.code == 0, "\(created.err)")
        }
        let plan = try String(contentsOfFile: root + "/plans/example.yaml", encoding: .utf8)
        #expect(plan.contains("  country: \(country)\n  timezone: \(zone)\n  hours: \"\(hours)\"\n"), "\(plan)")
        let fixture = try String(contentsOfFile: root + "/rules/fixtures/onshore.yaml", encoding: .utf8)
        #expect(fixture.contains("country: \(country), timezone: \(zone)"), "\(fixture)")
        #expect(shore(["lint"], in: root).code == 0)
        let test = shore(["test"], in: root)
        #expect(test.code == 0, "\(test.out)\(test.err)")
        #expect(shore(["check", "plans/example.yaml"], in: root).code == 0)
        let offshoreCheck = shore(["check", "rules/fixtures/offshore-restricted.yaml"], in: root)
        #expect(offshoreCheck.code == 1)
        #expect(offshoreCheck.out.contains("country: \(offshore)") || offshoreCheck.out.contains(offshore), "\(offshoreCheck.out)")
    }

    @Test func badOptionsAreCodedWithTheFix() throws {
        let root = try temporaryFolder("init-bad-options")
        let result = shore(["init", "--country", "UK", "--timezone", "Europe/Londn", "--hours", "9-5"], in: root)
        #expect(result.code == 2)
        #expect(result.err.contains("error[init.unknown-country]: --country: 'UK' is not an ISO 3166-1 alpha-2 code"), "\(result.err)")
        #expect(result.err.contains("use --country GB"), "\(result.err)")
        #expect(result.err.contains("error[init.unknown-timezone]"), "\(result.err)")
        #expect(result.err.contains("use --timezone Europe/London"), "\(result.err)")
        #expect(result.err.contains("error[init.bad-hours]"), "\(result.err)")
        let several = shore(["init", "--country", "US"], in: root)
        #expect(several.code == 2)
        #expect(several.err.contains("error[init.timezone-needed]"), "\(several.err)")
        #expect(several.err.contains("America/New_York"), "\(several.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
    }

    // MARK: Writing only inside the folder, all or nothing

    /// Every file under `folder`, relative, sorted.
    func listing(_ folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    @Test(arguments: ["rules", "shore.yaml", "plans"])
    func symbolicLinkOutOfTheFolderIsRefused(name: String) throws {
        let root = try temporaryFolder("init-link")
        let outside = root + "/outside"
        let target = root + "/repo"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        // A link to a folder (rules, plans) or to a file that does not exist yet (shore.yaml).
        try FileManager.default.createSymbolicLink(atPath: target + "/" + name,
                                                   withDestinationPath: name == "shore.yaml" ? "../outside/shore.yaml" : "../outside")
        let result = shore(["init", "repo"], in: root)
        #expect(result.code == 2)
        let code = name == "shore.yaml" ? "init.would-overwrite" : "init.link-outside"
        #expect(result.err.contains("repo/\(name):1:1: error[\(code)]"), "\(result.err)")
        #expect(result.err.hasSuffix("shore init wrote nothing.\n"))
        #expect(listing(outside).isEmpty, "wrote outside: \(listing(outside))")
        #expect(listing(target) == [name], "\(listing(target))")
    }

    @Test func linkInsideTheFolderIsFollowed() throws {
        let root = try temporaryFolder("init-inner-link")
        try FileManager.default.createDirectory(atPath: root + "/policy-rules", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/rules", withDestinationPath: "policy-rules")
        #expect(shore(["init"], in: root).code == 0)
        #expect(FileManager.default.fileExists(atPath: root + "/policy-rules/data.yaml"))
    }

    @Test func fileWhereAFolderIsNeededWritesNothing() throws {
        let root = try temporaryFolder("init-plain-file")
        try Data("not a folder\n".utf8).write(to: URL(fileURLWithPath: root + "/plans"))
        let result = shore(["init"], in: root)
        #expect(result.code == 2)
        #expect(result.err.contains("plans:1:1: error[init.not-a-folder]: plans is a file, but shore init needs a folder there for plans/example.yaml"), "\(result.err)")
        #expect(result.err.contains("help: move or rename the file plans"))
        #expect(!result.err.contains("NSError") && !result.err.contains("Domain="))
        #expect(listing(root) == ["plans"], "\(listing(root))")
    }

    @Test func fileAboveTheFolderWritesNothing() throws {
        let root = try temporaryFolder("init-file-above")
        try Data("not a folder\n".utf8).write(to: URL(fileURLWithPath: root + "/afile"))
        for target in ["afile", "afile/sub"] {
            let result = shore(["init", target], in: root)
            #expect(result.code == 2)
            #expect(result.err.hasPrefix("afile:1:1: error[init.not-a-folder]"), "\(result.err)")
        }
        #expect(listing(root) == ["afile"])
    }

    @Test func schemaCommandPrintsTheCommittedSchema() throws {
        let result = shore(["schema", "plan"])
        #expect(result.code == 0)
        let committed = try String(contentsOfFile: repoRoot + "/schemas/plan.schema.json", encoding: .utf8)
        #expect(result.out == committed)
        #expect(shore(["schema", "nonsense"]).code == 2)
    }
}

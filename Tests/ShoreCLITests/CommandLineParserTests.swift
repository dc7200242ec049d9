import ArgumentParser
import Policy
import Testing
@testable import ShoreCLI

/// `CommandLineParser`'s fast path must not change what a user sees: every command line
/// that ArgumentParser answers with help, a version, a completion script or a usage error
/// gives exactly `Shore.parseAsRoot`'s text and exit code.
@Suite struct CommandLineParserTests {
    static let plan = "examples/plans/support-expansion-2027.yaml"

    @Test(arguments: [
        ["--help"], ["-h"], ["help"], [], ["--version"], ["help", "check"], ["check", "--help"], ["check", "-h"],
        ["check", plan, "--help"], ["check", "--version"], ["check", "--bogus", plan], ["check"], ["bogus"],
        ["check", plan, "--format", "nope"], ["check", plan, "--fail-on", "nope"], ["check", plan, "--fail-on"],
        ["check", plan, "--timeout", "-1"], ["check", plan, "--as-of", "2026-13-01"],
        ["review", plan, "--format", "sarif"], ["lint", "--format", "nope"],
        ["--generate-completion-script", "bash"], ["--generate-completion-script", "zsh"], ["--generate-completion-script"],
        ["check", plan, "--generate-completion-script", "fish"],
        ["---completion", "check", "--", "--format", "0", "0"],
    ])
    func whatArgumentParserAnswersIsUnchanged(_ arguments: [String]) throws {
        let run = shore(arguments)
        var expected: (code: Int32, out: String, err: String) = (0, "", "")
        do {
            var command = try Shore.parseAsRoot(arguments)
            try #require(!(command is any ShoreCommand), "\(arguments) names a command that runs")
            try command.run()  // `help` and the bare root: a clean exit carrying the help text
        } catch {
            let message = Shore.fullMessage(for: error) + "\n"
            expected = Shore.exitCode(for: error) == .success ? (0, message, "") : (2, "", message)
        }
        #expect(run.code == expected.code)
        #expect(run.out == expected.out)
        #expect(run.err == expected.err)
    }

    @Test func aCommandThatParsesRunsWithItsOptions() throws {
        let arguments = ["check", Self.plan, "--rules", "examples/rules", "--fail-on", "none", "--format", "json"]
        let command = try #require(try CommandLineParser.parse(arguments) as? CheckCommand)
        #expect(command.plans == [Self.plan])
        #expect(command.policy.rules == ["examples/rules"])
        #expect(command.failOn == FailOn.none)
        #expect(command.format?.format == .json)
    }

    @Test func failOnListsItsWordsInHelpAndErrors() {
        #expect(FailOn.allValueStrings == ["error", "warning", "info", "none"])
        #expect(FailOn.allValueDescriptions.isEmpty)
        #expect(FailOn.warning.defaultValueDescription == "warning")
        let run = shore(["check", Self.plan, "--fail-on", "loud"])
        #expect(run.err.contains("Please provide one of 'error', 'warning', 'info' or 'none'."))
    }
}

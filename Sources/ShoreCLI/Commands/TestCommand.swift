import ArgumentParser
import Policy
import SourceText

/// `shore test [PATH…]`: runs the rule tests (`*.test.yaml`) against the rules under
/// the same paths.
struct TestCommand: ShoreCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule tests (*.test.yaml beside the rules).",
        discussion: """
        Rules are read from every rule file under each PATH (as `check --rules` reads them), \
        tests from every *.test.yaml under it; a test file given directly runs against the \
        rules in its folder. shore.yaml overrides do not apply: tests check the rules as written. \
        Exit codes: 0 every test passed; 1 a test failed; 2 invalid rules, tests or plans.
        """)

    @Argument(help: ArgumentHelp(
        "Rule folders or test files (default: ./rules; the built-in starter pack carries no tests).",
        valueName: "path"))
    var paths: [String] = []

    func execute(_ io: CommandIO) throws -> Int32 {
        if paths.isEmpty, !io.exists("rules") {
            io.out(DiagnosticRenderer().render(Diagnostic(
                .testNoRules, "no ./rules folder here, and the built-in starter pack's tests are not in the binary",
                at: nil, help: "pass a folder of rules with *.test.yaml files: `shore test path/to/rules`")) + "\n")
            io.out("0 passed, 0 failed\n")
            return 2
        }
        let found = RuleFiles.testInputs(under: (paths.isEmpty ? ["rules"] : paths).map(io.resolve))
        let problems = found.diagnostics
        var report = RuleTestReport(results: [], diagnostics: [], rules: nil)
        if problems.isEmpty {
            report = RuleTestRunner.run(RuleTestRequest(rules: found.rules.map(RuleSource.file), tests: found.tests))
        }
        // One stream, as lint: the problems with the input, then one line per test (a
        // test that could not run counts as failed), then the closing count.
        let diagnostics = problems + report.diagnostics
        if !diagnostics.isEmpty {
            io.out(io.relativeText(DiagnosticRenderer().render(diagnostics)))
        }
        for result in report.results {
            io.out((result.passed ? "ok   " : "FAIL ") + result.name + "\n")
            for line in result.failureDetails { io.out(io.relativeText(line) + "\n") }
        }
        io.out("\(report.passed) passed, \(report.failed) failed\n")
        return diagnostics.containsErrors ? 2 : report.exitCode
    }
}

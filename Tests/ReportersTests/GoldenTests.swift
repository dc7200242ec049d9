// Golden files: every format of the shared example (examples/plans/support-expansion-2027.yaml
// checked against examples/rules) is compared byte for byte with Tests/ReportersTests/Golden/.
//
// To accept a deliberate change, regenerate them and review the diff:
//
//     SHORE_UPDATE_GOLDEN=1 swift test --filter ReportersTests.GoldenTests
//     git diff Tests/ReportersTests/Golden
//
// With SHORE_UPDATE_GOLDEN=1 the tests rewrite the files instead of comparing (and pass).
// Paths in the output are relative to the repository root (ReportOptions.workingDirectory),
// and the tool version is pinned, so the files do not depend on the machine.
import Foundation
@testable import Policy
@testable import Reporters
import Testing

@Suite("Golden files")
struct GoldenTests {
    static let files: [(OutputFormat, String)] = [
        (.text, "support-expansion-2027.text"),
        (.json, "support-expansion-2027.json"),
        (.sarif, "support-expansion-2027.sarif"),
        (.junit, "support-expansion-2027.junit.xml"),
        (.github, "support-expansion-2027.github"),
        (.markdown, "support-expansion-2027.md"),
    ]

    @Test(arguments: GoldenTests.files.map(\.0))
    func matchesGoldenFile(_ format: OutputFormat) throws {
        let name = try #require(Self.files.first { $0.0 == format }?.1)
        let path = repoPath("Tests/ReportersTests/Golden/\(name)")
        let actual = ReportRenderer.render(exampleReport(), as: format, options: testOptions())
        #expect(!actual.contains(repositoryRoot), "output should use repository-relative paths")
        if ProcessInfo.processInfo.environment["SHORE_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let data = try #require(FileManager.default.contents(atPath: path),
                                "missing \(path); run with SHORE_UPDATE_GOLDEN=1 to create it")
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "\(name) differs; if intended, rerun with SHORE_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test func renderingIsDeterministic() {
        let report = exampleReport()
        for format in CheckReport.formats.formats {
            #expect(ReportRenderer.render(report, as: format, options: testOptions())
                == ReportRenderer.render(exampleReport(), as: format, options: testOptions()), "\(format)")
        }
    }
}

import Foundation
import Testing
@testable import ShoreCLI

/// One rule for check, review and lint: a known `--output` extension names the format,
/// `--format` must agree with it, an unknown one is an error unless `--format` is given.
@Suite("Output format from the extension")
struct OutputFormatChoiceTests {
    static let plan = repoPath("examples/plans/support-expansion-2027.yaml")
    static let rules = repoPath("examples/rules")

    static func written(_ arguments: [String], file: String) throws -> (code: Int32, err: String, text: String) {
        let folder = try temporaryFolder("format")
        let run = shore(arguments + ["--output", file], in: folder)
        let text = FileManager.default.contents(atPath: folder + "/" + file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (run.code, run.err, text)
    }

    @Test(arguments: [("x.sarif", "\"$schema\""), ("x.sarif.json", "\"$schema\""), ("x.json", "\"version\": 1,"),
                      ("x.xml", "<testsuites"), ("x.md", "## Shore policy check"), ("x.txt", "  --> "), ("X.JSON", "\"findings\"")])
    func checkInfersTheFormat(_ file: String, _ marker: String) throws {
        let run = try Self.written(["check", Self.plan, "--rules", Self.rules], file: file)
        #expect(run.code == 1, "\(run.err)")
        #expect(run.text.contains(marker), "\(file): \(run.text.prefix(120))")
    }

    @Test func checkRefusesAConflictOrAnUnknownExtension() throws {
        let conflict = try Self.written(["check", Self.plan, "--rules", Self.rules, "--format", "json"], file: "x.sarif")
        #expect(conflict.code == 2)
        #expect(conflict.err.hasPrefix("error[output.format-conflict]: --format json conflicts with the output x.sarif, whose extension means sarif\n"), "\(conflict.err)")
        #expect(conflict.text.isEmpty)
        let unknown = try Self.written(["check", Self.plan, "--rules", Self.rules], file: "x.html")
        #expect(unknown.code == 2)
        #expect(unknown.err.hasPrefix("error[output.unknown-extension]: cannot tell which format to write to x.html"), "\(unknown.err)")
        #expect(unknown.err.contains(".sarif (sarif)"))
        // An explicit format names what to write when the extension says nothing.
        let github = try Self.written(["check", Self.plan, "--rules", Self.rules, "--format", "github"], file: "annotations.log")
        #expect(github.code == 1)
        #expect(github.text.hasPrefix("::error "))
        let consistent = try Self.written(["check", Self.plan, "--rules", Self.rules, "--format", "junit"], file: "x.xml")
        #expect(consistent.code == 1)
    }

    @Test func reviewUsesTheSameRule() throws {
        let pdf = try Self.written(["review", Self.plan, "--rules", Self.rules], file: "x.pdf")
        #expect(pdf.code == 2)
        #expect(pdf.err.hasPrefix("error[output.unknown-extension]: cannot tell which format to write to x.pdf"), "\(pdf.err)")
        #expect(pdf.text.isEmpty)
        let sarif = try Self.written(["review", Self.plan, "--rules", Self.rules], file: "x.sarif")
        #expect(sarif.code == 2)
        let conflict = try Self.written(["review", Self.plan, "--rules", Self.rules, "--format", "text"], file: "x.html")
        #expect(conflict.code == 2)
        #expect(conflict.err.contains("output.format-conflict"))
        let html = try Self.written(["review", Self.plan, "--rules", Self.rules], file: "x.htm")
        #expect(html.text.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func lintUsesTheSameRule() throws {
        let sarif = try Self.written(["lint", Self.rules], file: "lint.sarif")
        #expect(sarif.code == 0)
        #expect(sarif.text.contains("\"$schema\""))
        #expect(try Self.written(["lint", Self.rules, "--format", "json"], file: "lint.sarif").code == 2)
        #expect(try Self.written(["lint", Self.rules], file: "lint.xml").code == 2)
    }
}

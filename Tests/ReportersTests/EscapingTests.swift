import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Policy
@testable import Reporters
import Testing

@Suite("Escaping")
struct EscapingTests {
    /// A provider name that tries HTML, Markdown tables, XML, JSON, workflow-command
    /// escapes, a line break, a control character and a JavaScript line separator.
    static let hostileName = "<script>alert(1)</script> | \"x\" & %0A \\n \n`code` ]]> \u{01} \u{2028}end"

    /// The hostile name (YAML double-quoted) on the only provider, so PROV-001 reports it;
    /// the engagement id holds `,` and `:`.
    static let hostilePlan = """
        plan: hostile
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York, hours: "09:00-17:00" }
        engagements:
          - id: "tier1,support:x"
            provider: { name: "<script>alert(1)</script> | \\"x\\" & %0A \\\\n \\n`code` ]]> \\x01 \\u2028end", kind: agency, country: PH }
            locations:
              - { country: PH, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 10 }
            cost: { annual: 1000, currency: USD }
        """


    /// The hostile plan, saved as `plan,a:b.yaml` so the file property needs escaping too.
    static func hostileReport() throws -> (report: CheckReport, options: ReportOptions) {
        let (report, directory) = try checkPlan(hostilePlan, name: "plan,a:b.yaml")
        return (report, testOptions(workingDirectory: directory))
    }

    @Test func theHostileReportReallyCarriesTheHostileValues() throws {
        let (report, _) = try Self.hostileReport()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.findings.contains { $0.provider == Self.hostileName && $0.message.contains(Self.hostileName) })
        #expect(report.findings.contains { $0.engagement == "tier1,support:x" })
    }

    @Test func jsonIsValidAndRoundTripsEveryCharacter() throws {
        let (report, options) = try Self.hostileReport()
        let text = ReportRenderer.render(report, as: .json, options: options)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.contains("\u{2028}"))
        #expect(text.contains("\\u2028"))
        #expect(text.contains("\\u0001"))
        let findings = try #require(try jsonObject(text)["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["provider"] as? String == Self.hostileName })
        #expect(findings.contains { $0["engagement"] as? String == "tier1,support:x" })
        #expect(findings.contains { $0["file"] as? String == "plan,a:b.yaml" })
    }

    @Test func sarifIsValidJSONAndRoundTrips() throws {
        let (report, options) = try Self.hostileReport()
        let object = try jsonObject(ReportRenderer.render(report, as: .sarif, options: options))
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { ($0["message"] as? [String: String])?["text"]?.contains(Self.hostileName) == true })
        let location = try #require((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "plan%2Ca%3Ab.yaml")
    }

    @Test func junitParsesAsXMLAndShowsControlCharactersEscaped() throws {
        let (report, options) = try Self.hostileReport()
        let xml = ReportRenderer.render(report, as: .junit, options: options)
        #expect(!xml.contains("<script>"))
        #expect(!xml.unicodeScalars.contains { $0.value == 0x01 || $0 == "\u{2028}" })
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let testCase = try #require(try document.nodes(forXPath: "//testcase[@classname='PROV-001']").first as? XMLElement)
        let name = try #require(testCase.attribute(forName: "name")?.stringValue)
        #expect(name.contains("<script>alert(1)</script> | \"x\" & %0A \\n \\n`code` ]]> \\u{1} \\u{2028}end"), "\(name)")
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        let gated = report.findings.filter { $0.isFailing && $0.severity >= .error }.count
        #expect(suite.attribute(forName: "failures")?.stringValue == String(gated))
    }

    @Test func markdownRowsKeepTheirCellCountAndNoHTML() throws {
        let (report, options) = try Self.hostileReport()
        let markdown = ReportRenderer.render(report, as: .markdown, options: options)
        #expect(!markdown.contains("<script"))
        #expect(markdown.contains("&lt;script&gt;"))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == 2 + report.findings.count)
        for row in rows {
            #expect(Self.unescapedPipes(row) == MarkdownReporter.findingColumns.count + 1, "\(row)")
        }
    }

    @Test func githubCommandsStayOnOneLineWithEscapedProperties() throws {
        let (report, options) = try Self.hostileReport()
        let output = ReportRenderer.render(report, as: .github, options: options)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == report.findings.count)
        #expect(!output.contains("\r"))
        for line in lines {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning "), "\(line)")
            #expect(line.contains("file=plan%2Ca%3Ab.yaml,line="), "\(line)")
        }
        let provider = try #require(lines.first { $0.contains("title=PROV-001::") })
        #expect(provider.contains("::<script>alert(1)</script> | \"x\" & %250A \\n %0A`code`"))
    }

    @Test func textShowsControlCharactersEscaped() throws {
        let (report, options) = try Self.hostileReport()
        let text = ReportRenderer.render(report, as: .text, options: options)
        #expect(!text.unicodeScalars.contains { $0.value == 0x01 || $0.value == 0x1B })
        #expect(text.contains("\\u{1}"))
        #expect(text.contains("%0A \\n \\n`code`"), "a newline from the plan is shown as \\n, never a line break")
    }

    // MARK: The helpers themselves

    @Test func jsonEscaping() {
        #expect(JSONText.quote("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSONText.quote("\n\r\t\u{08}\u{0C}\u{00}\u{1F}\u{7F}") == #""\n\r\t\b\f\u0000\u001f\u007f""#)
        #expect(JSONText.quote("\u{2028}\u{2029}é😀") == "\"\\u2028\\u2029é😀\"")
    }

    @Test func xmlEscaping() {
        #expect(XMLEscaping.text("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d\"e'f")
        #expect(XMLEscaping.attribute("a&b<c>d\"e'f\tg\nh\ri") == "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i")
        #expect(XMLEscaping.text("a\u{00}\u{01}\u{1F}\u{FFFE}\u{FFFF}b\u{10000}") == "ab\u{10000}")
    }

    @Test func workflowCommandEscaping() {
        #expect(WorkflowCommandEscaping.data("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad")
        #expect(WorkflowCommandEscaping.property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad")
    }

    @Test func markdownCellEscaping() {
        #expect(MarkdownEscaping.cell("a|b") == "a\\|b")
        #expect(MarkdownEscaping.cell("<b>&`x`") == "&lt;b&gt;&amp;\\`x\\`")
        #expect(MarkdownEscaping.cell("one\r\ntwo\nthree\rfour") == "one<br>two<br>three<br>four")
        #expect(MarkdownEscaping.cell("[link](x) *b* _i_ \\") == "\\[link\\](x) \\*b\\* \\_i\\_ \\\\")
    }

    @Test func displayPaths() {
        let options = ReportOptions(workingDirectory: "/repo/")
        #expect(options.displayPath("/repo/plans/a.yaml") == "plans/a.yaml")
        #expect(options.displayPath("/repository/a.yaml") == "/repository/a.yaml")
        #expect(options.displayPath("plans/a.yaml") == "plans/a.yaml")
        #expect(URIReference.fromPath("plans/a b#1.yaml") == "plans/a%20b%231.yaml")
        #expect(URIReference.fromPath("/x/é.yaml") == "file:///x/%C3%A9.yaml")
    }

    /// `|` characters that delimit cells (not preceded by a backslash escape).
    static func unescapedPipes(_ row: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }
}

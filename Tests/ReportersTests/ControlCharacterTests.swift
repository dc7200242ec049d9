import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Policy
@testable import Reporters
@testable import SourceText
import Testing

/// Plan values holding every control character (C0, DEL, C1 including U+009B), ANSI
/// and OSC 8 sequences, BEL, BS, the bidi embeddings, overrides and isolates, line and
/// paragraph separators, and newlines followed by GitHub workflow commands. Human-read
/// formats must show every one escaped and let none start a line; machine formats must
/// escape them per their spec and round-trip the value.
@Suite("Control and bidi characters in every format")
struct ControlCharacterTests {
    /// Every unsafe scalar but NUL (which YAML cannot carry) and the line breaks used below.
    static let unsafeScalars: [Unicode.Scalar] = (Array(0x01...0x1F) + Array(0x7F...0x9F)
        + Array(0x202A...0x202E) + Array(0x2066...0x2069) + [0x200E, 0x200F, 0x061C, 0x2028, 0x2029])
        .compactMap(Unicode.Scalar.init)

    /// The provider name (YAML double-quoted escapes of the above, and the attacks).
    static let attacks = #"\e[31mred\e[0m \e]8;;https://evil.example\e\\link\e]8;;\e\\ \a\b \x9b31m \u202Eevil\u202C"#
        + #" \n::error file=x,line=1::spoofed\n::add-mask::secret\r\n  ::warning::indented \r::notice::cr"#

    static var yamlName: String {
        attacks + " " + unsafeScalars.map { String(format: "\\U%08x", $0.value) }.joined() + " end"
    }

    /// What the loader must have read for the provider name.
    static var expectedName: String {
        var out = "\u{1B}[31mred\u{1B}[0m \u{1B}]8;;https://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ \u{07}\u{08} \u{9B}31m \u{202E}evil\u{202C}"
        out += " \n::error file=x,line=1::spoofed\n::add-mask::secret\r\n  ::warning::indented \r::notice::cr "
        out.unicodeScalars.append(contentsOf: unsafeScalars)
        return out + " end"
    }

    static var plan: String {
        """
        plan: controls
        date: 2026-12-01
        company: { name: Acme, country: US, timezone: America/New_York, hours: "09:00-17:00" }
        engagements:
          - id: tier1
            provider: { name: "\(yamlName)", kind: agency, country: PH }
            locations:
              - { country: PH, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 10 }
            cost: { annual: 1000, currency: USD }
        """
    }

    static func report() throws -> (CheckReport, ReportOptions, String) {
        let (report, directory) = try checkPlan(plan)
        return (report, testOptions(workingDirectory: directory), directory)
    }

    /// Raw unsafe scalars in `text`, other than the format's own line feeds (and tabs).
    static func rawUnsafe(_ text: String) -> [String] {
        text.unicodeScalars.filter { VisibleText.isUnsafe($0) && $0 != "\n" && $0 != "\t" }
            .map { String($0.value, radix: 16) }
    }

    /// Lines a CI runner would read as a workflow command (it trims leading spaces).
    static func commandLines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix("::") }
    }

    @Test func thePlanReallyCarriesEveryCharacter() throws {
        let (report, _, _) = try Self.report()
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        #expect(report.findings.contains { $0.provider == Self.expectedName })
    }

    @Test(arguments: [OutputFormat.text, .markdown])
    func humanFormatsEscapeEverythingAndStartNoLine(_ format: OutputFormat) throws {
        let (report, options, _) = try Self.report()
        let text = ReportRenderer.render(report, as: format, options: options)
        #expect(Self.rawUnsafe(text).isEmpty, "\(Self.rawUnsafe(text))")
        #expect(Self.commandLines(text).isEmpty, "\(Self.commandLines(text))")
        // (Markdown shows U+0085 and U+2028 as <br>, inside the same source line.)
        for escape in ["u{1B}", "u{9B}", "u{202E}", "u{2066}", "u{7}", "u{8}"] + (format == .text ? ["u{85}", "u{2028}"] : []) {
            #expect(text.contains(escape), "\(format) lacks \(escape)")
        }
    }

    @Test func githubCommandsAreOneLineEachWithEverythingEscaped() throws {
        let (report, options, _) = try Self.report()
        let text = ReportRenderer.render(report, as: .github, options: options)
        #expect(Self.rawUnsafe(text).isEmpty, "\(Self.rawUnsafe(text))")
        let lines = text.split(separator: "\n")
        #expect(lines.count == report.findings.filter(\.isFailing).count)
        for line in lines {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "), "\(line)")
        }
        let provider = try #require(lines.first { $0.contains("title=PROV-001::") })
        #expect(provider.contains("%0A::error file=x,line=1::spoofed%0A::add-mask::secret%0D%0A"))
        #expect(provider.contains("\\u{1B}]8;;https://evil.example\\u{1B}\\link"))
    }

    @Test func junitIsValidXMLWithVisibleEscapes() throws {
        let (report, options, _) = try Self.report()
        let xml = ReportRenderer.render(report, as: .junit, options: options)
        #expect(Self.rawUnsafe(xml).isEmpty, "\(Self.rawUnsafe(xml))")
        #expect(Self.commandLines(xml).isEmpty, "\(Self.commandLines(xml))")
        let document = try XMLDocument(data: Data(xml.utf8), options: [])
        let node = try #require(try document.nodes(forXPath: "//testcase[@classname='PROV-001']").first as? XMLElement)
        let name = try #require(node.attribute(forName: "name")?.stringValue)
        #expect(name.contains("\\u{1B}[31mred\\u{1B}[0m"))
        #expect(name.contains("\\n::error file=x,line=1::spoofed"))
        #expect(!name.contains("\n"))
    }

    @Test(arguments: [OutputFormat.json, .sarif])
    func machineFormatsEscapeAndRoundTrip(_ format: OutputFormat) throws {
        let (report, options, _) = try Self.report()
        let text = ReportRenderer.render(report, as: format, options: options)
        #expect(Self.rawUnsafe(text).isEmpty, "\(Self.rawUnsafe(text))")
        #expect(text.contains("\\u009b") && text.contains("\\u202e") && text.contains("\\u001b"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        if format == .json {
            let findings = try #require(object["findings"] as? [[String: Any]])
            #expect(findings.contains { $0["provider"] as? String == Self.expectedName })
        } else {
            let results = try #require((object["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            let properties = results.compactMap { $0["properties"] as? [String: Any] }
            #expect(properties.contains { $0["provider"] as? String == Self.expectedName })
        }
    }

    @Test(arguments: [OutputFormat.text, .markdown, .html])
    func reviewFormatsEscapeEverything(_ format: OutputFormat) throws {
        let (report, _, directory) = try Self.report()
        let plan = try #require(report.plans.first)
        let text = ReviewReport.build(report, plan: plan, baseDirectory: directory).render(as: format)
        #expect(Self.rawUnsafe(text).isEmpty, "\(Self.rawUnsafe(text))")
        #expect(Self.commandLines(text).isEmpty, "\(Self.commandLines(text))")
        #expect(text.contains("u{1B}") && text.contains("u{9B}") && text.contains("u{202E}"))
        #expect(!text.contains("\u{FFFD}"))
    }

    /// A raw C1 control and ESC in the plan file itself: the loader's error quotes the
    /// line, and the quoted line shows them escaped, caret still under the right place.
    @Test func errorSnippetsShowRawControlsEscaped() throws {
        let (report, directory) = try checkPlan("""
            plan: raw
            date: 2026-12-01
            company: { name: "A\u{9B}31m\u{1B}[2J", country: ZZ, timezone: America/New_York }
            engagements: []
            """)
        let text = ReportRenderer.render(report, as: .text, options: testOptions(workingDirectory: directory))
        #expect(report.hasInputErrors)
        #expect(Self.rawUnsafe(text).isEmpty, "\(Self.rawUnsafe(text)) in \(text)")
        #expect(text.contains("\\u{9B}31m\\u{1B}[2J"), "\(text)")
    }
}

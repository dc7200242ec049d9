import Foundation
import Testing
@testable import Reporters

/// The HTML review: every section is there, the page is self-contained and well formed.
@Suite("Review HTML")
struct ReviewHTMLTests {
    static func exampleHTML() throws -> String {
        try #require(ReviewFixtures.example().review).render(as: .html)
    }

    @Test func hasEverySection() throws {
        let html = try Self.exampleHTML()
        for id in ["verdict", "sourcing-map", "charts", "findings", "waivers", "checklist"] {
            #expect(html.contains("<section id=\"\(id)\""), "missing section \(id)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Shore review: BLOCKED — Customer support and back-office expansion 2027</title>"))
        #expect(html.contains("<h1 id=\"verdict-h\"><span class=\"mark\" aria-hidden=\"true\">✗</span> Verdict: BLOCKED</h1>"))
        // Four charts, each an accessible image with a title and a description.
        #expect(html.components(separatedBy: "<svg role=\"img\" aria-labelledby=").count - 1 == 4)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == 4)
        #expect(html.contains("limit 40.0% (CONC-001)"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<th scope=\"col\">Engagement</th>"))
        // One row per engagement in the sourcing map; findings grouped; checklist boxes.
        #expect(html.contains("<th scope=\"row\">tier1-support<br><small>customer-support</small></th>"))
        #expect(html.contains("<code>QC-001</code> data-labeling lacks audit-rights"))
        #expect(html.contains("<input type=\"checkbox\"> Add the control <strong>audit-rights</strong>"))
    }

    @Test func isSelfContained() throws {
        let html = try Self.exampleHTML().lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(!html.contains("src="))
        // The only URL is the SVG namespace name, which is never fetched.
        let stripped = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!stripped.contains("http:") && !stripped.contains("https:"))
    }

    @Test func tagsBalance() throws {
        let problems = HTMLTagChecker.problems(in: try Self.exampleHTML())
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Python's html.parser, when python3 is installed: every start tag closed in order
    /// (void elements excepted), and no script element.
    @Test func parsesWithPythonsHTMLParser() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile) else {
            return
        }
        let dir = try ReviewFixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("review.html")
        try Data(try Self.exampleHTML().utf8).write(to: file)
        let result = try HTMLTagChecker.runPython(python, on: file.path)
        #expect(result == "ok", "\(result)")
    }
}

/// A small well-formedness check for generated HTML: start and end tags must nest.
enum HTMLTagChecker {
    static let void: Set<String> = ["meta", "br", "input", "img", "hr", "link", "col", "wbr", "area", "base", "source"]

    static func problems(in html: String) -> [String] {
        var stack: [String] = []
        var problems: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("!") {
                guard let close = rest.firstIndex(of: ">") else { break }
                rest = rest[rest.index(after: close)...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { problems.append("unclosed <"); break }
            var tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let closing = tag.hasPrefix("/")
            if closing { tag = tag.dropFirst() }
            let selfClosing = tag.hasSuffix("/")
            let name = tag.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if name.isEmpty { problems.append("bad tag <\(tag)>"); continue }
            if name == "style", !closing, let end = rest.range(of: "</style>") {
                rest = rest[end.upperBound...]
                continue
            }
            if closing {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
            } else if !selfClosing && !void.contains(name) {
                stack.append(name)
            }
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
        return problems
    }

    static let script = #"""
    import sys
    from html.parser import HTMLParser
    VOID = {"meta", "br", "input", "img", "hr", "link", "col", "wbr", "area", "base", "source"}
    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack, self.errors, self.scripts = [], [], 0
        def handle_starttag(self, tag, attrs):
            if tag == "script": self.scripts += 1
            for name, _ in attrs:
                if name.startswith("on"): self.errors.append("event attribute " + name)
            if tag not in VOID: self.stack.append(tag)
        def handle_startendtag(self, tag, attrs):
            if tag == "script": self.scripts += 1
        def handle_endtag(self, tag):
            if not self.stack or self.stack[-1] != tag:
                self.errors.append("</%s> at %s closes %s" % (tag, self.getpos(), self.stack[-1:] or "nothing"))
            else:
                self.stack.pop()
    p = P()
    p.feed(open(sys.argv[1], encoding="utf-8").read())
    p.close()
    if p.stack: p.errors.append("unclosed %s" % p.stack)
    if p.scripts: p.errors.append("%d script elements" % p.scripts)
    print("ok" if not p.errors else "; ".join(p.errors[:10]), end="")
    """#

    static func runPython(_ python: String, on path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

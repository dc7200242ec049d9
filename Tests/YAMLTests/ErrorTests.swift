import Testing
@testable import SourceText
@testable import YAML

@Suite("Bad YAML gives a located diagnostic")
struct ErrorTests {
    @Test func duplicateKeysAtAnyDepthNameBothPlaces() throws {
        let text = """
        plan: a
        company:
          name: A
          name: B
        engagements:
          - id: x
            id: y
        plan: b
        """
        let result = load(text)
        #expect(codes(result) == ["yaml.duplicate-key@4:3", "yaml.duplicate-key@7:5", "yaml.duplicate-key@8:1"])
        let first = try #require(result.diagnostics.first)
        #expect(first.notes.first?.location?.start == SourcePosition(line: 3, column: 3))
        #expect(first.message.contains("'name'"))
    }

    @Test func duplicateKeysInALargeMapping() {
        var text = (0..<40).map { "k\($0): \($0)\n" }.joined()
        text += "k7: again\n"
        #expect(codes(load(text)) == ["yaml.duplicate-key@41:1"])
    }

    @Test func aliasesResolveAndAliasBombsStopQuickly() throws {
        let ok = try #require(load("base: &b {country: PH}\ncopy: *b\n").document?.root)
        #expect(ok["copy"]?["country"]?.string == "PH")

        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            bomb += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        var result: YAMLLoadResult?
        let elapsed = clock.measure { result = load(bomb) }
        #expect(result.map(codes)?.first?.hasPrefix("yaml.alias-expansion@") == true)
        #expect(result?.document == nil)
        #expect(elapsed < .seconds(1))
    }

    @Test func anAliasToAnUnfinishedNodeIsRejected() {
        #expect(codes(load("a: &x [1, *x]\n")) == ["yaml.unknown-alias@1:11"])
    }

    @Test func deepNestingIsRejectedWithoutRecursion() {
        let deep = String(repeating: "[", count: 100_000)
        let clock = ContinuousClock()
        var result: YAMLLoadResult?
        let elapsed = clock.measure { result = load(deep) }
        #expect(result.map(codes) == ["yaml.too-deep@1:257"])
        #expect(elapsed < .seconds(1))
    }

    @Test func invalidUTF8IsLocated() {
        var bytes = Array("plan: ok\nname: caf".utf8)
        bytes.append(0xFF)
        bytes += Array("\n".utf8)
        let result = YAMLLoader().load(bytes: bytes, path: "bad.yaml")
        #expect(codes(result) == ["yaml.invalid-utf8@2:10"])
    }

    @Test func tabsInIndentation() throws {
        let result = load("a: 1\nb:\n\t- x\n")
        #expect(codes(result) == ["yaml.tab-indentation@3:1"])
        #expect(result.diagnostics.first?.help == "replace the tab with spaces")
    }

    @Test func unclosedQuotePointsAtTheOpeningQuote() throws {
        let result = load("a: 1\nb: \"never closed\nc: 2\n")
        #expect(codes(result) == ["yaml.unclosed-quote@2:4"])
        #expect(result.diagnostics.first?.notes.first?.location?.start.line == 4)
    }

    @Test func emptyFilesAndCommentOnlyFiles() {
        #expect(codes(load("")) == ["yaml.empty@1:1"])
        #expect(codes(load("# nothing here\n")) == ["yaml.empty@1:1"])
    }

    @Test func multipleDocumentsAreRejected() {
        #expect(codes(load("a: 1\n---\nb: 2\n")) == ["yaml.multiple-documents@2:1"])
    }

    @Test func syntaxErrorsExplainTheFix() throws {
        let result = load("a: [1, 2\nb: 3\n")
        let d = try #require(result.diagnostics.first)
        #expect(d.code == .yamlSyntax)
        #expect(d.location?.start.line == 2)
        let colon = load("title: Plan: the sequel\n")
        #expect(colon.diagnostics.first?.help?.contains("quote the value") == true)
    }

    @Test func fileSizeLimit() {
        let result = load("a: 1234567890\n", limits: YAMLLimits(maxFileBytes: 8))
        #expect(codes(result) == ["yaml.file-too-large@1:1"])
    }

    @Test func missingFile() {
        let result = YAMLLoader().load(path: "/nonexistent/plan.yaml")
        #expect(result.diagnostics.map(\.code) == [.ioUnreadable])
        #expect(result.diagnostics.first?.message.contains("/nonexistent/plan.yaml") == true)
    }
}

@Suite("Unknown aliases keep the mapping intact")
struct UnknownAliasTests {
    @Test func theNextKeysStillRead() throws {
        let result = load("a: *nowhere\nb: 2\n")
        #expect(codes(result) == ["yaml.unknown-alias@1:4"])
        let root = try #require(result.document?.root)
        #expect(root["a"]?.isNull == true)
        #expect(root["b"]?.int == 2)
    }
}

import Foundation
import Testing
import TestScratch
import PlanGenerator
@testable import Policy
import Reference
import SourceText
@testable import YAML

/// A large plan's engagements are read a piece of the file at a time, each piece's tree
/// let go once read (`YAMLListPieces`). The plan, its problems and its findings must be
/// exactly those of the plan read whole.
@Suite("A large plan read in pieces")
struct PlanInPiecesTests {
    static let loader = PlanLoader(today: CivilDate(year: 2026, month: 12, day: 1)!)

    /// `source` cut into 4 pieces, its engagements kept apart.
    static func cut(_ source: SourceFile) throws -> YAMLLoadResult {
        try #require(ChunkedYAML.load(source: source, limits: .default, pieces: 4, minimumBytes: 0, keepingApart: "engagements"))
    }

    /// The file read whole (sequentially) and read with its engagements apart, in 4 pieces,
    /// and whether every piece's tree was let go once read. With `ownBytes` the file is
    /// read from disk and kept open, so it lets its bytes go before the pieces are parsed,
    /// and each piece parses a copy of its own bytes and keeps none of them
    /// (`SourceFile.releaseText()`, `HeldBytes`).
    static func bothWays(_ text: String, ownBytes: Bool = false) throws
        -> (whole: PlanLoadResult, apart: PlanLoadResult, piecesLetGo: Bool) {
        let whole = loader.interpret(YAMLLoader(parallel: false).load(text: text, path: "big.yaml"))
        func source() throws -> SourceFile {
            guard ownBytes else { return SourceFile(path: "big.yaml", text: text) }
            let path = TestScratch.root + "/big-\(text.utf8.count).yaml"
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            return SourceFile(path: "big.yaml", bytes: Array(text.utf8), openFile: OpenFile(descriptor: open(path, O_RDONLY)))
        }
        if ownBytes {
            // A piece holds its own bytes only; the skeleton its own.
            let looked = try Self.cut(source())
            let pieces = try #require(looked.listPieces)
            // The first piece that stands alone (a piece is taken once: one call each).
            var firstPiece: YAMLDocument?
            for p in 0..<pieces.pieceCount where firstPiece == nil { firstPiece = pieces.take(p) }
            let piece = try #require(firstPiece)
            let pieceBytes = piece.held.bytes.count
            #expect(pieceBytes > 0 && pieceBytes < text.utf8.count / 2)
            #expect(try #require(looked.document).held.bytes.count < text.utf8.count / 4)
        }
        let file = try source()
        let read = try Self.cut(file)
        #expect(read.listPieces?.pieceCount == 4)
        #expect(file.holdsText == !ownBytes)
        let pieces = try #require(read.listPieces)
        pieces.watchTrees()
        let apart = loader.interpret(read)
        return (whole, apart, !(0..<pieces.pieceCount).contains { pieces.treeIsHeld($0) })
    }

    private func places(_ plan: Plan) -> [String] {
        func describe(_ place: PlanPlace) -> String {
            let names = place.kind.schema.fields.map(\.name)
            return ([place.span] + names.compactMap { place.span(of: $0) }).map { "\($0.start)-\($0.end)" }.joined(separator: " ")
        }
        var all: [String] = []
        for e in plan.engagements {
            var parts: [PlanPlace] = [e.place, e.provider.place]
            parts += e.locations.map(\.place)
            parts += e.data.map(\.place)
            parts += e.languages.map(\.place)
            parts += e.subcontractors.map(\.place)
            if let cost = e.cost { parts.append(cost.place) }
            all += parts.map(describe)
        }
        return all
    }

    @Test(arguments: [false, true])
    func theSamePlanAndFindings(ownBytes: Bool) throws {
        let (whole, apart, letGo) = try Self.bothWays(PlanGenerator(engagements: 1_500, seed: 7).text(), ownBytes: ownBytes)
        let a = try #require(whole.plan), b = try #require(apart.plan)
        #expect(letGo, "a piece's tree outlived the reading of its engagements")
        #expect(a.engagements.map(\.id) == b.engagements.map(\.id))
        #expect(a.engagements.map(\.index) == Array(0..<1_500))
        #expect(b.engagements.map(\.index) == Array(0..<1_500))
        #expect(places(a) == places(b))
        #expect(a.countries.map(\.code) == b.countries.map(\.code))
        #expect(a.providers.map(\.name) == b.providers.map(\.name))
        #expect(a.company.currency == b.company.currency)

        let left = try exampleRuleFindings(a), right = try exampleRuleFindings(b)
        #expect(left.count > 100)
        #expect(left.map(\.fingerprint) == right.map(\.fingerprint))
        #expect(left.map(\.message) == right.map(\.message))
        #expect(left.map { $0.location.map { "\($0.start)-\($0.end)" } } == right.map { $0.location.map { "\($0.start)-\($0.end)" } })
    }

    /// What is written after the list (the generated plan's waivers, here one more with
    /// quoted and non-ASCII text and a bad date) is read from the skeleton, whose bytes
    /// after the emptied list stand earlier than in the file: spans there, a scalar's end
    /// included, are the file's.
    @Test(arguments: [false, true])
    func whatFollowsTheListKeepsItsPlaces(ownBytes: Bool) throws {
        let text = PlanGenerator(engagements: 1_500, seed: 7).text() + """
              - rule: "TZ-001"
                engagement: moderation-001499
                reason: 'Hand-off agreed in Kraków; review in São Paulo'
                approved_by: Ana Łukasiewicz
                expires: "2027-13-45"

            """
        let (whole, apart, _) = try Self.bothWays(text, ownBytes: ownBytes)
        let problems = whole.diagnostics.filter { $0.location.map { $0.start.line > 20_000 } ?? false }
        #expect(!problems.isEmpty)
        #expect(whole.diagnostics.map(DiagnosticRenderer().render) == apart.diagnostics.map(DiagnosticRenderer().render))
        #expect(whole.diagnostics.map { $0.location.map { "\($0.start)-\($0.end)" } } == apart.diagnostics.map { $0.location.map { "\($0.start)-\($0.end)" } })
    }

    @Test(arguments: [false, true])
    func problemsAcrossPiecesAreThoseOfTheWholePlan(ownBytes: Bool) throws {
        var text = PlanGenerator(engagements: 1_500, seed: 7).text()
        // An id used again near the end (in the last piece), and an unknown country in another.
        text = text.replacingOccurrences(of: "- id: moderation-001499", with: "- id: dataeng-000001")
        text = text.replacingOccurrences(of: "country: MX, city: Monterrey", with: "country: XX, city: Monterrey")
        let (whole, apart, _) = try Self.bothWays(text, ownBytes: ownBytes)
        #expect(whole.plan == nil && apart.plan == nil)
        #expect(whole.diagnostics.map(\.description) == apart.diagnostics.map(\.description))
        #expect(whole.diagnostics.map(DiagnosticRenderer().render) == apart.diagnostics.map(DiagnosticRenderer().render))
        #expect(apart.diagnostics.contains { $0.code == .planDuplicateEngagement })
        #expect(apart.diagnostics.contains { $0.code == .planUnknownCountry })
    }

    /// With no company currency, costs are reported in the first cost's currency: the
    /// first one written, even in an engagement that is itself invalid, wherever the piece
    /// it is in; a later cost in a currency with no rate is an error at that currency, in
    /// whichever piece it is. The near miss: the same plan with the company's currency
    /// stated has no such error where the rate is known.
    @Test(arguments: [false, true])
    func costsAreConvertedToTheFirstCostsCurrency(ownBytes: Bool) throws {
        var text = PlanGenerator(engagements: 1_500, seed: 7).text()
        let first = try #require(text.range(of: "currency: USD"))
        text.replaceSubrange(first, with: "currency: EUR")
        // The first engagement loses its id, so it is invalid but still gives the currency.
        let firstID = try #require(text.range(of: "  - id: "))
        text.replaceSubrange(firstID, with: "  - name: ")
        let late = try #require(text.range(of: "currency: USD", options: .backwards))
        text.replaceSubrange(late, with: "currency: KPW")
        let (whole, apart, _) = try Self.bothWays(text, ownBytes: ownBytes)
        #expect(whole.diagnostics.map(DiagnosticRenderer().render) == apart.diagnostics.map(DiagnosticRenderer().render))
        let noRate = apart.diagnostics.filter { $0.code == .planUnknownExchangeRate }
        #expect(noRate.map(\.message) == ["no exchange rate from KPW to EUR, the reporting currency"])
        #expect(noRate.first?.location?.start.line == text[..<late.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count)

        let stated = text.replacingOccurrences(of: "  hours: \"09:00-17:00\"\n\nengagements:",
                                               with: "  hours: \"09:00-17:00\"\n  currency: USD\n  fx: { KPW: 1300 }\n\nengagements:")
        #expect(stated != text, "the company's currency was not added")
        let (statedWhole, statedApart, _) = try Self.bothWays(stated, ownBytes: ownBytes)
        #expect(statedWhole.diagnostics.map(\.description) == statedApart.diagnostics.map(\.description))
        #expect(!statedApart.diagnostics.contains { $0.code == .planUnknownExchangeRate })
    }

    /// A change to the generated plan that leaves a piece unable to stand alone.
    struct Unsound: Sendable, CustomTestStringConvertible {
        let name: String
        /// Items counted when the file is cut, beyond the plan's real ones.
        let extraItemLines: Int
        /// Whether the changed file is still a plan (the syntax error is not).
        let isPlan: Bool
        let change: @Sendable (String) -> String

        var testDescription: String { name }
    }

    /// A multi-line quoted scalar with a line that looks like an item (the items counted
    /// when the file is cut are one too many), an alias in the last piece to an anchor in
    /// the first, and a syntax error in a middle piece.
    static let unsound: [Unsound] = [
        Unsound(name: "an item line inside a quoted scalar", extraItemLines: 1, isPlan: true) { text in
            text.replacingOccurrences(of: "    attributes: { cost_center: ENG-48 }\n",
                                      with: "    attributes: { cost_center: ENG-48, note: \"one line\n  - and the next\" }\n")
        },
        Unsound(name: "an alias to another piece", extraItemLines: 0, isPlan: true) { text in
            var text = text.replacingOccurrences(of: "    attributes: { cost_center: ENG-48 }\n",
                                                 with: "    attributes: &shared { cost_center: ENG-48 }\n")
            let last = text.range(of: "    controls: [", options: .backwards)!
            text.replaceSubrange(last, with: "    attributes: *shared\n    controls: [")
            return text
        },
        Unsound(name: "a syntax error", extraItemLines: 0, isPlan: false) { text in
            let middle = text.index(text.startIndex, offsetBy: text.utf8.count / 2)
            let line = text.range(of: "    controls: [", range: middle..<text.endIndex)!
            return text.replacingCharacters(in: line, with: "    controls: [\"unclosed, ")
        },
    ]

    /// A piece that cannot stand alone makes the whole file be read again on one thread:
    /// the plan (or its problems) is exactly that of the sequential read.
    @Test(arguments: Self.unsound, [false, true])
    func aPieceThatCannotStandAloneIsReadWhole(unsound: Unsound, ownBytes: Bool) throws {
        let plain = PlanGenerator(engagements: 1_500, seed: 7).text()
        let text = unsound.change(plain)
        #expect(text != plain, "the change did not apply")
        let (whole, apart, _) = try Self.bothWays(text, ownBytes: ownBytes)
        #expect(whole.diagnostics.map(DiagnosticRenderer().render) == apart.diagnostics.map(DiagnosticRenderer().render))
        #expect((whole.plan != nil) == unsound.isPlan)
        if let a = whole.plan, let b = apart.plan {
            #expect(a.engagements.map(\.id) == b.engagements.map(\.id))
            #expect(b.engagements.map(\.index) == Array(0..<1_500))
            #expect(places(a) == places(b))
            let left = try exampleRuleFindings(a), right = try exampleRuleFindings(b)
            #expect(left.map(\.fingerprint) == right.map(\.fingerprint))
            #expect(left.map(\.path) == right.map(\.path))
        }
    }

    /// The pieces say whether they stood alone only once read: a plan whose pieces all
    /// do says so, one with a piece that does not says that too (so it was read again).
    @Test func piecesSayWhetherTheyStoodAlone() throws {
        let plain = PlanGenerator(engagements: 1_500, seed: 7).text()
        let cases = [(text: plain, items: 1_500, standAlone: true)]
            + Self.unsound.map { (text: $0.change(plain), items: 1_500 + $0.extraItemLines, standAlone: false) }
        for (text, items, standAlone) in cases {
            let read = try Self.cut(SourceFile(path: "big.yaml", text: text))
            let pieces = try #require(read.listPieces)
            #expect(pieces.count == items)
            _ = Self.loader.interpret(read)
            #expect(pieces.finish().standAlone == standAlone)
        }
    }

    /// Pieces no reader took (a plan over the engagement limit is not read) are parsed
    /// when the reading is done, so the problems inside them are still reported.
    @Test func problemsInPiecesNobodyReadAreReported() throws {
        var loader = Self.loader
        loader.maxEngagements = 1_000
        let text = PlanGenerator(engagements: 1_500, seed: 7).text()
            .replacingOccurrences(of: "    controls: [soc2, audit-rights, sla]\n    cost: { annual: 1020000",
                                  with: "    controls: [soc2, audit-rights, sla]\n    cost: { annual: 99999999999999999999")
        #expect(text.contains("99999999999999999999"))
        let whole = loader.interpret(YAMLLoader(parallel: false).load(text: text, path: "big.yaml"))
        let read = try Self.cut(SourceFile(path: "big.yaml", text: text))
        let apart = loader.interpret(read)
        #expect(read.listPieces?.finish().standAlone == true, "the pieces were parsed, not the whole file again")
        #expect(apart.diagnostics.contains { $0.code == .planTooManyEngagements })
        #expect(apart.diagnostics.contains { $0.code == .yamlIntegerOverflow })
        #expect(whole.diagnostics.map(DiagnosticRenderer().render) == apart.diagnostics.map(DiagnosticRenderer().render))
    }
}

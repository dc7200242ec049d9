import Spelling
@testable import SourceText
import Testing

/// Every "did you mean …?" chooses by `ClosestMatch`'s one rule.
@Suite("Did-you-mean selection")
struct SuggestionTests {
    @Test func theNearestCandidateWins() {
        #expect(Suggestions.closest(to: "contry", among: ["currency", "country", "city"]) == "country")
        #expect(ClosestMatch.find(to: "Europe/Berln", among: ["Europe/Paris", "Europe/Berlin"], limit: 2) == "Europe/Berlin")
    }

    /// A waiver of `DATA-004` (not loaded) got one of DATA-001/002/003 as its suggestion,
    /// a different one from run to run, since the loaded rule ids are a set: a tie is now
    /// no suggestion, whatever the candidates' order.
    @Test func aTieSuggestsNothing() {
        let ids = ["DATA-001", "DATA-002", "DATA-003", "LANG-001"]
        for order in [ids, ids.reversed(), Array(Set(ids))] {
            #expect(Suggestions.didYouMean("DATA-004", among: order) == nil, "\(order)")
            #expect(ClosestMatch.find(to: "DATA-004", among: order, limit: 3) == nil)
        }
        // The same name twice is not a tie.
        #expect(Suggestions.closest(to: "nmae", among: ["name", "name", "kind"]) == "name")
    }

    @Test func limitsAndExactNames() {
        #expect(Suggestions.closest(to: "name", among: ["name"]) == nil)
        #expect(Suggestions.closest(to: "xyz", among: ["country"]) == nil)
        #expect(ClosestMatch.find(to: "PHL", among: ["PH", "PHL"], limit: 1) == "PH")
    }
}

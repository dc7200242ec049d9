import Testing
@testable import Policy

/// A large plan's repeated texts and lists are kept once; what is shared must be exactly
/// what was written.
@Suite("Interning a plan's repeated texts")
struct StringInternerTests {
    private func storage(_ list: [String]) -> UnsafeRawPointer? {
        list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func aRepeatedListIsKeptOnce() {
        let strings = StringInterner()
        let first = strings.intern(["sla", "dpa", "nda"])
        let again = strings.intern(["sla", "dpa"] + ["nda"])
        #expect(again == ["sla", "dpa", "nda"])
        #expect(storage(first) == storage(again))
        let other = strings.intern(["sla", "nda", "dpa"])
        #expect(other == ["sla", "nda", "dpa"])
        #expect(storage(other) != storage(first))
    }

    @Test func aListIsSharedOnlyWithTheSameBytes() {
        let strings = StringInterner()
        let composed = strings.intern(["caf\u{E9}"])
        let decomposed = strings.intern(["cafe\u{301}"])
        // Equal as Swift strings (canonically equivalent), but written differently.
        #expect(composed == decomposed)
        #expect(Array(decomposed[0].utf8) == Array("cafe\u{301}".utf8))
        #expect(Array(composed[0].utf8) == Array("caf\u{E9}".utf8))
    }

    @Test func aLongTextIsSharedOnlyWithTheSameBytes() {
        let strings = StringInterner()
        let composed = strings.intern("Caf\u{E9} Operations Centre")
        let decomposed = strings.intern("Cafe\u{301} Operations Centre")
        #expect(Array(decomposed.utf8) == Array("Cafe\u{301} Operations Centre".utf8))
        #expect(Array(composed.utf8) == Array("Caf\u{E9} Operations Centre".utf8))
    }
}

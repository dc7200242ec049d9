import Testing
@testable import SourceText

/// Work on every core: results in order, and parts that shrink toward the end so no core
/// is left alone with a long last part.
@Suite("Work on every core")
struct ConcurrentlyTests {
    @Test func resultsComeInOrder() {
        #expect(Concurrently.map(100) { $0 * $0 } == (0..<100).map { $0 * $0 })
        #expect(Concurrently.map(1) { $0 + 7 } == [7])
        #expect(Concurrently.map(0) { $0 }.isEmpty)
    }

    @Test func partsShrinkTowardTheEnd() {
        let ends = Concurrently.shrinkingEnds(of: 100_000, parts: 8)
        #expect(ends.count == 8 && ends.last == 100_000)
        let sizes = zip([0] + ends, ends).map { $1 - $0 }
        #expect(sizes.reduce(0, +) == 100_000)
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $1 < $0 }, "\(sizes)")
        // From 1.75 to 0.25 times an even share (12,500).
        #expect(sizes.first! > 21_000 && sizes.first! <= 21_875 && sizes.last! >= 3_125 && sizes.last! < 4_000, "\(sizes)")
    }

    @Test func fewerItemsThanPartsStillCoverEveryItemOnce() {
        for total in [0, 1, 3, 7] {
            let ends = Concurrently.shrinkingEnds(of: total, parts: 8)
            #expect(ends.last == total && zip([0] + ends, ends).allSatisfy { $0 <= $1 }, "\(ends)")
        }
        #expect(Concurrently.shrinkingEnds(of: 50, parts: 1) == [50])
    }
}

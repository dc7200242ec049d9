@testable import Policy
import Testing

/// Findings with the same message share one string (`MessageMemo`), and a message is
/// always its own parts' bytes, whatever the memo held before.
@Suite("Message memo")
struct MessageMemoTests {
    /// The message of `parts` through `memo`.
    static func message(_ parts: [String], _ memo: inout MessageMemo) -> String {
        withUnsafeTemporaryAllocation(of: String.self, capacity: parts.count) { buffer in
            for (i, part) in parts.enumerated() { buffer.initializeElement(at: i, to: part) }
            defer { buffer.deinitialize() }
            return memo.message(buffer, length: parts.reduce(0) { $0 + $1.utf8.count })
        }
    }

    /// The address of a string's bytes: equal for two strings that share storage.
    static func storage(_ text: String) -> UnsafePointer<UInt8>? {
        var text = text
        return text.withUTF8 { $0.baseAddress }
    }

    /// The same template's parts with the same texts give the one string made first.
    @Test func aRepeatedMessageIsOneString() {
        var memo = MessageMemo()
        let parts = ["Manila City", " overlaps the business day by ", "0.0", " h"]
        let first = Self.message(parts, &memo)
        let again = Self.message(parts.map { String(decoding: Array($0.utf8), as: UTF8.self) }, &memo)
        #expect(first == "Manila City overlaps the business day by 0.0 h")
        #expect(Self.storage(first) == Self.storage(again), "the second message shares the first one's storage")
        let other = Self.message(["Cebu City", " overlaps the business day by ", "0.0", " h"], &memo)
        #expect(Self.storage(other) != Self.storage(first))
    }

    /// Many more messages than slots, revisited in another order, each with parts cut
    /// differently: every message is exactly its parts' bytes.
    @Test func everyMessageIsItsOwnParts() {
        var memo = MessageMemo(slotCount: 4)
        let texts = (0..<200).map { "Location \($0 % 37) overlaps by \(Double($0 % 13) / 2) h, provider \($0 % 5)" }
        for (step, text) in (texts + texts.reversed()).enumerated() {
            let bytes = Array(text.utf8)
            let cut = step % bytes.count
            let parts = [String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self), ""]
            let made = Self.message(parts, &memo)
            #expect(Array(made.utf8) == bytes, "step \(step)")
        }
    }

    /// Canonically equivalent messages written with other bytes are not shared.
    @Test func equivalentButDifferentBytesAreTwoMessages() {
        var memo = MessageMemo(slotCount: 1)
        let composed = Self.message(["Malm\u{F6}", " is not Lund"], &memo)
        let decomposed = Self.message(["Malmo\u{308}", " is not Lund"], &memo)
        #expect(Array(composed.utf8) == Array("Malm\u{F6} is not Lund".utf8))
        #expect(Array(decomposed.utf8) == Array("Malmo\u{308} is not Lund".utf8))
    }
}

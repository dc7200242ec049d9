#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The messages one rule has made on one thread, so that findings with the same message
/// share one string: a large plan repeats a message thousands of times ("Manila overlaps
/// the company's business day by 0.0 h"), each otherwise its own allocation. A table of
/// `slotCount` slots, each message in the one slot its hash picks, a newer message
/// replacing an older one there; a message is shared only with one of the same bytes
/// (never one merely canonically equivalent), so what is reported is what was made.
struct MessageMemo {
    private var texts: [String] = []
    /// Each slot's message hash (0: empty).
    private var hashes: [UInt64] = []
    let slotCount: Int

    init(slotCount: Int = 64) {
        precondition(slotCount > 0 && slotCount & (slotCount - 1) == 0, "a power of two")
        self.slotCount = slotCount
    }

    /// The message whose bytes are `parts` one after the other (`length` bytes in all):
    /// the one made before with those bytes, or a new one, kept for the next.
    mutating func message(_ parts: UnsafeMutableBufferPointer<String>, length: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in parts.indices {
            parts[i].withUTF8 { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
        }
        if hash == 0 { hash = 1 }
        if texts.isEmpty {
            texts = Array(repeating: "", count: slotCount)
            hashes = Array(repeating: 0, count: slotCount)
        }
        let slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
        if hashes[slot] == hash, Self.text(&texts[slot], is: parts, length: length) { return texts[slot] }
        let made = String(unsafeUninitializedCapacity: length) { out in
            var at = 0
            for i in parts.indices {
                parts[i].withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: out[at..<at + bytes.count]).initialize(from: bytes)
                    at += bytes.count
                }
            }
            return at
        }
        texts[slot] = made
        hashes[slot] = hash
        return made
    }

    /// True when `text`'s bytes are `parts`' bytes one after the other.
    private static func text(_ text: inout String, is parts: UnsafeMutableBufferPointer<String>, length: Int) -> Bool {
        text.withUTF8 { kept in
            guard kept.count == length else { return false }
            var at = 0
            for i in parts.indices {
                let same = parts[i].withUTF8 { bytes in
                    bytes.isEmpty || memcmp(kept.baseAddress! + at, bytes.baseAddress!, bytes.count) == 0
                }
                guard same else { return false }
                at += parts[i].utf8.count
            }
            return true
        }
    }
}

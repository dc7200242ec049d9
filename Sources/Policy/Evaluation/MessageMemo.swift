import CEL

/// The messages one rule has made on one thread, so that findings with the same message
/// share one string: a large plan repeats a message thousands of times ("Manila overlaps
/// the company's business day by 0.0 h"), each otherwise its own allocation. Messages are
/// kept by the hash of their template's parts (`Fingerprint`) in a `SlotTable`, and one is
/// shared only with a message of the same bytes (never one merely canonically equivalent),
/// so what is reported is what was made.
struct MessageMemo {
    private var table: SlotTable<String>

    init(slotCount: Int = 64) {
        table = SlotTable(slotCount: slotCount)
    }

    /// The message whose bytes are `parts` one after the other (`length` bytes in all):
    /// the one made before from parts with those bytes, or a new one, kept for the next.
    mutating func message(_ parts: UnsafeMutableBufferPointer<String>, length: Int) -> String {
        var hash = Fingerprint()
        for part in parts { hash.add(part) }
        if let kept = table.withEntry(for: hash.value, where: { Self.text($0, is: parts, length: length) }, { $0 }) {
            return kept
        }
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
        table.keep(made, for: hash.value)
        return made
    }

    /// True when `text`'s bytes are `parts`' bytes one after the other.
    private static func text(_ text: String, is parts: UnsafeMutableBufferPointer<String>, length: Int) -> Bool {
        var text = text
        return text.withUTF8 { kept in
            guard kept.count == length else { return false }
            var at = 0
            for i in parts.indices {
                let same = parts[i].withUTF8 { bytes in
                    sameBytes(UnsafeBufferPointer(rebasing: kept[at..<at + bytes.count]), bytes)
                }
                guard same else { return false }
                at += parts[i].utf8.count
            }
            return true
        }
    }
}

/// A memo of a fixed number of slots (a power of two) that never grows: each entry sits in
/// the one slot its 64-bit hash picks, a newer entry replacing an older one there. A lookup
/// is one hash comparison, and the caller then compares the entry itself. One per rule and
/// thread in evaluation (the because lines, the messages), so it must stay small.
struct SlotTable<Entry> {
    private var entries: [Entry?] = []
    /// Each slot's hash (0: empty; a hash of 0 is kept as 1).
    private var hashes: [UInt64] = []
    let slotCount: Int

    init(slotCount: Int) {
        precondition(slotCount > 0 && slotCount & (slotCount - 1) == 0, "a power of two")
        self.slotCount = slotCount
    }

    /// The entry kept under `hash` for which `matches` holds, lent to `body` in place (no
    /// copy of the entry); nil when the slot holds another or none.
    func withEntry<Result>(for hash: UInt64, where matches: (Entry) -> Bool, _ body: (Entry) -> Result) -> Result? {
        guard !hashes.isEmpty else { return nil }
        let slot = slot(hash)
        guard hashes[slot] == Self.stored(hash) else { return nil }
        return entries.withUnsafeBufferPointer { entries in
            guard let entry = entries[slot], matches(entry) else { return nil }
            return body(entry)
        }
    }

    /// Keeps `entry` under `hash`, in place of what its slot held.
    mutating func keep(_ entry: Entry, for hash: UInt64) {
        if hashes.isEmpty {
            entries = Array(repeating: nil, count: slotCount)
            hashes = Array(repeating: 0, count: slotCount)
        }
        let slot = slot(hash)
        entries[slot] = entry
        hashes[slot] = Self.stored(hash)
    }

    private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & (slotCount - 1) }
    private static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }
}

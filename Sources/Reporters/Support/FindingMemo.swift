import Policy

/// What a JSON reporter keeps from finding to finding while it writes a run of them
/// (about one per rendering thread, see `ParallelRendering`): the display forms of the
/// last file, the JSON of the `because` lists it wrote last, and the reporter's member
/// prefixes for a finding object at the indent it writes them.
struct FindingMemo: Sendable {
    var paths: DisplayPathMemo
    var because = BecauseJSONMemo()
    var members: JSONMemberPrefixes?

    init(options: ReportOptions) {
        paths = DisplayPathMemo(options: options)
    }
}

/// The JSON of recently written `because` lists. A rule's findings whose operands had the
/// same values share one list (`Explanation.because`), so most lists come again and
/// again: each is escaped and laid out once, then copied. A list is known by its storage:
/// an entry holds the list it was made from, so while it is kept no other list can have
/// that storage. A table of `slotCount` slots, a newer list replacing an older one in its
/// slot; it never grows.
struct BecauseJSONMemo: Sendable {
    private struct Entry: Sendable {
        let lines: [Because]
        let indent: Int
        let json: [UInt8]
    }

    private var entries: [Entry?] = []
    static let slotCount = 1_024

    /// `out.appendBecause(lines, indent: indent)`, copied from the memo when `lines` was
    /// written at this indent before.
    mutating func append(_ lines: [Because], indent: Int, to out: UTF8Text) {
        let storage = lines.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let slot = Int(truncatingIfNeeded: (storage >> 4) ^ (storage >> 12)) & (Self.slotCount - 1)
        if !entries.isEmpty, let kept = entries[slot], kept.indent == indent,
           kept.lines.withUnsafeBufferPointer({ UInt(bitPattern: $0.baseAddress) }) == storage {
            kept.json.withUnsafeBufferPointer { out.append($0) }
            return
        }
        let start = out.count
        out.appendBecause(lines, indent: indent)
        if entries.isEmpty { entries = Array(repeating: nil, count: Self.slotCount) }
        entries[slot] = Entry(lines: lines, indent: indent, json: out.bytes(from: start))
    }
}

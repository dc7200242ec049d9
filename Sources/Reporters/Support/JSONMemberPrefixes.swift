/// What comes before each member's value in an object laid out at one indent — `,`, a
/// line break, the indent, the quoted key and `: ` — as `UTF8Text.member` writes it,
/// made once for a list of keys: writing a member is then one copy.
struct JSONMemberPrefixes: Sendable {
    /// The indent of the object the members belong to.
    let indent: Int
    private let bytes: [UInt8]
    /// Where each key's prefix starts in `bytes` (and, last, where the last one ends).
    private let starts: [Int]

    init(_ keys: [StaticString], indent: Int) {
        let out = UTF8Text()
        var starts = [0]
        for key in keys {
            out.member(key, indent: indent)
            starts.append(out.count)
        }
        self.indent = indent
        self.bytes = out.bytes(from: 0)
        self.starts = starts
    }

    /// `out.member(keys[key], first: first, indent: indent)`.
    func append(_ key: Int, first: Bool = false, to out: UTF8Text) {
        // A first member has no `,` and line break before it: two bytes fewer.
        let from = starts[key] + (first ? 2 : 0), to = starts[key + 1]
        bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[from..<to])) }
    }
}

import SourceText

/// The bytes of a file that a parse reads and its document keeps: the whole file, or —
/// for a large file read in pieces once the file has let its own bytes go — one piece's
/// copy, or the skeleton's (the file with its long list emptied). A scalar whose text is
/// the file's own bytes is stored as an index into `bytes`.
struct HeldBytes: Sendable {
    let bytes: [UInt8]
    /// The file offset of `bytes[0]`.
    private let base: Int
    /// File offsets in `gap` are not held; those after it are `gapShift` bytes earlier in
    /// `bytes` than a plain copy would put them.
    private let gap: Range<Int>, gapShift: Int

    /// The whole file.
    static func whole(_ bytes: [UInt8]) -> HeldBytes {
        HeldBytes(bytes: bytes, base: 0, gap: Int.max..<Int.max, gapShift: 0)
    }

    /// No bytes: every scalar's text is stored apart.
    static let none = HeldBytes(bytes: [], base: 0, gap: Int.max..<Int.max, gapShift: 0)

    /// A copy of the file's bytes from offset `base` on.
    static func piece(_ bytes: [UInt8], at base: Int) -> HeldBytes {
        HeldBytes(bytes: bytes, base: base, gap: Int.max..<Int.max, gapShift: 0)
    }

    /// The file with the bytes of `emptied` replaced by `replacement` bytes (a
    /// skeleton's line breaks), which hold no text of the file.
    static func skeleton(_ bytes: [UInt8], emptied: Range<Int>, replacement: Int) -> HeldBytes {
        HeldBytes(bytes: bytes, base: 0, gap: emptied, gapShift: emptied.count - replacement)
    }

    /// The index in `bytes` of file offset `offset`; nil when it is not held.
    @inline(__always)
    func index(of offset: Int) -> Int? {
        guard offset >= base, !gap.contains(offset) else { return nil }
        let index = offset - base - (offset >= gap.upperBound ? gapShift : 0)
        return index < bytes.count ? index : nil
    }

    /// The bytes of the file's `range`, all held in one run (a part's input).
    func bytes(of range: Range<Int>) -> ArraySlice<UInt8> {
        let first = index(of: range.lowerBound) ?? 0
        return bytes[first..<first + range.count]
    }

    /// The file offset of a libyaml mark (0-based `line` and `column` in the file), nil
    /// when it names no character of its line; a byte these do not hold (none should be
    /// needed: only a line that is not all ASCII is read) is read from `source`.
    /// `cursor` is the caller's (`LineTable.Cursor`): the marks of a parse come in order.
    @inline(__always)
    func offset(line: Int, column: Int, in lines: LineTable, source: SourceFile, cursor: inout LineTable.Cursor) -> Int? {
        if gap.lowerBound == Int.max {
            return lines.offset(line: line, column: column, after: &cursor) { bytes[$0 - base] }
        }
        return lines.offset(line: line, column: column, after: &cursor) { byte(at: $0) ?? source.byte(at: $0) ?? 0 }
    }

    /// The 1-based position of file offset `offset`; a column on a line these bytes do
    /// not hold is counted by `source`.
    func position(of offset: Int, in lines: LineTable, source: SourceFile) -> SourcePosition {
        lines.position(of: offset) { column(from: $0, to: $1) ?? source.column(from: $0, to: $1) }
    }

    /// The byte at file offset `offset`, when held.
    func byte(at offset: Int) -> UInt8? { index(of: offset).map { bytes[$0] } }

    /// 1 + the Unicode scalars from `lineStart` to `offset` (one line), when they are held.
    func column(from lineStart: Int, to offset: Int) -> Int? {
        guard offset > lineStart else { return 1 }
        guard let first = index(of: lineStart), let last = index(of: offset - 1),
              last - first == offset - 1 - lineStart else { return nil }
        return LineTable.column(after: bytes[first...last])
    }
}

import SourceText

/// An open document: its text as the editor has it (UTF-8), its version, and where
/// its lines start as LSP counts them (`\n`, `\r\n` and `\r` end a line).
struct TextDocument: Sendable {
    let uri: String
    /// The file path for a `file:` URI, else the URI itself.
    public let path: String
    private(set) var version: Int
    private(set) var bytes: [UInt8]
    private var lineStarts: [Int]
    /// In a text with a line longer than a block (a plan written as one line of JSON):
    /// the UTF-16 units before each 4 KiB block, so the position of an offset far along
    /// the line is counted from the nearest block, not from the line's start (once per
    /// diagnostic and hint, that took time in the square of the line). Else empty.
    private var unitsBeforeBlock: [Int]
    private static let blockShift = 12
    /// A `SourceFile` of this text, for Shore's positions: one per edit, so its line table
    /// is built once for all the requests on this version.
    private(set) var sourceFile: SourceFile
    /// The keys at the top of the text (`DocumentKind.topLevelKeys`), which say what kind
    /// of file it is: read once per edit, not per request (a 6 MB one-line plan's keys
    /// took half of each request's time).
    private(set) var topLevelKeys: Set<String>

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = DocumentURI.path(of: uri)
        self.version = version
        self.bytes = Array(text.utf8)
        self.lineStarts = Self.lineStarts(of: bytes)
        self.unitsBeforeBlock = Self.unitsBeforeBlock(of: bytes, lineStarts: lineStarts)
        sourceFile = SourceFile(path: path, bytes: bytes)
        topLevelKeys = DocumentKind.topLevelKeys(bytes)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Applies `didChange` content changes in order: a change with a `range` replaces
    /// that range, one without replaces the whole text.
    mutating func apply(_ changes: [(range: LSPRange?, text: String)], version: Int) {
        for change in changes {
            if let range = change.range {
                let from = offset(of: range.start)
                let to = max(from, offset(of: range.end))
                bytes.replaceSubrange(from..<to, with: Array(change.text.utf8))
            } else {
                bytes = Array(change.text.utf8)
            }
            lineStarts = Self.lineStarts(of: bytes)
        }
        unitsBeforeBlock = Self.unitsBeforeBlock(of: bytes, lineStarts: lineStarts)
        sourceFile = SourceFile(path: path, bytes: bytes)
        topLevelKeys = DocumentKind.topLevelKeys(bytes)
        self.version = version
    }

    // MARK: Positions

    /// The byte offset of an LSP position (UTF-16 column), clamped to the line and text.
    /// Far along a long line the walk starts at the last block that begins before the
    /// column (`blockBefore`), so a request there does not count the whole line so far.
    public func offset(of position: LSPPosition) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        var index = lineStarts[position.line]
        var units = 0
        if !unitsBeforeBlock.isEmpty, position.character > 2 << Self.blockShift,
           let block = blockBefore(unit: position.character, onLine: position.line) {
            (index, units) = block
        }
        while index < bytes.count, units < position.character, bytes[index] != 0x0A, bytes[index] != 0x0D {
            let (scalar, length) = Self.decode(bytes, at: index)
            if units + scalar.utf16.count > position.character { break }
            units += scalar.utf16.count
            index += length
        }
        return index
    }

    /// The LSP position of a byte offset.
    func position(ofOffset offset: Int) -> LSPPosition {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        if !unitsBeforeBlock.isEmpty, clamped - lineStarts[low] > 2 << Self.blockShift {
            return LSPPosition(line: low, character: unitsBefore(clamped) - unitsBefore(lineStarts[low]))
        }
        var units = 0
        var index = lineStarts[low]
        while index < clamped {
            let (scalar, length) = Self.decode(bytes, at: index)
            units += scalar.utf16.count
            index += length
        }
        return LSPPosition(line: low, character: units)
    }

    /// Shore's 1-based line and column (in Unicode scalars) as an LSP position.
    func position(of shore: SourcePosition, in file: SourceFile) -> LSPPosition {
        position(ofOffset: file.byteOffset(of: shore))
    }

    /// An LSP position as Shore's 1-based line and column.
    func shorePosition(of position: LSPPosition, in file: SourceFile) -> SourcePosition {
        file.position(ofByteOffset: offset(of: position))
    }

    /// The range of a Shore span (a span past the end of its line stays on it).
    func range(of span: SourceSpan, in file: SourceFile) -> LSPRange {
        let start = position(of: span.start, in: file)
        let end = position(of: span.end, in: file)
        return LSPRange(start: start, end: end < start ? start : end)
    }

    /// The text of 0-based line `line` up to `character` (UTF-16), as scalars.
    func linePrefix(_ position: LSPPosition) -> String {
        guard position.line >= 0, position.line < lineStarts.count else { return "" }
        let from = lineStarts[position.line]
        return String(decoding: bytes[from..<max(from, offset(of: position))], as: UTF8.self)
    }

    /// The whole text of 0-based line `line`, without its line break.
    public func line(_ line: Int) -> String {
        guard line >= 0, line < lineStarts.count else { return "" }
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        while end > lineStarts[line], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[lineStarts[line]..<end], as: UTF8.self)
    }

    var lineCount: Int { lineStarts.count }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                starts.append(index + 1)
            } else if bytes[index] == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        return starts
    }

    /// `unitsBeforeBlock`, or nothing when every line is at most a block long.
    private static func unitsBeforeBlock(of bytes: [UInt8], lineStarts: [Int]) -> [Int] {
        let blockBytes = 1 << blockShift
        let ends = lineStarts.dropFirst() + [bytes.count]
        guard zip(lineStarts, ends).contains(where: { $1 - $0 > blockBytes }) else { return [] }
        var result: [Int] = []
        result.reserveCapacity(bytes.count >> blockShift + 1)
        var units = 0
        for block in 0...(bytes.count >> blockShift) {
            result.append(units)
            for index in block << blockShift..<min(bytes.count, (block + 1) << blockShift) { units += unitCount(bytes[index]) }
        }
        return result
    }

    /// The start of the last block on `line` whose units from the line's start are at most
    /// `unit`, moved past the rest of a character cut by the block start (those bytes add
    /// no units), with those units; nil when the line has no such block.
    private func blockBefore(unit: Int, onLine line: Int) -> (index: Int, units: Int)? {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        let before = unitsBefore(start)
        var low = (start >> Self.blockShift) + 1, high = end >> Self.blockShift
        guard low <= high, unitsBeforeBlock[low] - before <= unit else { return nil }
        while low < high {
            let mid = (low + high + 1) / 2
            if unitsBeforeBlock[mid] - before <= unit { low = mid } else { high = mid - 1 }
        }
        var index = low << Self.blockShift
        while index < end, bytes[index] & 0xC0 == 0x80 { index += 1 }
        return (index, unitsBeforeBlock[low] - before)
    }

    /// The UTF-16 units before byte `offset`: from the block it is in, on.
    private func unitsBefore(_ offset: Int) -> Int {
        var units = unitsBeforeBlock[offset >> Self.blockShift]
        for index in (offset >> Self.blockShift) << Self.blockShift..<offset { units += Self.unitCount(bytes[index]) }
        return units
    }

    /// What a byte of the text adds to a UTF-16 count: its scalar's units at the scalar's
    /// first byte, nothing at the others. (The text is always whole UTF-8: it comes from
    /// the editor's strings, and edits land between scalars.)
    private static func unitCount(_ byte: UInt8) -> Int {
        byte < 0x80 ? 1 : byte >= 0xF0 ? 2 : byte >= 0xC0 ? 1 : 0
    }

    /// The scalar at `index` and its length in bytes (an invalid byte reads as U+FFFD, one byte).
    private static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 1
        guard length > 1, index + length <= bytes.count else { return (lead < 0x80 ? Unicode.Scalar(lead) : "\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for i in 1..<length {
            let byte = bytes[index + i]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// A 0-based line and a column in UTF-16 code units.
struct LSPPosition: Sendable, Hashable, Comparable {
    public var line: Int
    var character: Int
    init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: LSPPosition, b: LSPPosition) -> Bool { (a.line, a.character) < (b.line, b.character) }

    init?(_ json: JSON?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int else { return nil }
        self.init(line: line, character: character)
    }

    var json: JSON { ["line": .int(line), "character": .int(character)] }
}

/// A range of LSP positions (end exclusive).
struct LSPRange: Sendable, Hashable {
    public var start: LSPPosition
    var end: LSPPosition
    init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    init?(_ json: JSON?) {
        guard let start = LSPPosition(json?["start"]), let end = LSPPosition(json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    public func contains(_ position: LSPPosition) -> Bool { start <= position && position <= end }

    var json: JSON { ["start": start.json, "end": end.json] }
}

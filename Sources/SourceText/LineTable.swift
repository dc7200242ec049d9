/// Where each line of a file starts: the one line table of a `SourceFile`, which its
/// diagnostics, reporters and YAML nodes all read (a node keeps one byte offset per
/// position instead of a line and a column). Lines break where libyaml breaks them: LF,
/// CR LF, a lone CR, NEL, LS and PS. Columns count Unicode scalars; a line of ASCII
/// only (nearly every line) turns an offset into a column by one subtraction.
public struct LineTable: Sendable {
    /// Start offset of each line (the first `lineCount` words); the top bit marks a line
    /// with a byte ≥ 0x80. A file that ends in a line break has one more, empty line, where
    /// libyaml's stream end lies. Then, for each block of 4 KiB of the file, the line its
    /// first byte is on: `position(of:)` searches only the lines between two blocks' (a
    /// few dozen), not the whole table — a large plan's findings look up hundreds of
    /// thousands of positions. Last, only in a file with a long line that is not all
    /// ASCII (`countsScalars`), the UTF-8 continuation bytes before each block's first byte:
    /// a column far along such a line (a plan written as one line of JSON) is then counted
    /// from the nearest block, not from the line's start — else every position on the line
    /// would cost the line's length, and reading it would take time in its square. One
    /// array, so a copy of the table costs one reference count.
    private let starts: [UInt32]
    private let lineCount: Int
    private let byteCount: Int
    private static let blockShift = 12
    private static let nonASCII: UInt32 = 1 << 31

    /// Largest file whose offsets fit (2 GiB).
    public static let maxBytes = Int(nonASCII) - 1

    /// True when every line break is LF or CR LF (no lone CR, NEL, LS or PS).
    public let breaksAreLF: Bool

    /// Whether `starts` ends with the continuation bytes before each block: some line that
    /// is not all ASCII is longer than a block.
    private let countsScalars: Bool

    /// Files at least this large are scanned in two halves at once.
    public static let parallelBytes = 4 << 20

    /// The lines of `bytes`; line 1 starts after a UTF-8 byte order mark (libyaml does
    /// not count the mark as a column). A large file is scanned in two halves at once,
    /// cut just after a line feed (so no break is split); `parallelFrom` is that size.
    /// Offsets past `maxBytes` are not recorded: a longer file has no lines there.
    public init(_ bytes: [UInt8], parallelFrom: Int = parallelBytes) {
        let n = min(bytes.count, Self.maxBytes)
        byteCount = n
        let middle = n >= parallelFrom ? bytes.withUnsafeBufferPointer { b in
            b[(n / 2)...].firstIndex(of: 0x0A).map { $0 + 1 }
        } : nil
        var starts: [UInt32]
        var breaksAreLF: Bool, hasLongNonASCIILine: Bool
        if let middle, middle < n {
            let halves = Concurrently.map(2) { half in
                Self.scan(bytes, half == 0 ? 0..<middle : middle..<n, isLast: half == 1)
            }
            let (first, second) = (halves[0], halves[1])
            starts = first.starts
            starts.append(contentsOf: second.starts)
            breaksAreLF = first.breaksAreLF && second.breaksAreLF
            hasLongNonASCIILine = first.hasLongNonASCIILine || second.hasLongNonASCIILine
        } else {
            (starts, breaksAreLF, hasLongNonASCIILine) = Self.scan(bytes, 0..<n, isLast: true)
        }
        if starts.isEmpty { starts.append(0) }
        lineCount = starts.count
        Self.appendBlockLines(to: &starts, byteCount: n)
        countsScalars = hasLongNonASCIILine
        if countsScalars { Self.appendContinuationCounts(to: &starts, bytes, byteCount: n) }
        self.starts = starts
        self.breaksAreLF = breaksAreLF
    }

    private static var blockBytes: Int { 1 << blockShift }

    /// The number of 4 KiB blocks, the last one perhaps partial (or empty).
    private var blockCount: Int { Self.blockCount(byteCount) }
    private static func blockCount(_ byteCount: Int) -> Int { byteCount >> blockShift + 1 }
    /// The first block start after `offset`.
    private static func blockStart(after offset: Int) -> Int { (offset >> blockShift + 1) << blockShift }

    /// Appends, for each block, the UTF-8 continuation bytes (10xxxxxx) before its first
    /// byte: a running count, so the scalars between two blocks are one subtraction.
    private static func appendContinuationCounts(to starts: inout [UInt32], _ bytes: [UInt8], byteCount: Int) {
        let blocks = blockCount(byteCount)
        starts.reserveCapacity(starts.count + blocks)
        var before: UInt32 = 0
        bytes.withUnsafeBufferPointer { b in
            for block in 0..<blocks {
                starts.append(before)
                let first = block << blockShift
                for i in first..<min(first + blockBytes, byteCount) where b[i] & 0xC0 == 0x80 { before += 1 }
            }
        }
    }

    /// The Unicode scalars between two block starts `from` ≤ `to` (multiples of the block
    /// size): their bytes less the continuation bytes among them.
    private func scalars(fromBlockStart from: Int, toBlockStart to: Int) -> Int {
        let counts = lineCount + blockCount
        let continuations = Int(starts[counts + to >> Self.blockShift]) - Int(starts[counts + from >> Self.blockShift])
        return to - from - continuations
    }

    /// 1 + the Unicode scalars from `lineStart` to `offset` on one line, where
    /// `count(from, to)` counts 1 + the scalars between two offsets of the line from the
    /// caller's bytes. On a long line that is not all ASCII only the bytes before the first
    /// block and after the last one are counted: the blocks between come from `starts`.
    @inline(__always)
    private func column(from lineStart: Int, to offset: Int, _ count: (Int, Int) -> Int) -> Int {
        guard countsScalars else { return count(lineStart, offset) }
        let firstBlock = Self.blockStart(after: lineStart)
        // (An offset past the file's end counts as its end, as the callers' counts do.)
        let lastBlock = (min(offset, byteCount) >> Self.blockShift) << Self.blockShift
        guard lastBlock > firstBlock else { return count(lineStart, offset) }
        return count(lineStart, firstBlock) + scalars(fromBlockStart: firstBlock, toBlockStart: lastBlock) + count(lastBlock, offset) - 1
    }

    /// Appends the line of each 4 KiB block (see `starts`): one pass over the lines.
    private static func appendBlockLines(to starts: inout [UInt32], byteCount: Int) {
        let lineCount = starts.count, blocks = blockCount(byteCount)
        starts.reserveCapacity(lineCount + blocks)
        var line = 0
        for block in 0..<blocks {
            let offset = block << blockShift
            while line + 1 < lineCount, Int(starts[line + 1] & ~nonASCII) <= offset { line += 1 }
            starts.append(UInt32(line))
        }
    }

    /// The starts of the lines that begin in `range`. A range that is not the file's last
    /// part ends just after a line break, so its last line is complete; the last part
    /// also gives the line after a final break (where libyaml's stream end lies). Also
    /// whether a line with a byte ≥ 0x80 is longer than a block.
    private static func scan(_ bytes: [UInt8], _ range: Range<Int>, isLast: Bool)
        -> (starts: [UInt32], breaksAreLF: Bool, hasLongNonASCIILine: Bool)
    {
        var starts: [UInt32] = []
        starts.reserveCapacity(range.count / 32 + 2)
        var breaksAreLF = true, hasLongNonASCIILine = false
        bytes.withUnsafeBufferPointer { b in
            let n = range.upperBound
            var lineStart = range.lowerBound == 0 && b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : range.lowerBound
            var ascii = true
            var i = lineStart
            func endLine(next: Int) {
                starts.append(UInt32(lineStart) | (ascii ? 0 : Self.nonASCII))
                if !ascii, next - lineStart > blockBytes { hasLongNonASCIILine = true }
                lineStart = next
                ascii = true
            }
            guard let base = b.baseAddress else { return }
            while i < n {
                // Eight bytes at a time while they are ASCII and hold no CR or LF.
                if i + 8 <= n {
                    if SourceFile.isASCIIWithoutLineBreaks(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                        i += 8
                        continue
                    }
                }
                let byte = b[i]
                // Only these bytes can start a break; the one test of what a break is lives in SourceFile.
                let breakLength = byte == 0x0A || byte == 0x0D || byte == 0xC2 || byte == 0xE2
                    ? SourceFile.lineBreakLength(bytes, at: i) : 0
                if byte >= 0x80 { ascii = false }
                if breakLength > 0 {
                    if byte != 0x0A && !(byte == 0x0D && breakLength == 2) { breaksAreLF = false }
                    i += breakLength
                    endLine(next: i)
                } else {
                    i += 1
                }
            }
            if isLast { endLine(next: n) }
        }
        return (starts, breaksAreLF, hasLongNonASCIILine)
    }

    /// How many line breaks end inside `range` (the lines that start in
    /// `range.lowerBound + 1 ... range.upperBound`).
    public func breakCount(in range: Range<Int>) -> Int {
        firstLine(startingAfter: range.upperBound) - firstLine(startingAfter: range.lowerBound)
    }

    /// The index of the first line that starts after `offset`.
    private func firstLine(startingAfter offset: Int) -> Int {
        var low = 0, high = lineCount
        while low < high {
            let mid = (low + high) / 2
            if start(mid) <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func start(_ line: Int) -> Int { Int(starts[line] & ~Self.nonASCII) }
    private func end(_ line: Int) -> Int { line + 1 < lineCount ? start(line + 1) : byteCount }

    /// The byte offset of 0-based `line` and `column` (Unicode scalars), or nil when that
    /// position does not come back from `position(of:in:)` unchanged (a column past its
    /// line's end): the caller keeps such a position as it is.
    public func offset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
        offset(line: line, column: column, in: bytes, from: 0)
    }

    /// `offset(line:column:in:)` where `bytes` are the file's from offset `base` on (a
    /// piece of it) and hold the line.
    public func offset(line: Int, column: Int, in bytes: [UInt8], from base: Int) -> Int? {
        offset(line: line, column: column) { bytes[$0 - base] }
    }

    /// The last column found on a line that is not all ASCII, and its offset: a later
    /// column of the same line is walked to from there (`offset(line:column:after:byte:)`),
    /// so the marks along a long line cost its length once, not once each.
    public struct Cursor: Sendable {
        var line = -1, column = 0, offset = 0
        public init() {}
        init(line: Int, column: Int, offset: Int) {
            self.line = line
            self.column = column
            self.offset = offset
        }
    }

    /// `offset(line:column:byte:)`, walking from `cursor` when it is on the same line a
    /// little before `column` (the next mark of a parse usually is), and moving it there.
    @inline(__always)
    public func offset(line: Int, column: Int, after cursor: inout Cursor, byte: (Int) -> UInt8) -> Int? {
        guard line >= 0, line < lineCount, starts[line] & Self.nonASCII != 0 else {
            return offset(line: line, column: column, byte: byte)
        }
        guard cursor.line == line, column >= cursor.column, column - cursor.column <= Self.blockBytes else {
            let found = offset(line: line, column: column, byte: byte)
            // Only an offset after a first step is at a character's first byte (or the
            // line's end), where the walk can go on from.
            if let found, column > 0 { cursor = Cursor(line: line, column: column, offset: found) }
            return found
        }
        let limit = end(line)
        var offset = cursor.offset
        for _ in cursor.column..<column {
            guard offset < limit else { return nil }
            offset += 1
            while offset < limit, byte(offset) & 0xC0 == 0x80 { offset += 1 }
        }
        guard offset < limit || (line == lineCount - 1 && offset == limit) else { return nil }
        cursor = Cursor(line: line, column: column, offset: offset)
        return offset
    }

    /// `offset(line:column:in:)`, reading a byte of a line that is not all ASCII with
    /// `byte(offset)` from where the caller keeps it.
    @inline(__always)
    public func offset(line: Int, column: Int, byte: (Int) -> UInt8) -> Int? {
        guard line >= 0, line < lineCount, column >= 0 else { return nil }
        let first = start(line), limit = end(line)
        let isLast = line == lineCount - 1
        if starts[line] & Self.nonASCII == 0 {
            let offset = first + column
            return offset < limit || (isLast && offset == limit) ? offset : nil
        }
        if countsScalars, column > Self.blockBytes, limit - first > 2 * Self.blockBytes, byte(first) & 0xC0 != 0x80 {
            return offset(onLongLine: first, limit: limit, isLast: isLast, column: column, byte: byte)
        }
        var offset = first
        for _ in 0..<column {
            guard offset < limit else { return nil }
            offset += 1
            while offset < limit, byte(offset) & 0xC0 == 0x80 { offset += 1 }
        }
        guard offset < limit || (isLast && offset == limit) else { return nil }
        // Back to a column: the same line, so only the scalars before the offset count
        // (`column(after:)`, counted here through `byte`: a sequence over it would make
        // the closure escape, and this walk runs for every mark on a non-ASCII line).
        var back = 1
        for index in first..<offset where byte(index) & 0xC0 != 0x80 { back += 1 }
        return back == column + 1 ? offset : nil
    }

    /// `offset(line:column:byte:)` on a long line that is not all ASCII and starts with
    /// a whole character: the last block start with at most `column` scalars before it
    /// is found by halving (`starts` counts the blocks' scalars), and the column is walked
    /// to from there. The offset is the one with exactly `column` scalars of the line
    /// before it, at a character's first byte — what the walk from the line's start gives.
    private func offset(onLongLine first: Int, limit: Int, isLast: Bool, column: Int, byte: (Int) -> UInt8) -> Int? {
        let firstBlock = Self.blockStart(after: first)
        var leading = 0
        for index in first..<firstBlock where byte(index) & 0xC0 != 0x80 { leading += 1 }
        // Scalars before block start `b` (a multiple of the block size, after `first`).
        func scalarsBefore(_ b: Int) -> Int { leading + scalars(fromBlockStart: firstBlock, toBlockStart: b) }
        var offset = first, counted = 0
        if leading <= column {
            var low = firstBlock >> Self.blockShift, high = (limit - 1) >> Self.blockShift
            while low < high {
                let mid = (low + high + 1) / 2
                if scalarsBefore(mid << Self.blockShift) <= column { low = mid } else { high = mid - 1 }
            }
            offset = low << Self.blockShift
            counted = scalarsBefore(offset)
        }
        while offset < limit {
            if byte(offset) & 0xC0 != 0x80 {
                if counted == column { return offset }
                counted += 1
            }
            offset += 1
        }
        return counted == column && isLast ? offset : nil
    }

    /// The 1-based line and column of a byte offset.
    public func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
        position(of: offset) { start, offset in Self.column(after: bytes[start..<max(start, min(offset, bytes.count))]) }
    }

    /// The column just after `bytes`, the start of a line up to some offset: 1 + the
    /// Unicode scalars in them (every UTF-8 byte but a continuation byte starts one).
    @inlinable
    public static func column<Bytes: Sequence<UInt8>>(after bytes: Bytes) -> Int {
        var column = 1
        for byte in bytes where byte & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The 1-based line and column of a byte offset, where `column(from, to)` counts on
    /// a line that is not all ASCII (1 + the Unicode scalars between two offsets of the
    /// line, `from` being the line's start or a block's): the caller reads those bytes
    /// from where it keeps them.
    @inline(__always)
    public func position(of offset: Int, column: (_ from: Int, _ to: Int) -> Int) -> SourcePosition {
        // The line is between the lines of the offset's block and of the next block.
        let blocks = blockCount
        let block = min(max(0, offset) >> Self.blockShift, blocks - 1)
        var low = Int(starts[lineCount + block])
        var high = block + 1 < blocks ? Int(starts[lineCount + block + 1]) : lineCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if start(mid) <= offset { low = mid } else { high = mid - 1 }
        }
        let first = start(low)
        guard offset > first else { return SourcePosition(line: low + 1, column: 1) }
        if starts[low] & Self.nonASCII == 0 {
            return SourcePosition(line: low + 1, column: offset - first + 1)
        }
        return SourcePosition(line: low + 1, column: self.column(from: first, to: offset, column))
    }

    /// The bytes of 0-based `line`, its line break included; nil past the last line.
    public func byteRange(ofLine line: Int) -> Range<Int>? {
        line >= 0 && line < lineCount ? start(line)..<end(line) : nil
    }

    /// True when 0-based `line` has only ASCII bytes (its column is its byte offset).
    public func isASCII(line: Int) -> Bool { starts[line] & Self.nonASCII == 0 }

    /// The byte offset where 0-based `line` starts.
    public func lineStart(_ line: Int) -> Int? { line >= 0 && line < lineCount ? start(line) : nil }

    /// The number of lines, counting the empty line after a final line break.
    public var count: Int { lineCount }
}

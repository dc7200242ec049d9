import Synchronization

/// The text of a large file once its bytes are let go (`SourceFile.releaseText()`): read
/// back from the open file a window at a time when a line is shown, and checked against
/// a hash of each 4 KiB block taken while the bytes were still held, so a file changed
/// since it was read is never shown as if it were the text that was checked.
///
/// Columns never need the disk: the lines that are not all ASCII (the only ones whose
/// column is not their byte offset) are kept, and they are few in a plan.
final class TextOnDisk: Sendable {
    /// Longest line the text is let go for: a snippet reads at most this and a block more.
    static let maxLineBytes = 64 << 10
    /// Bytes read at a time: a few lines' snippets in plan order come from one read.
    static let windowBytes = 64 << 10
    private static let blockShift = 12
    private static let windowCount = 8

    private let file: OpenFile
    let byteCount: Int
    /// A hash of each 4 KiB block of the bytes as they were read.
    private let blockHashes: [UInt64]
    /// The lines with a byte ≥ 0x80: their start offsets, ascending, and their bytes one
    /// after another (`keptStarts[i]` is where line i's bytes start in `kept`).
    private let nonASCIIStarts: [UInt32], keptStarts: [UInt32], kept: [UInt8]
    /// The last windows read, replaced oldest first.
    private let windows = Mutex<(slots: [Window?], next: Int)>((Array(repeating: nil, count: windowCount), 0))
    /// Set once a read gives bytes other than the ones hashed.
    private let changed = Atomic<Bool>(false)

    private final class Window: Sendable {
        let start: Int
        let bytes: [UInt8]
        init(start: Int, bytes: [UInt8]) {
            self.start = start
            self.bytes = bytes
        }
    }

    /// The text of `bytes`, to be read back from `file`; nil when a line is longer than
    /// `maxLineBytes` (a whole file on one line: its snippets would read it every time).
    init?(bytes: [UInt8], lines: LineTable, file: OpenFile) {
        var starts: [UInt32] = [], keptStarts: [UInt32] = [], kept: [UInt8] = []
        for line in 0..<lines.count {
            guard let range = lines.byteRange(ofLine: line), range.count <= Self.maxLineBytes else { return nil }
            if !lines.isASCII(line: line) {
                starts.append(UInt32(range.lowerBound))
                keptStarts.append(UInt32(kept.count))
                kept += bytes[range]
            }
        }
        self.file = file
        byteCount = bytes.count
        nonASCIIStarts = starts
        self.keptStarts = keptStarts
        self.kept = kept
        blockHashes = Self.blockHashes(bytes)
    }

    /// 1 + the Unicode scalars from `start` to `offset`, two offsets of one line (on a
    /// line that is all ASCII, the bytes between them).
    func column(from start: Int, to offset: Int) -> Int {
        // The last kept line that starts at or before `start`.
        var low = 0, high = nonASCIIStarts.count
        while low < high {
            let mid = (low + high) / 2
            if Int(nonASCIIStarts[mid]) <= start { low = mid + 1 } else { high = mid }
        }
        let line = low - 1
        let end = line + 1 < keptStarts.count ? Int(keptStarts[line + 1]) : kept.count
        guard line >= 0, start - Int(nonASCIIStarts[line]) < end - Int(keptStarts[line]) else { return offset - start + 1 }
        let from = Int(keptStarts[line]) + start - Int(nonASCIIStarts[line])
        return LineTable.column(after: kept[from..<max(from, min(from + offset - start, end))])
    }

    /// Calls `body` with the bytes of `range` (at most `maxLineBytes` long), read back
    /// and checked; nil when they cannot be (the file changed, or a read failed).
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard range.lowerBound >= 0, range.upperBound <= byteCount, range.count <= Self.maxLineBytes,
              let window = window(covering: range) else { return nil }
        return window.bytes.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[(range.lowerBound - window.start)..<(range.upperBound - window.start)]))
        }
    }

    /// The whole text read back and checked; nil when it cannot be.
    func readAll() -> [UInt8]? {
        guard !changed.load(ordering: .relaxed) else { return nil }
        let bytes = read(0..<byteCount)
        if bytes == nil { changed.store(true, ordering: .relaxed) }
        return bytes
    }

    private func window(covering range: Range<Int>) -> Window? {
        let cached: Window? = windows.withLock { state in
            for case let window? in state.slots
            where window.start <= range.lowerBound && range.upperBound <= window.start + window.bytes.count {
                return window
            }
            return nil
        }
        if let cached { return cached }
        guard !changed.load(ordering: .relaxed) else { return nil }
        let start = Self.blockStart(range.lowerBound)
        let end = min(byteCount, Self.blockStart(max(start + Self.windowBytes, range.upperBound) + Self.blockBytes - 1))
        guard let bytes = read(start..<end) else {
            changed.store(true, ordering: .relaxed)
            return nil
        }
        let window = Window(start: start, bytes: bytes)
        windows.withLock { state in
            state.slots[state.next] = window
            state.next = (state.next + 1) % Self.windowCount
        }
        return window
    }

    /// The bytes of `range`, whole blocks (it starts at a block and ends at one or at the
    /// end of the file): nil unless every block hashes as it did.
    private func read(_ range: Range<Int>) -> [UInt8]? {
        let start = range.lowerBound, end = range.upperBound
        assert(start == Self.blockStart(start) && (end == byteCount || end == Self.blockStart(end)))
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: end - start) { buffer, count in
            let read = file.read(into: UnsafeMutableRawBufferPointer(buffer), at: start) ?? 0
            complete = read == end - start
            count = complete ? read : 0
        }
        guard complete else { return nil }
        let same = bytes.withUnsafeBytes { all in
            stride(from: 0, to: all.count, by: Self.blockBytes).allSatisfy { at in
                let block = UnsafeRawBufferPointer(rebasing: all[at..<min(all.count, at + Self.blockBytes)])
                return Self.hash(block) == blockHashes[(start + at) >> Self.blockShift]
            }
        }
        return same ? bytes : nil
    }

    private static let blockBytes = 1 << blockShift

    /// The start of the block `offset` is in.
    private static func blockStart(_ offset: Int) -> Int { (offset >> blockShift) << blockShift }

    /// The hash of each 4 KiB block (the last may be shorter), a large file in two halves at once.
    private static func blockHashes(_ bytes: [UInt8]) -> [UInt64] {
        let blocks = (bytes.count + blockBytes - 1) >> blockShift
        let halves = blocks >= 1024 ? 2 : 1
        return Concurrently.map(halves) { half in
            bytes.withUnsafeBytes { all in
                ((blocks * half / halves)..<(blocks * (half + 1) / halves)).map { block in
                    let at = block << blockShift
                    return hash(UnsafeRawBufferPointer(rebasing: all[at..<min(all.count, at + blockBytes)]))
                }
            }
        }.flatMap { $0 }
    }

    /// A 64-bit hash of `bytes`, eight at a time: to tell a changed block, not to resist
    /// an adversary (a file changed on purpose to collide would only change a snippet).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        while i < bytes.count {
            tail = tail << 8 | UInt64(bytes[i])
            i += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return h ^ h >> 32
    }
}

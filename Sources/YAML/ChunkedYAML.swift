import Dispatch
import SourceText
import Synchronization

/// Parses a large file on several cores. A sourcing plan is one root mapping with one
/// long block sequence (`engagements:`); its items are independent, so the file is cut
/// at item boundaries, the pieces are parsed in parallel, and the nodes are stitched
/// into one `YAMLDocument` identical to a sequential parse.
///
/// Only the plain case is taken: a cut must fall on a line that starts an item of that
/// sequence (`- ` at the items' indentation). Anything unusual — a syntax error in any
/// piece (a cut inside a multi-line flow collection or quoted string ends in one), an
/// alias to an anchor in another piece, no such sequence — returns nil, and the caller
/// parses the file sequentially, which also gives the exact diagnostics.
enum ChunkedYAML {
    /// Files smaller than this are parsed sequentially.
    static let minimumBytes = 4 << 20

    /// Where the long sequence lies, and where its items start.
    struct Split {
        /// Byte range of the sequence's lines (from its first item to its last line).
        let region: Range<Int>
        /// 0-based line of the region's first byte.
        let firstLine: Int
        /// 0-based line of the root key that owns the sequence.
        let keyLine: Int
        /// Byte offsets of the cuts (each the start of an item line), ascending, inside `region`.
        let cuts: [Int]
        /// Lines before each piece (index 0: the region's first line).
        let pieceLines: [Int]
        /// Columns before each item's `-`.
        let indent: Int
        /// The items that start in each piece, counted by their lines (`- ` at `indent`);
        /// checked against each piece's parse, as a multi-line scalar could hold such a line.
        let itemCounts: [Int]

        /// The number of pieces (one more than the cuts).
        var pieceCount: Int { cuts.count + 1 }

        /// The bytes of piece `p` (0-based): from the sequence's start or a cut to the next
        /// cut or the sequence's end.
        func piece(_ p: Int) -> Range<Int> {
            (p == 0 ? region.lowerBound : cuts[p - 1])..<(p < cuts.count ? cuts[p] : region.upperBound)
        }
    }

    /// `pieces` above the core count keeps memory down: the stitch copies one piece at a
    /// time and frees it, so the peak is the tree plus one piece, not two trees.
    ///
    /// With `keepingApart`, when the long sequence is the value of that root key, the
    /// pieces are not stitched: each becomes a document of its own (`YAMLListPieces`),
    /// parsed only when its reader takes it. Only the skeleton is parsed here.
    static func load(source: SourceFile, limits: YAMLLimits, pieces: Int = 8,
                     minimumBytes: Int = ChunkedYAML.minimumBytes, keepingApart key: String? = nil) -> YAMLLoadResult? {
        guard source.byteCount >= minimumBytes else { return nil }
        let lines = source.lines
        guard let (split, inputs) = cut(source, pieces: pieces, lines: lines, ownBytes: key != nil) else { return nil }
        let parts = PartParser(source: source, limits: limits, lines: lines, split: split, inputs: inputs)
        // Kept apart, the skeleton is parsed first, alone; stitched, with the pieces.
        let skeleton = key == nil ? nil : parts.parse(0)
        if let key, let skeleton {
            if let result = apart(skeleton, parts: parts, key: key) { return result }
            // Pieces that index bytes of their own cannot be joined: the file is read whole.
            guard !inputs.ownBytes else { return nil }
        }
        var built = Concurrently.map(parts.count) { i in i == 0 ? skeleton ?? parts.parse(0) : parts.parse(i) }
        guard built.allSatisfy(\.readAlone), built.reduce(0, { $0 + $1.aliasExpansion }) <= limits.maxAliasExpansion
        else { return nil }
        return stitch(&built, split: split, source: source, lines: lines)
    }

    /// How each part of a cut file is parsed: part 0 is the skeleton, part `i` the
    /// sequence's `i`th piece.
    struct PartParser: Sendable {
        let source: SourceFile
        let limits: YAMLLimits
        let lines: LineTable
        let split: Split
        fileprivate let inputs: Inputs

        /// The skeleton and the pieces.
        var count: Int { split.pieceCount + 1 }

        /// Part `i` parsed, with its bytes (taken once).
        func parse(_ i: Int) -> YAMLTreeBuilder {
            var builder: YAMLTreeBuilder
            if i == 0 {
                builder = YAMLTreeBuilder(source: source, limits: limits, lines: lines, input: inputs.skeleton[...],
                                          held: inputs.take(0))
            } else {
                let held = inputs.take(i)
                builder = YAMLTreeBuilder(source: source, limits: limits, lines: lines, input: held.bytes(of: split.piece(i - 1)),
                                          held: held, lineOffset: split.pieceLines[i - 1], depthOffset: 1)
            }
            builder.run()
            // Block collections end where the next token starts: at a cut that is the next
            // item's `-`, not the start of the line where the piece stopped (the last piece
            // ends with the sequence).
            if i > 0, i - 1 < split.cuts.count {
                let cut = UInt32(split.cuts[i - 1])
                builder.moveCollectionEnds(from: cut, to: cut + UInt32(split.indent))
            }
            return builder
        }
    }

    /// What each part of a chunked parse reads: the skeleton's bytes and, per part, the
    /// bytes its scalars index (part 0 the skeleton's), each taken once by the thread
    /// that parses the part, so a piece's own copy lives as long as its document.
    fileprivate final class Inputs: Sendable {
        let skeleton: [UInt8]
        private let held: Mutex<[HeldBytes?]>
        /// True when each piece holds a copy of its own bytes and the file has let its own
        /// go; false when every part reads the whole file's.
        let ownBytes: Bool

        init(skeleton: [UInt8], held: [HeldBytes], ownBytes: Bool) {
            self.skeleton = skeleton
            self.held = Mutex(held)
            self.ownBytes = ownBytes
        }

        /// Part `i`'s bytes, handed out once.
        func take(_ i: Int) -> HeldBytes {
            held.withLock { held in
                defer { held[i] = nil }
                return held[i] ?? .none
            }
        }
    }

    /// The file cut for a chunked parse. With `ownBytes`, when the file can let its bytes
    /// go (`SourceFile.releaseText()`), each piece gets a copy of its own and the skeleton
    /// indexes its own bytes, and the file's are let go before anything is parsed: a
    /// reader that lets each piece go once read (`YAMLListPieces`) then frees the file's
    /// text a piece at a time, instead of holding all of it until the whole plan is read.
    private static func cut(_ source: SourceFile, pieces: Int, lines: LineTable,
                            ownBytes: Bool) -> (Split, Inputs)? {
        let bytes = source.bytes
        guard let split = split(bytes, pieces: pieces, lines: lines) else { return nil }
        // The skeleton: the file with the sequence's lines emptied (line breaks kept, so
        // every later line keeps its number); its key then holds a null. Every break is
        // LF or CR LF here (`split`), so the region holds one LF per break.
        let emptied = lines.breakCount(in: split.region)
        var skeleton = Array(bytes[0..<split.region.lowerBound])
        skeleton.reserveCapacity(bytes.count - split.region.count + emptied)
        skeleton.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: emptied))
        skeleton.append(contentsOf: bytes[split.region.upperBound...])
        guard ownBytes, source.releaseText() else {
            let whole = HeldBytes.whole(bytes)
            return (split, Inputs(skeleton: skeleton, held: Array(repeating: whole, count: split.pieceCount + 1), ownBytes: false))
        }
        // The pieces' copies, made on every core at once.
        let copies = Concurrently.map(split.pieceCount) { p in
            HeldBytes.piece(Array(bytes[split.piece(p)]), at: split.piece(p).lowerBound)
        }
        let held = [HeldBytes.skeleton(skeleton, emptied: split.region, replacement: emptied)] + copies
        return (split, Inputs(skeleton: skeleton, held: held, ownBytes: true))
    }

    /// The skeleton as the file's document, and the pieces kept apart to be parsed by
    /// their reader, when the long sequence is the value of root key `key`; nil otherwise
    /// (the caller stitches, or reads the file whole).
    private static func apart(_ skeleton: YAMLTreeBuilder, parts: PartParser, key: String) -> YAMLLoadResult? {
        guard skeleton.readAlone, skeleton.aliasExpansion <= parts.limits.maxAliasExpansion,
              let head = skeleton.pieceDocument(), let root = head.root, root.kind == .mapping,
              let keyStart = parts.lines.lineStart(parts.split.keyLine).map(UInt32.init) else { return nil }
        let entry = (0..<root.count).first { root.key(at: $0).offsets.start == keyStart }
        guard let entry, root.key(at: entry).scalarEquals(key), root.value(at: entry).isNull else { return nil }
        let pieces = YAMLListPieces(key: key, itemCounts: parts.split.itemCounts, aliasExpansion: skeleton.aliasExpansion,
                                    limits: parts.limits) { parts.parse($0 + 1) }
        return YAMLLoadResult(source: parts.source, document: head, diagnostics: skeleton.diagnostics, listPieces: pieces)
    }

    /// Joins the skeleton (part 0) and the pieces' sequences into one document. Each
    /// piece's nodes go to their own place in the joined arrays (known from the sizes
    /// before it), so the pieces are copied on every core at once, and each is let go as
    /// soon as it is copied.
    private static func stitch(_ parts: inout [YAMLTreeBuilder], split: Split, source: SourceFile,
                               lines: LineTable) -> YAMLLoadResult? {
        let skeleton = parts[0]
        let diagnostics = parts.flatMap(\.diagnostics)
        guard let rootIndex = skeleton.rootIndex else { return nil }
        var skeletonRecords = skeleton.records
        var skeletonChildren = skeleton.children
        var extras = skeleton.extras
        // The root's value slot is patched below: give it entries in `children`.
        if skeletonRecords[Int(rootIndex)].childrenInRecords,
           skeletonRecords[Int(rootIndex)].storedCount != YAMLDocument.Record.largeCount {
            let root = skeletonRecords[Int(rootIndex)]
            skeletonRecords[Int(rootIndex)].childrenInRecords = false
            skeletonRecords[Int(rootIndex)].first = UInt32(skeletonChildren.count)
            skeletonChildren += (0..<root.storedCount).map { root.first + $0 }
        }
        let root = skeletonRecords[Int(rootIndex)]
        guard root.kind == .mapping, root.storedCount != YAMLDocument.Record.largeCount,
              let keyStart = lines.lineStart(split.keyLine) else { return nil }

        // The null the key holds in the skeleton.
        var valueSlot: Int?
        for k in 0..<(Int(root.storedCount) / 2) {
            let key = skeletonRecords[Int(skeletonChildren[Int(root.first) + 2 * k])]
            if key.start == keyStart {
                let value = skeletonRecords[Int(skeletonChildren[Int(root.first) + 2 * k + 1])]
                guard value.kind == .scalar, value.scalarKind == .null else { return nil }
                valueSlot = Int(root.first) + 2 * k + 1
            }
        }
        guard let valueSlot else { return nil }

        // Each piece's root is a sequence; its items become the items of one sequence.
        var items: [UInt32] = []
        var sequenceStart: UInt32?, sequenceEnd: UInt32?
        var bases: [(records: Int, children: Int, text: Int)] = []
        var recordCount = skeletonRecords.count, childCount = skeletonChildren.count, textCount = skeleton.text.count
        for piece in parts.dropFirst() {
            guard let pieceRoot = piece.rootIndex, piece.records[Int(pieceRoot)].kind == .sequence else { return nil }
            let rootRecord = piece.records[Int(pieceRoot)]
            guard rootRecord.start != YAMLDocument.Record.unplaced, rootRecord.end != YAMLDocument.Record.unplaced,
                  rootRecord.storedCount != YAMLDocument.Record.largeCount else { return nil }
            if sequenceStart == nil { sequenceStart = rootRecord.start }
            sequenceEnd = rootRecord.end
            let recordBase = UInt32(recordCount)
            items += rootRecord.childrenInRecords
                ? (0..<rootRecord.storedCount).map { rootRecord.first + $0 + recordBase }
                : piece.children[Int(rootRecord.first)..<Int(rootRecord.first + rootRecord.storedCount)].map { $0 + recordBase }
            for (key, position) in piece.extras.unplaced { extras.unplaced[key + 2 * recordBase] = position }
            for (key, count) in piece.extras.largeCounts { extras.largeCounts[key + recordBase] = count }
            bases.append((recordCount, childCount, textCount))
            recordCount += piece.records.count
            childCount += piece.children.count
            textCount += piece.text.count
        }
        guard let sequenceStart, let sequenceEnd, items.count < Int(YAMLDocument.Record.largeCount) else { return nil }
        let sequence = UInt32(recordCount)

        // The pieces, each in a box the copying thread empties once its piece is copied.
        let pieces = parts.dropFirst().map(PieceBox.init)
        let pieceBases = bases
        parts = [skeleton]
        var records = [YAMLDocument.Record]()
        var children = [UInt32]()
        var text = [UInt8]()
        records = [YAMLDocument.Record](unsafeUninitializedCapacity: recordCount + 1) { recordBuffer, recordsDone in
            children = [UInt32](unsafeUninitializedCapacity: childCount + items.count) { childBuffer, childrenDone in
                text = [UInt8](unsafeUninitializedCapacity: textCount) { textBuffer, textDone in
                    _ = recordBuffer.initialize(from: skeletonRecords)
                    _ = childBuffer.initialize(from: skeletonChildren)
                    _ = textBuffer.initialize(from: skeleton.text)
                    let destination = StitchBuffers(records: recordBuffer, children: childBuffer, text: textBuffer)
                    DispatchQueue.concurrentPerform(iterations: pieces.count) { p in
                        guard let piece = pieces[p].take() else { return }
                        destination.copy(piece, to: pieceBases[p])
                    }
                    textDone = textCount
                }
                (childBuffer.baseAddress! + childCount).initialize(from: items, count: items.count)
                childrenDone = childCount + items.count
            }
            (recordBuffer.baseAddress! + recordCount).initialize(to: YAMLDocument.Record(
                start: sequenceStart, end: sequenceEnd, first: UInt32(childCount), count: UInt32(items.count),
                kind: .sequence, scalarKind: .string, style: .block))
            recordsDone = recordCount + 1
        }
        children[valueSlot] = sequence

        let document = YAMLDocument(source: source, held: .whole(source.bytes), records: records, children: children, text: text, lines: lines,
                                    extras: extras, rootIndex: rootIndex)
        return YAMLLoadResult(source: source, document: document, diagnostics: diagnostics.sortedByLocation())
    }

    /// One parsed piece, taken (and so let go) by the thread that copies it.
    private final class PieceBox: @unchecked Sendable {
        private var piece: YAMLTreeBuilder?
        init(_ piece: YAMLTreeBuilder) { self.piece = piece }
        func take() -> YAMLTreeBuilder? {
            defer { piece = nil }
            return piece
        }
    }

    /// The joined document's arrays while they are filled: each piece writes only its own
    /// range of each, so the pieces are copied at once.
    private struct StitchBuffers: @unchecked Sendable {
        let records: UnsafeMutableBufferPointer<YAMLDocument.Record>
        let children: UnsafeMutableBufferPointer<UInt32>
        let text: UnsafeMutableBufferPointer<UInt8>

        /// `piece`'s records, children and text at `base`, with its indices moved by the base.
        func copy(_ piece: YAMLTreeBuilder, to base: (records: Int, children: Int, text: Int)) {
            let recordBase = UInt32(base.records), childBase = UInt32(base.children), textBase = UInt32(base.text)
            var at = base.records
            for var record in piece.records {
                if record.childrenInRecords {
                    record.first += recordBase
                } else if record.kind != .scalar {
                    record.first += childBase
                } else if !record.textInSource {
                    record.first += textBase
                }
                (records.baseAddress! + at).initialize(to: record)
                at += 1
            }
            var c = base.children
            for child in piece.children {
                (children.baseAddress! + c).initialize(to: child + recordBase)
                c += 1
            }
            piece.text.withUnsafeBufferPointer { source in
                guard let from = source.baseAddress else { return }
                (text.baseAddress! + base.text).initialize(from: from, count: source.count)
            }
        }
    }

    // MARK: Finding the cut points

    /// The long block sequence under a root key, cut into about `pieces` parts at item
    /// lines; nil when the file has no such sequence of at least half its size. Walks the
    /// file's line table (`lines`, of `bytes`), so no byte is scanned again for a break.
    static func split(_ bytes: [UInt8], pieces: Int, lines: LineTable) -> Split? {
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), dash = UInt8(ascii: "-")
        let hash = UInt8(ascii: "#"), cr = UInt8(ascii: "\r"), tab = UInt8(ascii: "\t")
        // Lines are counted by LF here; libyaml also breaks lines at a lone CR, NEL, LS and
        // PS, so a file with any of those is parsed sequentially (as is one past the
        // table's reach).
        guard lines.breaksAreLF, lines.byteRange(ofLine: lines.count - 1)?.upperBound == bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Split? in
            let n = b.count
            let lineCount = lines.count
            /// Where 0-based `line` starts (`n` past the last line).
            func start(_ line: Int) -> Int { lines.lineStart(line) ?? n }
            /// Where 0-based `line` ends: at its line feed, or at the end of the file.
            func end(_ line: Int) -> Int { line + 1 < lineCount ? start(line + 1) - 1 : n }
            // Pass 1: top-level lines (column 1, not blank, not a comment, not a `- ` item).
            var best: (keyLine: Int, start: Int, end: Int, startLine: Int)?
            var current: (keyLine: Int, start: Int, startLine: Int)?
            var line = 0
            while line < lineCount, case let i = start(line), i < n {
                let c = b[i]
                let isTopLevel = c != space && c != newline && c != cr && c != hash && c != tab
                    && !(c == dash && (i + 1 >= n || b[i + 1] == space || b[i + 1] == newline))
                if isTopLevel {
                    if let open = current {
                        let size = i - open.start
                        if size > (best.map { $0.end - $0.start } ?? 0) {
                            best = (open.keyLine, open.start, i, open.startLine)
                        }
                    }
                    current = nil
                    // A key whose value starts on the next line: `key:` then nothing (or a comment).
                    let j = end(line)
                    var last = j
                    while last > i, b[last - 1] == space || b[last - 1] == cr { last -= 1 }
                    if last > i, b[last - 1] == UInt8(ascii: ":"), c != UInt8(ascii: "%"), c != UInt8(ascii: "'"),
                       c != UInt8(ascii: "\""), c != UInt8(ascii: "{"), c != UInt8(ascii: "[") {
                        current = (line, min(j + 1, n), line + 1)
                    }
                }
                line += 1
            }
            if let open = current, n - open.start > (best.map { $0.end - $0.start } ?? 0) {
                best = (open.keyLine, open.start, n, open.startLine)
            }
            guard let region = best, region.end - region.start >= n / 2 else { return nil }

            // Pass 2: the items' indentation is that of the first content line, which must be `- `.
            line = region.startLine
            var indent: Int?
            while indent == nil, case let p = start(line), p < region.end {
                var q = p
                while q < region.end, b[q] == space { q += 1 }
                if q < region.end, b[q] != newline, b[q] != hash, b[q] != cr {
                    guard b[q] == dash, q + 1 < n, b[q + 1] == space || b[q + 1] == newline else { return nil }
                    indent = q - p
                    break
                }
                line += 1
            }
            guard let indent else { return nil }
            let itemsStart = start(line)
            let itemsStartLine = line

            // Pass 3: cut at the first item line past each piece's share of the bytes
            // (`targets`), and count the item lines of each piece.
            let targets = Self.cutTargets(pieces: pieces, bytes: itemsStart..<region.end)
            var cuts: [Int] = []
            var pieceLines = [itemsStartLine]
            var itemCounts = [0]
            while case let p = start(line), p < region.end {
                // An item line: `-` at the items' indentation, then a blank, a break or the end.
                let after = p + indent + 1
                if after <= region.end, b[after - 1] == dash,
                   after >= n || b[after] == space || b[after] == newline || b[after] == cr || b[after] == tab,
                   (0..<indent).allSatisfy({ b[p + $0] == space }) {
                    if cuts.count < targets.count, p >= targets[cuts.count] {
                        cuts.append(p)
                        pieceLines.append(line)
                        itemCounts.append(0)
                    }
                    itemCounts[itemCounts.count - 1] += 1
                }
                line += 1
            }
            guard !cuts.isEmpty else { return nil }
            return Split(region: itemsStart..<region.end, firstLine: itemsStartLine, keyLine: region.keyLine,
                         cuts: cuts, pieceLines: pieceLines, indent: indent, itemCounts: itemCounts)
        }
    }

    /// Where the cuts into `pieces` pieces of `bytes` should fall: pieces that shrink
    /// toward the end (`Concurrently.shrinkingEnds`).
    static func cutTargets(pieces: Int, bytes: Range<Int>) -> [Int] {
        Concurrently.shrinkingEnds(of: bytes.count, parts: pieces).dropLast().map { bytes.lowerBound + $0 }
    }
}

import SourceText

/// A parsed YAML document: every node in one flat array, so a large file costs a
/// few allocations rather than one per node. Use `root` to walk it as `YAMLNode`s.
///
/// Aliases are resolved to the node they name (the tree is a DAG); the loader has
/// already bounded how large the expanded tree may be.
public final class YAMLDocument: Sendable {
    /// One node in 16 bytes: where it starts and ends (byte offsets in the file), where
    /// its children or text are, its count, and its kind, scalar kind and style packed
    /// into the count's top byte.
    struct Record: Sendable {
        /// Byte offset of the node's first character, or `unplaced` (see `YAMLDocument.unplaced`).
        var start: UInt32
        /// Byte offset just past the node's last character, or `unplaced`.
        var end: UInt32
        /// Collections: index of the first child in `children`, or of the first child's
        /// record when `childrenInRecords`. Scalars: offset of the text, in the file's
        /// bytes when `textInSource`, else in `text`.
        private var firstAndPlace: UInt32
        /// Collections: number of children (mappings: 2 × entries). Scalars: UTF-8
        /// length. `largeCount` when it does not fit in 24 bits (see `YAMLDocument.largeCounts`).
        private var countAndFlags: UInt32

        static let unplaced = UInt32.max
        static let largeCount: UInt32 = (1 << 24) - 1
        /// The top bit of `first`: `textInSource` for a scalar, `childrenInRecords` for a collection.
        private static let direct: UInt32 = 1 << 31

        init(start: UInt32, end: UInt32, first: UInt32, count: UInt32,
             kind: YAMLNode.Kind, scalarKind: YAMLScalarKind, style: YAMLStyle) {
            self.start = start
            self.end = end
            self.firstAndPlace = first
            let flags = UInt32(kind.rawValue) | UInt32(scalarKind.rawValue) << 2 | UInt32(style.rawValue) << 5
            self.countAndFlags = min(count, Self.largeCount) | flags << 24
        }

        var first: UInt32 {
            get { firstAndPlace & ~Self.direct }
            set { firstAndPlace = newValue | (firstAndPlace & Self.direct) }
        }
        private var isDirect: Bool {
            get { firstAndPlace & Self.direct != 0 }
            set { firstAndPlace = newValue ? firstAndPlace | Self.direct : firstAndPlace & ~Self.direct }
        }
        /// The scalar's text is the file's own bytes at `first` (a plain or quoted scalar
        /// written without escapes or folding), not a copy in `text`.
        var textInSource: Bool {
            get { kind == .scalar && isDirect }
            set { isDirect = newValue }
        }
        /// The collection's children are the records from `first` on, one after another (a
        /// collection of scalars, nearly every flow mapping of a plan): `children` holds
        /// no entries for it.
        var childrenInRecords: Bool {
            get { kind != .scalar && isDirect }
            set { isDirect = newValue }
        }
        /// The count, or `largeCount` when the document keeps it in `largeCounts`.
        var storedCount: UInt32 {
            get { countAndFlags & Self.largeCount }
            set { countAndFlags = (countAndFlags & ~Self.largeCount) | min(newValue, Self.largeCount) }
        }
        var kind: YAMLNode.Kind { YAMLNode.Kind(rawValue: UInt8(countAndFlags >> 24 & 0x3)) ?? .scalar }
        var scalarKind: YAMLScalarKind { YAMLScalarKind(rawValue: UInt8(countAndFlags >> 26 & 0x7)) ?? .string }
        var style: YAMLStyle { YAMLStyle(rawValue: UInt8(countAndFlags >> 29 & 0x7)) ?? .plain }
    }

    /// What a document holds besides its records: the rare values that do not fit a record.
    struct Extras: Sendable {
        /// Positions that are not a character of the file (a column past its line's
        /// end), by `2 × record + (0 start, 1 end)`; the record holds `Record.unplaced`.
        var unplaced: [UInt32: SourcePosition] = [:]
        /// Counts of 2^24 − 1 or more, by record.
        var largeCounts: [UInt32: UInt32] = [:]
    }

    /// The file the document was read from.
    public let source: SourceFile
    /// The file's bytes the document was read from (all, or a piece's), which its
    /// scalars index: held by the document, as the file may let its own go
    /// (`SourceFile.releaseText()`).
    let held: HeldBytes
    let records: [Record]
    let children: [UInt32]
    /// The text of the scalars that are not the file's own bytes, back to back (UTF-8).
    let text: [UInt8]
    let lines: LineTable
    let extras: Extras
    let rootIndex: UInt32?

    init(source: SourceFile, held: HeldBytes, records: [Record], children: [UInt32], text: [UInt8], lines: LineTable,
         extras: Extras, rootIndex: UInt32?) {
        self.source = source
        self.held = held
        self.records = records
        self.children = children
        self.text = text
        self.lines = lines
        self.extras = extras
        self.rootIndex = rootIndex
    }

    /// The count of the record at `index` (see `Record.storedCount`).
    func count(_ record: Record, at index: UInt32) -> Int {
        let stored = record.storedCount
        return stored == Record.largeCount ? Int(extras.largeCounts[index] ?? stored) : Int(stored)
    }

    /// The record index of child `i` of a collection's record.
    func child(_ record: Record, _ i: Int) -> UInt32 {
        record.childrenInRecords ? record.first + UInt32(i) : children[Int(record.first) + i]
    }

    /// Where the record at `index` starts (`end: false`) or ends.
    func position(_ record: Record, at index: UInt32, end: Bool) -> SourcePosition {
        let offset = end ? record.end : record.start
        if offset == Record.unplaced {
            return extras.unplaced[2 * index + (end ? 1 : 0)] ?? SourcePosition(line: 1, column: 1)
        }
        return held.position(of: Int(offset), in: lines, source: source)
    }

    /// Calls `body` with the UTF-8 bytes of the scalar stored at `record`.
    func withScalarBytes<R>(_ record: Record, at index: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(record.first), length = count(record, at: index)
        let storage = record.textInSource ? held.bytes : text
        return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
    }

    /// The text of the scalar stored at `record`.
    func scalarText(_ record: Record, at index: UInt32) -> String {
        withScalarBytes(record, at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The record of the value under the scalar key whose bytes are `key` in the mapping
    /// at `index`: the first such entry, as `YAMLNode.subscript(key:)` finds it.
    func value(in index: UInt32, underKey key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let mapping = records[Int(index)]
        let end = count(mapping, at: index)
        var i = 0
        while i < end {
            let keyIndex = child(mapping, i)
            let record = records[Int(keyIndex)]
            if record.kind == .scalar, count(record, at: keyIndex) == key.count,
               withScalarBytes(record, at: keyIndex, { $0.elementsEqual(key) }) {
                return child(mapping, i + 1)
            }
            i += 2
        }
        return nil
    }

    /// Another handle on the same nodes (the arrays are shared, not copied). Nodes reached
    /// through it count their references on the new handle, so threads that each walk
    /// part of a large document through their own handle do not contend on one
    /// reference count (see `YAMLNode.rebased(onto:)`).
    public func sharingStorage() -> YAMLDocument {
        YAMLDocument(source: source, held: held, records: records, children: children, text: text, lines: lines,
                     extras: extras, rootIndex: rootIndex)
    }

    /// The top node, or nil for an empty document.
    public var root: YAMLNode? { rootIndex.map { YAMLNode(document: self, index: $0) } }

    /// Nodes stored (aliases not expanded).
    public var nodeCount: Int { records.count }
}

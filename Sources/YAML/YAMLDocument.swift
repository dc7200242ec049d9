import SourceText

/// A parsed YAML document: every node in one flat array, so a large file costs a
/// few allocations rather than one per node. Use `root` to walk it as `YAMLNode`s.
///
/// Aliases are resolved to the node they name (the tree is a DAG); the loader has
/// already bounded how large the expanded tree may be.
public final class YAMLDocument: Sendable {
    /// One node in 24 bytes: positions, where its children or text are, and its kind,
    /// scalar kind and style packed into the top byte of the end column.
    struct Record: Sendable {
        var startLine: UInt32
        var startColumn: UInt32
        var endLine: UInt32
        private var endColumnAndFlags: UInt32
        /// Collections: index of the first child in `children`. Scalars: offset in `text`.
        var first: UInt32
        /// Collections: number of children (mappings: 2 × entries). Scalars: UTF-8 length.
        var count: UInt32

        static let maxColumn: UInt32 = (1 << 24) - 1

        init(startLine: UInt32, startColumn: UInt32, endLine: UInt32, endColumn: UInt32,
             first: UInt32, count: UInt32, kind: YAMLNode.Kind, scalarKind: YAMLScalarKind, style: YAMLStyle) {
            self.startLine = startLine
            self.startColumn = startColumn
            self.endLine = endLine
            self.endColumnAndFlags = 0
            self.first = first
            self.count = count
            let flags = UInt32(kind.rawValue) | UInt32(scalarKind.rawValue) << 2 | UInt32(style.rawValue) << 5
            self.endColumnAndFlags = min(endColumn, Self.maxColumn) | flags << 24
        }

        var endColumn: UInt32 {
            get { endColumnAndFlags & Self.maxColumn }
            set { endColumnAndFlags = (endColumnAndFlags & ~Self.maxColumn) | min(newValue, Self.maxColumn) }
        }
        var kind: YAMLNode.Kind { YAMLNode.Kind(rawValue: UInt8(endColumnAndFlags >> 24 & 0x3)) ?? .scalar }
        var scalarKind: YAMLScalarKind { YAMLScalarKind(rawValue: UInt8(endColumnAndFlags >> 26 & 0x7)) ?? .string }
        var style: YAMLStyle { YAMLStyle(rawValue: UInt8(endColumnAndFlags >> 29 & 0x7)) ?? .plain }
    }

    /// The file the document was read from.
    public let source: SourceFile
    let records: [Record]
    let children: [UInt32]
    /// The text of every scalar, back to back (UTF-8).
    let text: [UInt8]
    let rootIndex: UInt32?

    init(source: SourceFile, records: [Record], children: [UInt32], text: [UInt8], rootIndex: UInt32?) {
        self.source = source
        self.records = records
        self.children = children
        self.text = text
        self.rootIndex = rootIndex
    }

    /// The text of the scalar stored at `record`.
    func scalarText(_ record: Record) -> String {
        let start = Int(record.first)
        return String(decoding: text[start..<start + Int(record.count)], as: UTF8.self)
    }

    /// Another handle on the same nodes (the arrays are shared, not copied). Nodes reached
    /// through it count their references on the new handle, so threads that each walk
    /// part of a large document through their own handle do not contend on one
    /// reference count (see `YAMLNode.rebased(onto:)`).
    public func sharingStorage() -> YAMLDocument {
        YAMLDocument(source: source, records: records, children: children, text: text, rootIndex: rootIndex)
    }

    /// The top node, or nil for an empty document.
    public var root: YAMLNode? { rootIndex.map { YAMLNode(document: self, index: $0) } }

    /// Nodes stored (aliases not expanded).
    public var nodeCount: Int { records.count }
}

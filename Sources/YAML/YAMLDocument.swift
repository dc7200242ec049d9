import SourceText

/// A parsed YAML document: every node in one flat array, so a large file costs a
/// few allocations rather than one per node. Use `root` to walk it as `YAMLNode`s.
///
/// Aliases are resolved to the node they name (the tree is a DAG); the loader has
/// already bounded how large the expanded tree may be.
public final class YAMLDocument: Sendable {
    struct Record: Sendable {
        var startLine: UInt32
        var startColumn: UInt32
        var endLine: UInt32
        var endColumn: UInt32
        /// Collections: index of the first child in `children`. Scalars: index in `scalars`.
        var first: Int32
        /// Collections: number of children (mappings: 2 × entries). Scalars: 0.
        var count: Int32
        var kind: YAMLNode.Kind
        var scalarKind: YAMLScalarKind
        var style: YAMLStyle
    }

    /// The file the document was read from.
    public let source: SourceFile
    let records: [Record]
    let children: [Int32]
    let scalars: [String]
    let rootIndex: Int32?

    init(source: SourceFile, records: [Record], children: [Int32], scalars: [String], rootIndex: Int32?) {
        self.source = source
        self.records = records
        self.children = children
        self.scalars = scalars
        self.rootIndex = rootIndex
    }

    /// The top node, or nil for an empty document.
    public var root: YAMLNode? { rootIndex.map { YAMLNode(document: self, index: $0) } }

    /// Nodes stored (aliases not expanded).
    public var nodeCount: Int { records.count }
}

import SourceText

/// One node of a `YAMLDocument`: a scalar, a sequence or a mapping, with the exact
/// place it was written (1-based lines and columns, columns in Unicode scalars).
public struct YAMLNode: Sendable, CustomStringConvertible {
    public enum Kind: UInt8, Sendable, Hashable {
        case scalar
        case sequence
        case mapping
    }

    /// A mapping entry: the key node and the value node.
    public struct Entry: Sendable {
        public let key: YAMLNode
        public let value: YAMLNode
    }

    public let document: YAMLDocument
    let index: UInt32

    private var record: YAMLDocument.Record { document.records[Int(index)] }

    /// This node reached through `handle`, a `sharingStorage()` handle of its document;
    /// the node itself when `handle` holds other nodes.
    public func rebased(onto handle: YAMLDocument) -> YAMLNode {
        guard handle.source === document.source, handle.records.count == document.records.count else { return self }
        return YAMLNode(document: handle, index: index)
    }

    public var kind: Kind { record.kind }
    public var style: YAMLStyle { record.style }

    /// Where the node starts.
    public var start: SourcePosition { document.position(record, at: index, end: false) }

    /// Where the node ends (just past its last character).
    public var end: SourcePosition { document.position(record, at: index, end: true) }

    /// The node's place in its file.
    public var span: SourceSpan {
        let r = record
        return SourceSpan(file: document.source, start: document.position(r, at: index, end: false),
                          end: document.position(r, at: index, end: true))
    }

    /// Where the node starts and ends as byte offsets in its file, for keeping its place
    /// once the tree is let go. A bound that is not a character of the file is nil (`start`
    /// and `end` still give its position).
    public var offsets: (start: UInt32?, end: UInt32?) {
        let r = record, unplaced = YAMLDocument.Record.unplaced
        return (r.start == unplaced ? nil : r.start, r.end == unplaced ? nil : r.end)
    }

    // MARK: Scalars

    /// The scalar's text (after YAML's escapes and folding), or nil for a collection.
    public var scalar: String? {
        let r = record
        return r.kind == .scalar ? document.scalarText(r, at: index) : nil
    }

    /// The core-schema kind of a scalar (nil for a collection).
    public var scalarKind: YAMLScalarKind? {
        let r = record
        return r.kind == .scalar ? r.scalarKind : nil
    }

    /// The text of a scalar that resolved to a string (quoted, block or plain text).
    public var string: String? { scalarKind == .string ? scalar : nil }

    /// The value of an `int` scalar (`12`, `-3`, `0x1F`, `0o17`).
    public var int: Int64? {
        guard scalarKind == .int, let text = scalar else { return nil }
        return YAMLScalarResolver.intValue(text)
    }

    /// The value of a `float` scalar, or of an `int` scalar widened.
    public var double: Double? {
        guard let kind = scalarKind, let text = scalar else { return nil }
        switch kind {
        case .float: return YAMLScalarResolver.floatValue(text)
        case .int: return YAMLScalarResolver.intValue(text).map(Double.init)
        default: return nil
        }
    }

    /// The value of a `bool` scalar.
    public var bool: Bool? {
        guard scalarKind == .bool, let text = scalar else { return nil }
        return text.first == "t" || text.first == "T"
    }

    /// True for `null`, `~` and an empty plain scalar.
    public var isNull: Bool { scalarKind == .null }

    // MARK: Collections

    /// The items of a sequence (empty for other kinds).
    public var items: [YAMLNode] {
        let r = record
        guard r.kind == .sequence else { return [] }
        return (0..<document.count(r, at: index)).map { child(r, $0) }
    }

    /// The entries of a mapping, in file order (empty for other kinds).
    public var entries: [Entry] {
        let r = record
        guard r.kind == .mapping else { return [] }
        return stride(from: 0, to: document.count(r, at: index), by: 2).map {
            Entry(key: child(r, $0), value: child(r, $0 + 1))
        }
    }

    /// Number of items or entries (0 for a scalar).
    public var count: Int {
        let r = record
        return r.kind == .mapping ? document.count(r, at: index) / 2 : (r.kind == .sequence ? document.count(r, at: index) : 0)
    }

    /// The value under a scalar key of a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard kind == .mapping else { return nil }
        var key = key
        return key.withUTF8 { wanted in
            document.value(in: index, underKey: wanted).map { YAMLNode(document: document, index: $0) }
        }
    }

    /// The key node of mapping entry `i` (0 ≤ i < count), without building `entries`.
    public func key(at i: Int) -> YAMLNode {
        child(record, 2 * i)
    }

    /// The value node of mapping entry `i` (0 ≤ i < count).
    public func value(at i: Int) -> YAMLNode {
        child(record, 2 * i + 1)
    }

    /// Item `i` of a sequence (0 ≤ i < count), without building `items`.
    public func item(at i: Int) -> YAMLNode {
        child(record, i)
    }

    /// True when this is a scalar whose text is exactly `text` (compares bytes; builds no string).
    public func scalarEquals(_ text: String) -> Bool {
        let r = record
        guard r.kind == .scalar else { return false }
        var text = text
        return text.withUTF8 { wanted in document.withScalarBytes(r, at: index) { $0.elementsEqual(wanted) } }
    }

    /// The entry whose key is `key` (the key node gives the key's own position).
    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key.scalar == key }
    }

    private func child(_ record: YAMLDocument.Record, _ i: Int) -> YAMLNode {
        YAMLNode(document: document, index: document.child(record, i))
    }

    /// A short description for messages: `a mapping`, `a sequence`, `the string "x"`.
    public var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            switch scalarKind ?? .string {
            case .null: return "null"
            case .bool: return "the boolean \(scalar ?? "")"
            case .int: return "the number \(scalar ?? "")"
            case .float: return "the number \(scalar ?? "")"
            case .string: return "the string \"\(scalar ?? "")\""
            }
        }
    }

    public var description: String { "\(kindDescription) at \(start)" }
}

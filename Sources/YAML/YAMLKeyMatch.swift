/// A mapping's entries sorted out against a `YAMLKeySet` in one pass over its keys'
/// bytes: the value written under each known key, and the entries whose key is not
/// in the set. Made by `YAMLNode.match(_:)`.
public struct YAMLKeyMatch: Sendable {
    /// The mapping matched.
    public let mapping: YAMLNode
    /// The record of the value under each key of the set, `YAMLKeyMatch.absent` when the
    /// key is not written or its value is null. A key written twice (which the YAML
    /// layer reports) keeps its last non-null value.
    private let values: [UInt32]
    /// The entries (0 ≤ i < `mapping.count`) whose key is not in the set or is not a
    /// scalar, in file order.
    public let unmatched: [Int]

    static let absent = UInt32.max

    init(mapping: YAMLNode, values: [UInt32], unmatched: [Int]) {
        self.mapping = mapping
        self.values = values
        self.unmatched = unmatched
    }

    /// The value under key `key` (an index into the set's names): nil when absent or null.
    public func value(_ key: Int) -> YAMLNode? {
        let record = values[key]
        return record == Self.absent ? nil : YAMLNode(document: mapping.document, index: record)
    }

    /// True when key `key` has a value that is not null (no node is made).
    public func has(_ key: Int) -> Bool { values[key] != Self.absent }
}

extension YAMLNode {
    /// This mapping's entries matched against `keys`; nil when this is not a mapping.
    public func match(_ keys: YAMLKeySet) -> YAMLKeyMatch? {
        guard kind == .mapping else { return nil }
        let (values, unmatched) = document.match(mapping: index, keys: keys)
        return YAMLKeyMatch(mapping: self, values: values, unmatched: unmatched)
    }
}

extension YAMLDocument {
    /// See `YAMLNode.match(_:)`: reads the records and key bytes in place.
    func match(mapping index: UInt32, keys: YAMLKeySet) -> (values: [UInt32], unmatched: [Int]) {
        var values = [UInt32](repeating: YAMLKeyMatch.absent, count: keys.names.count)
        var unmatched: [Int] = []
        records.withUnsafeBufferPointer { records in
            source.bytes.withUnsafeBufferPointer { sourceBytes in
                text.withUnsafeBufferPointer { textBytes in
                    let mapping = records[Int(index)]
                    let entries = count(mapping, at: index) / 2
                    for entry in 0..<entries {
                        let keyIndex = child(mapping, 2 * entry), valueIndex = child(mapping, 2 * entry + 1)
                        let key = records[Int(keyIndex)]
                        guard key.kind == .scalar else {
                            unmatched.append(entry)
                            continue
                        }
                        let start = Int(key.first), length = count(key, at: keyIndex)
                        let storage = key.textInSource ? sourceBytes : textBytes
                        guard let field = keys.index(of: UnsafeBufferPointer(rebasing: storage[start..<start + length])) else {
                            unmatched.append(entry)
                            continue
                        }
                        let value = records[Int(valueIndex)]
                        if !(value.kind == .scalar && value.scalarKind == .null) { values[field] = valueIndex }
                    }
                }
            }
        }
        return (values, unmatched)
    }
}

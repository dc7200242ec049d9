/// A mapping's entries sorted out against a `YAMLKeySet` in one pass over its keys'
/// bytes: the value written under each known key, and the entries whose key is not
/// in the set. Made by `YAMLNode.match(_:)`.
public struct YAMLKeyMatch: Sendable {
    /// The mapping matched.
    public let mapping: YAMLNode
    /// For each key of the set (up to `inlineKeys`), 1 + the entry its value is written
    /// in, 0 when the key is not written: no allocation for the mappings of a plan. A key
    /// written twice (which the YAML layer reports) keeps its last non-null value.
    private let entries: SIMD32<UInt8>
    /// Bit `key` is set when the key's value is null (with `entries`).
    private let nulls: UInt32
    /// The same, as value records (`absent` when not written), for a mapping of 255 or
    /// more entries or a set of more than `inlineKeys` keys; empty otherwise.
    private let records: [UInt32]
    /// The entries (0 ≤ i < `mapping.count`) whose key is not in the set or is not a
    /// scalar, in file order.
    public let unmatched: [Int]

    static let inlineKeys = SIMD32<UInt8>.scalarCount
    static let absent = UInt32.max

    init(mapping: YAMLNode, entries: SIMD32<UInt8>, nulls: UInt32, records: [UInt32], unmatched: [Int]) {
        self.mapping = mapping
        self.entries = entries
        self.nulls = nulls
        self.records = records
        self.unmatched = unmatched
    }

    /// The value under key `key` (an index into the set's names): nil when absent or null.
    public func value(_ key: Int) -> YAMLNode? {
        guard let value = written(key), !(records.isEmpty ? nulls & 1 << key != 0 : value.isNull) else { return nil }
        return value
    }

    /// The value written under key `key`, null included; nil when the key is not written.
    public func written(_ key: Int) -> YAMLNode? {
        if records.isEmpty {
            let entry = entries[key]
            return entry == 0 ? nil : mapping.value(at: Int(entry) - 1)
        }
        let record = records[key]
        return record == Self.absent ? nil : YAMLNode(document: mapping.document, index: record)
    }

    /// Writes, for each of the first `count` keys of the set that is written (null
    /// included), in key order, the key at `keys` and its value's file offsets at `bounds`
    /// (start << 32 | end; `UInt32.max` for a bound that is not a character of the file, see
    /// `YAMLNode.offsets`), and returns how many: no node is made. Each buffer has room
    /// for `count`.
    public func writtenOffsets(upTo count: Int, keys: UnsafeMutablePointer<UInt8>, bounds: UnsafeMutablePointer<UInt64>) -> Int {
        let document = mapping.document
        let inline = self.records.isEmpty
        var written = 0
        withUnsafeBytes(of: entries) { entries in
            document.records.withUnsafeBufferPointer { records in
                let mappingRecord = records[Int(mapping.index)]
                for key in 0..<count {
                    let valueIndex: UInt32
                    if inline {
                        let entry = key < entries.count ? entries[key] : 0
                        guard entry != 0 else { continue }
                        valueIndex = document.child(mappingRecord, 2 * (Int(entry) - 1) + 1)
                    } else {
                        guard self.records[key] != Self.absent else { continue }
                        valueIndex = self.records[key]
                    }
                    let value = records[Int(valueIndex)]
                    keys[written] = UInt8(truncatingIfNeeded: key)
                    bounds[written] = UInt64(value.start) << 32 | UInt64(value.end)
                    written += 1
                }
            }
        }
        return written
    }

    /// True when key `key` has a value that is not null (no node is made).
    public func has(_ key: Int) -> Bool {
        if records.isEmpty { return entries[key] != 0 && nulls & 1 << key == 0 }
        return records[key] != Self.absent && !YAMLNode(document: mapping.document, index: records[key]).isNull
    }
}

extension YAMLNode {
    /// This mapping's entries matched against `keys`; nil when this is not a mapping.
    public func match(_ keys: YAMLKeySet) -> YAMLKeyMatch? {
        guard kind == .mapping else { return nil }
        return document.match(mapping: index, keys: keys)
    }
}

extension YAMLDocument {
    /// See `YAMLNode.match(_:)`: reads the records and key bytes in place.
    func match(mapping index: UInt32, keys: YAMLKeySet) -> YAMLKeyMatch {
        let node = YAMLNode(document: self, index: index)
        var entries = SIMD32<UInt8>()
        var nulls: UInt32 = 0
        var values: [UInt32] = []
        var unmatched: [Int] = []
        records.withUnsafeBufferPointer { records in
            held.bytes.withUnsafeBufferPointer { sourceBytes in
                text.withUnsafeBufferPointer { textBytes in
                    let mapping = records[Int(index)]
                    let count = count(mapping, at: index) / 2
                    let inline = count < Int(UInt8.max) && keys.names.count <= YAMLKeyMatch.inlineKeys
                    if !inline { values = [UInt32](repeating: YAMLKeyMatch.absent, count: keys.names.count) }
                    for entry in 0..<count {
                        let keyIndex = child(mapping, 2 * entry), valueIndex = child(mapping, 2 * entry + 1)
                        let key = records[Int(keyIndex)]
                        guard key.kind == .scalar else {
                            unmatched.append(entry)
                            continue
                        }
                        let start = Int(key.first), length = self.count(key, at: keyIndex)
                        let storage = key.textInSource ? sourceBytes : textBytes
                        guard let field = keys.index(of: UnsafeBufferPointer(rebasing: storage[start..<start + length])) else {
                            unmatched.append(entry)
                            continue
                        }
                        let value = records[Int(valueIndex)]
                        // A null is kept only where nothing else is written under the key.
                        let isNull = value.kind == .scalar && value.scalarKind == .null
                        if inline {
                            guard !isNull || entries[field] == 0 else { continue }
                            entries[field] = UInt8(entry + 1)
                            if isNull { nulls |= 1 << UInt32(field) } else { nulls &= ~(1 << UInt32(field)) }
                        } else if !isNull || values[field] == YAMLKeyMatch.absent {
                            values[field] = valueIndex
                        }
                    }
                }
            }
        }
        return YAMLKeyMatch(mapping: node, entries: entries, nulls: nulls, records: values, unmatched: unmatched)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed list of mapping keys (a schema's field names), found by a key's bytes: a
/// loader matches every key of a mapping against it in one pass over the document's
/// records, with no `String` and no `YAMLNode` made per key (see `YAMLNode.match(_:)`).
public final class YAMLKeySet: Sendable {
    /// The names, in the order given: a key's index is its position here.
    public let names: [String]
    /// The names' UTF-8 bytes, back to back.
    private let bytes: [UInt8]
    /// Where each name's bytes start in `bytes`; one more entry marks the end of the last.
    private let offsets: [Int]
    /// The indices of the names of each byte length, `byLength[n]` a range of `ordered`.
    private let byLength: [Range<Int>]
    /// Name indices ordered by length, then by position.
    private let ordered: [Int]

    public init(_ names: [String]) {
        self.names = names
        var bytes: [UInt8] = [], offsets: [Int] = []
        for name in names {
            offsets.append(bytes.count)
            bytes.append(contentsOf: name.utf8)
        }
        offsets.append(bytes.count)
        let lengths = names.map(\.utf8.count)
        let ordered = names.indices.sorted { (lengths[$0], $0) < (lengths[$1], $1) }
        var byLength = [Range<Int>](repeating: 0..<0, count: (lengths.max() ?? 0) + 1)
        var i = 0
        while i < ordered.count {
            let length = lengths[ordered[i]]
            var j = i
            while j < ordered.count, lengths[ordered[j]] == length { j += 1 }
            byLength[length] = i..<j
            i = j
        }
        self.bytes = bytes
        self.offsets = offsets
        self.byLength = byLength
        self.ordered = ordered
    }

    /// The index of the name whose bytes are `key`, or nil.
    public func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.count < byLength.count else { return nil }
        return bytes.withUnsafeBufferPointer { stored in
            for k in byLength[key.count] {
                let name = ordered[k]
                if key.count == 0 || memcmp(stored.baseAddress! + offsets[name], key.baseAddress!, key.count) == 0 {
                    return name
                }
            }
            return nil
        }
    }

    /// The index of `name`, or nil. (Cheap for a literal: same-length candidates only,
    /// and two equal short strings compare by their bits.)
    public func index(of name: String) -> Int? {
        let length = name.utf8.count
        guard length < byLength.count else { return nil }
        for k in byLength[length] where names[ordered[k]] == name { return ordered[k] }
        return nil
    }
}

/// The text form of the largest generated tables (three-letter languages, regions), which
/// a run reads only when it needs them: one row a line, fields split by a separator byte,
/// on UTF-8 bytes (splitting by `Character` made reading tables half of a small check's
/// start-up). The tables a plan always needs are generated as Swift literals instead.
enum TableText {
    /// The non-empty lines of `text`, each split at every `separator` (empty fields kept).
    /// One pass over the bytes; each row reserves as many fields as the one before it.
    static func rows(_ text: String, separator: Unicode.Scalar = "\t") -> [[String]] {
        var text = text
        let fieldEnd = UInt8(ascii: separator), lineEnd = UInt8(ascii: "\n")
        return text.withUTF8 { bytes in
            var rows: [[String]] = []
            var row: [String] = []
            var fieldStart = 0, lineStart = 0
            for i in 0...bytes.count {
                let byte = i < bytes.count ? bytes[i] : lineEnd
                guard byte == fieldEnd || byte == lineEnd else { continue }
                if byte == fieldEnd || i > lineStart {
                    row.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self))
                }
                fieldStart = i + 1
                if byte == lineEnd {
                    if i > lineStart {
                        let width = row.count
                        rows.append(row)
                        row = []
                        row.reserveCapacity(width)
                    }
                    lineStart = i + 1
                }
            }
            return rows
        }
    }
}

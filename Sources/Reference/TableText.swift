/// The generated tables' text form, split on UTF-8 bytes: one row a line, fields split by
/// a separator byte. Splitting by `Character` (grapheme clusters) made reading the tables
/// about half of a small check's start-up.
enum TableText {
    /// The non-empty lines of `text`, each split at every `separator` (empty fields kept).
    static func rows(_ text: String, separator: Unicode.Scalar = "\t") -> [[String]] {
        split(text, at: "\n", keepingEmpty: false).map { split($0, at: separator) }
    }

    /// `text` split at every `separator` (an ASCII character).
    static func split(_ text: String, at separator: Unicode.Scalar, keepingEmpty: Bool = true) -> [String] {
        var text = text
        let byte = UInt8(ascii: separator)
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == byte {
                if keepingEmpty || i > start {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                }
                start = i + 1
            }
            return pieces
        }
    }
}

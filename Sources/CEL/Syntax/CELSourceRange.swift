/// A half-open range of offsets into the expression text, counted in
/// **Unicode scalars** (not UTF-8 bytes, not grapheme clusters).
public struct CELSourceRange: Sendable, Hashable, CustomStringConvertible {
    /// Offset of the first scalar.
    public var start: Int
    /// Offset just past the last scalar.
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    public var description: String { "\(start)..<\(end)" }
}

/// A 1-based line and column; the column counts Unicode scalars.
public struct CELLineColumn: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// Helpers on expression text.
public enum CELSourceText {
    /// Converts a scalar offset into the expression text to a 1-based (line, column).
    /// Lines break at `\n` (a `\r\n` pair counts as one break); columns count scalars.
    public static func lineColumn(of offset: Int, in text: String) -> CELLineColumn {
        var line = 1
        var col = 1
        var i = 0
        var prevCR = false
        for u in text.unicodeScalars {
            if i >= offset { break }
            if u == "\n" {
                if !prevCR { line += 1 }
                col = 1
                prevCR = false
            } else if u == "\r" {
                line += 1
                col = 1
                prevCR = true
            } else {
                col += 1
                prevCR = false
            }
            i += 1
        }
        return CELLineColumn(line: line, column: col)
    }
}

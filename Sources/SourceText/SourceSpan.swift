/// A range of a file: where a node, field or sub-expression stands.
///
/// The span keeps a reference to its `SourceFile` so any diagnostic can render the
/// line it points at; the file does not take part in equality beyond its path.
public struct SourceSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let file: SourceFile
    public var start: SourcePosition
    public var end: SourcePosition

    public init(file: SourceFile, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// The path of the file, as the user gave it.
    public var path: String { file.path }

    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        lhs.path == rhs.path && lhs.start == rhs.start && lhs.end == rhs.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(start)
        hasher.combine(end)
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.path, lhs.start, lhs.end) < (rhs.path, rhs.start, rhs.end)
    }

    /// `path:line:column` of the start.
    public var description: String { "\(path):\(start.line):\(start.column)" }
}

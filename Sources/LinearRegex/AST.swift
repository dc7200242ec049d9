/// Zero-width assertions.
enum Assertion: Sendable, Hashable {
    /// `\A`, or `^` without `(?m)`.
    case beginText
    /// `\z`, or `$` without `(?m)`.
    case endText
    /// `^` under `(?m)`: start of text or just after `\n`.
    case beginLine
    /// `$` under `(?m)`: end of text or just before `\n`.
    case endLine
    /// `\b`: between an ASCII word character and a non-word character (or an edge).
    case wordBoundary
    /// `\B`: not at a word boundary.
    case notWordBoundary
}

/// The parsed form of a pattern. Flags are already applied: literals carry
/// their case-folding, `.` knows whether it matches `\n`, `^`/`$` are
/// resolved to text or line anchors, and greediness accounts for `(?U)`.
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One scalar; `fold` compares by simple case folding.
    case literal(UInt32, fold: Bool)
    case charClass(CharClass)
    /// `.` under `(?s)`.
    case anyChar
    /// `.` without `(?s)`.
    case anyCharExceptNewline
    case assertion(Assertion)
    /// A capturing group with its 1-based index.
    case capture(RegexNode, index: Int)
    case concat([RegexNode])
    case alternation([RegexNode])
    /// `max == nil` means unbounded. `offset` locates the operator for errors.
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool, offset: Int)
}

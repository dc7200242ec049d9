/// A regular expression in RE2 syntax, matched in time linear in the input
/// (no backtracking), so untrusted patterns and inputs cannot hang a run.
///
/// API contract (stable; the implementation is being written):
/// - `init(_:limits:)` compiles a pattern or throws a `RegexError` naming the
///   offset (in Unicode scalars of the pattern) and what was expected.
/// - `matches(_:)` is RE2's partial match (`PartialMatch`, CEL's `matches`):
///   true when the pattern matches anywhere in the text.
public struct LinearRegex: Sendable {
    /// Bounds on what a pattern may cost to compile and run.
    public struct Limits: Sendable {
        /// Longest pattern accepted, in Unicode scalars.
        public var maxPatternLength: Int
        /// Most instructions a compiled program may have (after expanding counted repetition).
        public var maxProgramSize: Int
        public init(maxPatternLength: Int = 4096, maxProgramSize: Int = 20_000) {
            self.maxPatternLength = maxPatternLength
            self.maxProgramSize = maxProgramSize
        }
        public static let `default` = Limits()
    }

    /// The pattern as written.
    public let pattern: String

    public init(_ pattern: String, limits: Limits = .default) throws(RegexError) {
        self.pattern = pattern
        throw RegexError(message: "regular expressions are not implemented yet", offset: 0)
    }

    /// True when the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        false
    }
}

/// Why a pattern was rejected.
public struct RegexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. "missing closing )".
    public var message: String
    /// Offset in Unicode scalars into the pattern where the problem was found.
    public var offset: Int
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
    public var description: String { "\(message) (at offset \(offset))" }
}

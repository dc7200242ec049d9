/// A regular expression in RE2 syntax, matched in time linear in the input
/// (no backtracking), so untrusted patterns and inputs cannot hang a run.
///
/// API contract (stable):
/// - `init(_:limits:)` compiles a pattern or throws a `RegexError` naming the
///   offset (in Unicode scalars of the pattern) and what was expected.
/// - `matches(_:)` is RE2's partial match (`PartialMatch`, CEL's `matches`):
///   true when the pattern matches anywhere in the text.
///
/// Matching works over Unicode scalars. Compilation builds a Thompson NFA
/// (at most `Limits.maxProgramSize` instructions). `matches` runs it as a
/// lazily built, cached DFA; `firstMatch`/`captureGroups` run a Pike VM.
/// Both take O(len(text) × len(program)) time at worst, whatever the pattern.
///
/// Supported syntax (RE2):
/// - literals; escapes `\.` `\\` `\t` `\n` `\r` `\f` `\v` `\a`, `\x41`, `\x{10FFFF}`,
///   octal `\0`, `\123`; `\Q...\E`; any escaped ASCII punctuation
/// - `.` (not `\n` unless `(?s)`), `[abc]`, `[^a-z]`, `[[:alpha:]]`, `[[:^digit:]]`,
///   `\d \D \w \W \s \S` (ASCII, as in RE2), `\pL`, `\p{Lu}`, `\p{Greek}`,
///   `\p{^Greek}`, `\PL`, `\p{Any}`
/// - anchors `^ $` (text, or lines under `(?m)`), `\A \z \b \B`
/// - groups `( )`, `(?: )`, `(?P<name> )`, `(?<name> )`; alternation `|`
/// - `* + ? {n} {n,} {n,m}` (counts up to 1000) and lazy `*? +? ?? {n,m}?`
/// - flags `(?i)` `(?m)` `(?s)` `(?U)`, `(?i-s)`, scoped `(?i:...)`;
///   `(?i)` uses simple case folding
///
/// Rejected with a `RegexError`: backreferences, lookaround, possessive
/// quantifiers, `\C`, `\Z`, unbalanced parentheses or brackets, bad ranges,
/// counts above 1000, repetition with nothing to repeat, nesting deeper than
/// 1000, patterns longer than `Limits.maxPatternLength` and programs larger
/// than `Limits.maxProgramSize`.
public struct LinearRegex: Sendable {
    /// Bounds on what a pattern may cost to compile and run.
    public struct Limits: Sendable {
        /// Longest pattern accepted, in Unicode scalars.
        var maxPatternLength: Int
        /// Most instructions a compiled program may have (after expanding counted repetition).
        var maxProgramSize: Int
        /// Limits for untrusted patterns; the defaults suit CEL policies.
        public init(maxPatternLength: Int = 4096, maxProgramSize: Int = 20_000) {
            self.maxPatternLength = maxPatternLength
            self.maxProgramSize = maxProgramSize
        }
        /// 4096 scalars of pattern, 20,000 instructions of program.
        public static let `default` = Limits()
    }

    /// The pattern as written.
    public let pattern: String

    private let program: Program
    private let sharedDFA: SharedDFA

    /// Number of capturing groups in the pattern (group 0, the whole match, not counted).
    let captureGroupCount: Int

    /// Names of the capturing groups, in order (nil for unnamed groups);
    /// `captureGroupNames[0]` is group 1.
    let captureGroupNames: [String?]

    /// Compiles `pattern`, or throws a `RegexError` naming the offset of the problem.
    public init(_ pattern: String, limits: Limits = .default) throws(RegexError) {
        self.pattern = pattern
        var parser = Parser(pattern)
        if parser.patternLength > limits.maxPatternLength {
            throw RegexError(
                message: "pattern too long: \(parser.patternLength) scalars, the limit is \(limits.maxPatternLength)",
                offset: max(0, limits.maxPatternLength))
        }
        let node = try parser.parse()
        program = try Compiler.compile(node, captureCount: parser.captureCount, maxSize: max(1, limits.maxProgramSize))
        sharedDFA = SharedDFA(program: program)
        captureGroupCount = parser.captureCount
        captureGroupNames = parser.captureNames
    }

    /// True when the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        // Without a work limit the DFA always reaches an answer.
        sharedDFA.matches(text.unicodeScalars.map(\.value), workLimit: .max).found ?? false
    }

    /// `matches` that gives up once `workLimit` units of work are spent, for callers
    /// that bound the time of untrusted input (CEL charges the work to its step budget).
    /// A unit is one text scalar read; visiting one program instruction while a DFA
    /// state is built costs 64 units. The time taken is about linear in the units.
    /// `found` is nil when the limit was reached before the answer was known; `work` is
    /// what was spent.
    public func matches(_ text: String, workLimit: Int) -> (found: Bool?, work: Int) {
        sharedDFA.matches(text.unicodeScalars.map(\.value), workLimit: workLimit)
    }

    /// `matches` with a chosen DFA cache size; returns the result and how
    /// often the cache was cleared. For tests of the cache-reset path.
    func matches(_ text: String, dfaStateLimit: Int) -> (found: Bool, cacheResets: Int) {
        var dfa = LazyDFA(program: program, maxStates: dfaStateLimit)
        let found = dfa.matches(text.unicodeScalars.map(\.value)) ?? false
        return (found, dfa.resets)
    }

    /// The leftmost-first match in `text` (as RE2 and Perl choose it), or nil.
    func firstMatch(in text: String) -> Range<String.Index>? {
        guard let groups = captureGroups(in: text), let whole = groups.first else { return nil }
        return whole
    }

    /// The leftmost-first match and its capturing groups: element 0 is the
    /// whole match, element k is group k (nil when it did not participate).
    /// Nil when there is no match.
    func captureGroups(in text: String) -> [Range<String.Index>?]? {
        let view = text.unicodeScalars
        let indices = Array(view.indices) + [view.endIndex]
        let scalars = view.map(\.value)
        guard let slots = PikeVM(program: program, text: scalars, trackCaptures: true).run() else { return nil }
        var result: [Range<String.Index>?] = []
        var k = 0
        while k + 1 < slots.count {
            let lo = slots[k]
            let hi = slots[k + 1]
            if lo >= 0, hi >= lo, hi < indices.count {
                result.append(indices[lo]..<indices[hi])
            } else {
                result.append(nil)
            }
            k += 2
        }
        return result
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

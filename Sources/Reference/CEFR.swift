import Foundation

/// A CEFR proficiency level (A1 … C2) or `native`, with its rank for rules
/// (`cefr()`, `language.cefr`): A1 = 1 … C2 = 6, native = 7.
///
/// Spelling is exact: `A1`…`C2` upper case and `native` lower case. Other spellings
/// (`c1`, `Native`, `C3`) are errors that suggest the right one.
public enum CEFRLevel: String, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
    case a1 = "A1", a2 = "A2", b1 = "B1", b2 = "B2", c1 = "C1", c2 = "C2"
    /// First-language command; ranks above C2.
    case native

    /// The rank: A1 = 1 … C2 = 6, native = 7.
    public var ordinal: Int {
        switch self {
        case .a1: 1
        case .a2: 2
        case .b1: 3
        case .b2: 4
        case .c1: 5
        case .c2: 6
        case .native: 7
        }
    }

    /// The level with this rank (1…7), or nil.
    public init?(ordinal: Int) {
        guard let level = Self.allCases.first(where: { $0.ordinal == ordinal }) else { return nil }
        self = level
    }

    /// "Basic user", "Independent user", "Proficient user", or "Native speaker".
    var band: String { self == .native ? "Native speaker" : Self.table[ordinal - 1].band }
    /// The CEFR name: Breakthrough, Waystage, Threshold, Vantage, Effective Operational
    /// Proficiency, Mastery; "Native" for `native`.
    public var name: String { self == .native ? "Native" : Self.table[ordinal - 1].name }
    /// A one-line paraphrase of the global-scale descriptor.
    var descriptor: String {
        self == .native
            ? "Uses the language as a first language (not a CEFR level; ranked above C2)."
            : Self.table[ordinal - 1].descriptor
    }

    public var description: String { rawValue }

    public static func < (a: CEFRLevel, b: CEFRLevel) -> Bool { a.ordinal < b.ordinal }

    /// The level written exactly as `A1`…`C2` or `native`, or an error with a suggestion.
    public static func resolve(_ text: String) throws(ReferenceError) -> CEFRLevel {
        if let level = CEFRLevel(rawValue: text) { return level }
        let shown = "'\(text)'"
        let allowed = "A1, A2, B1, B2, C1, C2 or native"
        let t = text.trimmingCharacters(in: .whitespaces)
        if let level = CEFRLevel.allCases.first(where: { $0.rawValue.lowercased() == t.lowercased() }) {
            throw ReferenceError("\(shown) is not a CEFR level; did you mean '\(level.rawValue)'?", suggestion: level.rawValue)
        }
        let lower = t.lowercased()
        if ["mother tongue", "first language", "l1", "native speaker", "natively"].contains(lower) {
            throw ReferenceError("\(shown) is not a CEFR level; did you mean 'native'?", suggestion: "native")
        }
        let scalars = Array(lower.unicodeScalars)
        if scalars.count == 2, let letter = scalars.first, ["a", "b", "c"].contains(letter),
           let digit = Int(String(scalars[1])) {
            let level: CEFRLevel = digit <= 0
                ? (letter == "a" ? .a1 : letter == "b" ? .b1 : .c1)
                : (letter == "a" ? .a2 : letter == "b" ? .b2 : .c2)
            throw ReferenceError("\(shown) is not a CEFR level (\(allowed)); did you mean '\(level.rawValue)'?",
                                 suggestion: level.rawValue)
        }
        throw ReferenceError("\(shown) is not a CEFR level (\(allowed))")
    }
}

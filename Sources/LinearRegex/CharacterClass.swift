/// An inclusive range of Unicode scalar values.
struct ScalarRange: Sendable, Hashable {
    var lo: UInt32
    var hi: UInt32
    init(_ lo: UInt32, _ hi: UInt32) {
        self.lo = lo
        self.hi = hi
    }
}

/// Largest Unicode scalar value.
let maxScalar: UInt32 = 0x10FFFF

/// A set of Unicode general categories, optionally negated (`\PL`, `\p{^L}`).
struct UnicodeProperty: Sendable, Hashable {
    /// One bit per `Unicode.GeneralCategory`, see `UnicodeProperty.bit(for:)`.
    var mask: UInt32
    var negated: Bool

    func matches(_ c: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(c) else { return negated }
        let hit = (mask & UnicodeProperty.bit(for: scalar.properties.generalCategory)) != 0
        return hit != negated
    }

    static func bit(for category: Unicode.GeneralCategory) -> UInt32 {
        switch category {
        case .uppercaseLetter: return 1 << 0
        case .lowercaseLetter: return 1 << 1
        case .titlecaseLetter: return 1 << 2
        case .modifierLetter: return 1 << 3
        case .otherLetter: return 1 << 4
        case .nonspacingMark: return 1 << 5
        case .spacingMark: return 1 << 6
        case .enclosingMark: return 1 << 7
        case .decimalNumber: return 1 << 8
        case .letterNumber: return 1 << 9
        case .otherNumber: return 1 << 10
        case .connectorPunctuation: return 1 << 11
        case .dashPunctuation: return 1 << 12
        case .openPunctuation: return 1 << 13
        case .closePunctuation: return 1 << 14
        case .initialPunctuation: return 1 << 15
        case .finalPunctuation: return 1 << 16
        case .otherPunctuation: return 1 << 17
        case .mathSymbol: return 1 << 18
        case .currencySymbol: return 1 << 19
        case .modifierSymbol: return 1 << 20
        case .otherSymbol: return 1 << 21
        case .spaceSeparator: return 1 << 22
        case .lineSeparator: return 1 << 23
        case .paragraphSeparator: return 1 << 24
        case .control: return 1 << 25
        case .format: return 1 << 26
        case .surrogate: return 1 << 27
        case .privateUse: return 1 << 28
        case .unassigned: return 1 << 29
        @unknown default: return 1 << 30
        }
    }

    /// Masks for the category names RE2 accepts after `\p`.
    /// `Any` is handled separately (it is a range, not a category set).
    static let categoryMasks: [String: UInt32] = {
        let names: [(String, [Int])] = [
            ("Lu", [0]), ("Ll", [1]), ("Lt", [2]), ("Lm", [3]), ("Lo", [4]),
            ("L", [0, 1, 2, 3, 4]),
            ("Mn", [5]), ("Mc", [6]), ("Me", [7]), ("M", [5, 6, 7]),
            ("Nd", [8]), ("Nl", [9]), ("No", [10]), ("N", [8, 9, 10]),
            ("Pc", [11]), ("Pd", [12]), ("Ps", [13]), ("Pe", [14]),
            ("Pi", [15]), ("Pf", [16]), ("Po", [17]),
            ("P", [11, 12, 13, 14, 15, 16, 17]),
            ("Sm", [18]), ("Sc", [19]), ("Sk", [20]), ("So", [21]), ("S", [18, 19, 20, 21]),
            ("Zs", [22]), ("Zl", [23]), ("Zp", [24]), ("Z", [22, 23, 24]),
            ("Cc", [25]), ("Cf", [26]), ("Cs", [27]), ("Co", [28]), ("Cn", [29]),
            ("C", [25, 26, 27, 28, 29, 30]),
        ]
        var table: [String: UInt32] = [:]
        for (name, bits) in names {
            table[name] = bits.reduce(0) { $0 | (1 << UInt32($1)) }
        }
        return table
    }()
}

/// A character class: a union of scalar ranges and Unicode general-category
/// predicates, optionally negated as a whole, optionally case-insensitive.
///
/// Case-insensitive classes are closed under `CaseFolding.key` when built
/// (within a budget), and at match time a scalar also matches when one of
/// its case variants is in the class; negation applies after folding, as in
/// RE2 (`(?i)[^k]` rejects `k`, `K` and KELVIN SIGN).
struct CharClass: Sendable, Hashable {
    /// Sorted, non-overlapping, non-adjacent ranges.
    private(set) var ranges: [ScalarRange] = []
    var properties: [UnicodeProperty] = []
    var negated = false
    var fold = false

    init() {}

    init(ranges: [ScalarRange]) {
        for r in ranges { add(r.lo, r.hi) }
    }

    /// Adds the inclusive range `lo...hi` (requires `lo <= hi`).
    mutating func add(_ lo: UInt32, _ hi: UInt32) {
        guard lo <= hi else { return }
        var merged = ScalarRange(lo, hi)
        var result: [ScalarRange] = []
        result.reserveCapacity(ranges.count + 1)
        var inserted = false
        for r in ranges {
            if r.hi < merged.lo && r.hi + 1 < merged.lo {
                result.append(r)
            } else if merged.hi < r.lo && merged.hi + 1 < r.lo {
                if !inserted {
                    result.append(merged)
                    inserted = true
                }
                result.append(r)
            } else {
                merged = ScalarRange(min(r.lo, merged.lo), max(r.hi, merged.hi))
            }
        }
        if !inserted { result.append(merged) }
        ranges = result
    }

    mutating func add(ranges other: [ScalarRange]) {
        for r in other { add(r.lo, r.hi) }
    }

    /// Adds everything `other` matches. `other` comes from a single escape
    /// (`\d`, `\D`, `\pL`, `\PL`…), so it is never negated as a whole: its
    /// negation is already in its ranges or in each property's flag.
    mutating func formUnion(_ other: CharClass) {
        add(ranges: other.ranges)
        properties.append(contentsOf: other.properties)
    }

    /// The complement of sorted, merged ranges within 0...maxScalar.
    static func complement(_ ranges: [ScalarRange]) -> [ScalarRange] {
        var out: [ScalarRange] = []
        var next: UInt32 = 0
        for r in ranges {
            if r.lo > next { out.append(ScalarRange(next, r.lo - 1)) }
            if r.hi >= maxScalar { return out }
            next = r.hi + 1
        }
        if next <= maxScalar { out.append(ScalarRange(next, maxScalar)) }
        return out
    }

    /// Number of scalars covered by the ranges (properties not counted).
    var rangeSize: Int {
        ranges.reduce(0) { $0 + Int($1.hi - $1.lo) + 1 }
    }

    /// Adds the fold key of every scalar in the ranges, spending at most
    /// `budget` scalars; returns the unspent budget. Classes too large for
    /// the budget rely on the match-time check of case variants alone.
    mutating func closeUnderFolding(budget: Int) -> Int {
        let size = rangeSize
        guard size <= budget else { return budget }
        var extra: [UInt32] = []
        for r in ranges {
            var c = r.lo
            while true {
                let k = CaseFolding.key(c)
                if k != c { extra.append(k) }
                let u = CaseFolding.upper(c)
                if u != c { extra.append(u) }
                if c == r.hi { break }
                c += 1
            }
        }
        for k in extra where !containsInRanges(k) { add(k, k) }
        return budget - size
    }

    func containsInRanges(_ c: UInt32) -> Bool {
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let r = ranges[mid]
            if c < r.lo {
                hi = mid
            } else if c > r.hi {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    private func containsPositive(_ c: UInt32) -> Bool {
        if containsInRanges(c) { return true }
        for p in properties where p.matches(c) { return true }
        return false
    }

    /// Whether scalar value `c` is in the class.
    func matches(_ c: UInt32) -> Bool {
        var hit = containsPositive(c)
        if !hit && fold {
            let k = CaseFolding.key(c)
            if k != c && containsPositive(k) {
                hit = true
            } else {
                let u = CaseFolding.upper(c)
                if u != c && u != k && containsPositive(u) {
                    hit = true
                } else {
                    let l = CaseFolding.lower(c)
                    if l != c && l != k && l != u && containsPositive(l) { hit = true }
                }
            }
        }
        return hit != negated
    }

    // MARK: Named classes (all ASCII, as in RE2)

    static let digit: [ScalarRange] = [ScalarRange(0x30, 0x39)]
    static let space: [ScalarRange] = [ScalarRange(0x09, 0x0A), ScalarRange(0x0C, 0x0D), ScalarRange(0x20, 0x20)]
    static let word: [ScalarRange] = [
        ScalarRange(0x30, 0x39), ScalarRange(0x41, 0x5A), ScalarRange(0x5F, 0x5F), ScalarRange(0x61, 0x7A),
    ]

    /// Ranges for `\d \s \w` (lowercase letter) — the uppercase forms negate.
    static func perl(_ letter: Unicode.Scalar) -> [ScalarRange]? {
        switch letter {
        case "d": return digit
        case "s": return space
        case "w": return word
        default: return nil
        }
    }

    /// Ranges for POSIX `[:name:]` classes.
    static func posix(_ name: String) -> [ScalarRange]? {
        switch name {
        case "alnum": return [ScalarRange(0x30, 0x39), ScalarRange(0x41, 0x5A), ScalarRange(0x61, 0x7A)]
        case "alpha": return [ScalarRange(0x41, 0x5A), ScalarRange(0x61, 0x7A)]
        case "ascii": return [ScalarRange(0x00, 0x7F)]
        case "blank": return [ScalarRange(0x09, 0x09), ScalarRange(0x20, 0x20)]
        case "cntrl": return [ScalarRange(0x00, 0x1F), ScalarRange(0x7F, 0x7F)]
        case "digit": return digit
        case "graph": return [ScalarRange(0x21, 0x7E)]
        case "lower": return [ScalarRange(0x61, 0x7A)]
        case "print": return [ScalarRange(0x20, 0x7E)]
        case "punct": return [ScalarRange(0x21, 0x2F), ScalarRange(0x3A, 0x40), ScalarRange(0x5B, 0x60), ScalarRange(0x7B, 0x7E)]
        case "space": return [ScalarRange(0x09, 0x0D), ScalarRange(0x20, 0x20)]
        case "upper": return [ScalarRange(0x41, 0x5A)]
        case "word": return word
        case "xdigit": return [ScalarRange(0x30, 0x39), ScalarRange(0x41, 0x46), ScalarRange(0x61, 0x66)]
        default: return nil
        }
    }

    /// True for ASCII word characters, used by `\b` and `\B`.
    static func isWordChar(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || (c >= 0x61 && c <= 0x7A)
    }
}

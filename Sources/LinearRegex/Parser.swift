/// Pattern flags that `(?flags)` and `(?flags:re)` set or clear.
struct RegexFlags: Sendable {
    /// `i`: case-insensitive (simple case folding).
    var foldCase = false
    /// `m`: `^` and `$` match at line boundaries.
    var multiLine = false
    /// `s`: `.` matches `\n`.
    var dotAll = false
    /// `U`: swap the meaning of `x*` and `x*?` (and the other quantifiers).
    var ungreedy = false
}

/// Recursive-descent parser from RE2 syntax to `RegexNode`.
///
/// Offsets are in Unicode scalars of the pattern. Recursion is bounded by
/// `maxNesting` on groups; everything else loops.
struct Parser {
    /// Deepest group nesting accepted.
    static let maxNesting = 1000
    /// Largest count in `{n}`, `{n,}`, `{n,m}` (RE2's limit).
    static let maxRepeat = 1000

    private let s: [Unicode.Scalar]
    private var i = 0
    private var flags = RegexFlags()
    /// Number of capturing groups seen so far.
    private(set) var captureCount = 0
    /// Names of capturing groups, indexed by group number - 1 (nil when unnamed).
    private(set) var captureNames: [String?] = []
    /// Scalars that case-folding closure of classes may still spend.
    private var foldBudget = 50_000

    init(_ pattern: String) {
        s = Array(pattern.unicodeScalars)
    }

    var patternLength: Int { s.count }

    /// An open group while parsing: what was being built outside it.
    private struct OpenGroup {
        var branches: [RegexNode]
        var items: [RegexNode]
        var savedFlags: RegexFlags
        /// Group number, or nil for `(?:...)`.
        var captureIndex: Int?
        var start: Int
    }

    /// Parses the whole pattern. Groups are tracked on an explicit stack,
    /// so nesting costs heap, not call stack; it is still capped at
    /// `maxNesting` because later passes walk the tree recursively.
    mutating func parse() throws(RegexError) -> RegexNode {
        var open: [OpenGroup] = []
        var branches: [RegexNode] = []
        var items: [RegexNode] = []
        while let c = peek() {
            switch c {
            case "|":
                i += 1
                branches.append(Parser.concat(items))
                items = []
            case ")":
                guard let group = open.popLast() else {
                    throw RegexError(message: "unexpected ): no matching (", offset: i)
                }
                i += 1
                branches.append(Parser.concat(items))
                var node = Parser.alternation(branches)
                if let index = group.captureIndex { node = .capture(node, index: index) }
                flags = group.savedFlags
                branches = group.branches
                items = group.items
                items.append(try parseRepetitions(node))
            case "(":
                if open.count >= Parser.maxNesting {
                    throw RegexError(message: "nesting depth exceeds \(Parser.maxNesting)", offset: i)
                }
                let start = i
                guard let header = try parseGroupHeader() else { continue }
                open.append(OpenGroup(
                    branches: branches, items: items, savedFlags: flags,
                    captureIndex: header.captureIndex, start: start))
                branches = []
                items = []
                flags = header.flags
            case "\\" where peek(1) == "Q":
                // \Q...\E: literal text; a following quantifier applies to the last scalar only.
                i += 2
                var quoted: [UInt32] = []
                while i < s.count {
                    if s[i] == "\\", peek(1) == "E" {
                        i += 2
                        break
                    }
                    if s[i] == "\\", peek(1) == "\\" {
                        quoted.append(0x5C)
                        i += 2
                        continue
                    }
                    quoted.append(s[i].value)
                    i += 1
                }
                guard let last = quoted.popLast() else { continue }
                for q in quoted { items.append(literal(q)) }
                items.append(try parseRepetitions(literal(last)))
            default:
                let atom = try parseAtom()
                items.append(try parseRepetitions(atom))
            }
        }
        if let group = open.last {
            throw RegexError(message: "missing closing )", offset: group.start)
        }
        branches.append(Parser.concat(items))
        return Parser.alternation(branches)
    }

    private static func concat(_ items: [RegexNode]) -> RegexNode {
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concat(items)
        }
    }

    private static func alternation(_ branches: [RegexNode]) -> RegexNode {
        branches.count == 1 ? branches[0] : .alternation(branches)
    }

    // MARK: Atoms

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let j = i + ahead
        return j < s.count ? s[j] : nil
    }

    private func literal(_ c: UInt32) -> RegexNode {
        .literal(c, fold: flags.foldCase && CaseFolding.mayHaveCase(c))
    }

    /// Parses one atom other than a group or `\Q...\E`.
    private mutating func parseAtom() throws(RegexError) -> RegexNode {
        guard let c = peek() else { return .empty }
        switch c {
        case "[":
            return .charClass(try parseBracket())
        case ".":
            i += 1
            return flags.dotAll ? .anyChar : .anyCharExceptNewline
        case "^":
            i += 1
            return .assertion(flags.multiLine ? .beginLine : .beginText)
        case "$":
            i += 1
            return .assertion(flags.multiLine ? .endLine : .endText)
        case "*", "+", "?":
            throw RegexError(message: "missing argument to repetition operator: \(c)", offset: i)
        case "{":
            let start = i
            if let spec = scanRepeatSpec() {
                throw RegexError(message: "missing argument to repetition operator: \(spec.text)", offset: start)
            }
            i += 1
            return literal(c.value)
        case "\\":
            switch try parseEscape(inClass: false) {
            case .scalar(let v): return literal(v)
            case .charClass(let cls): return .charClass(applyFolding(cls))
            case .assertion(let a): return .assertion(a)
            }
        default:
            i += 1
            return literal(c.value)
        }
    }

    private struct GroupHeader {
        var captureIndex: Int?
        var flags: RegexFlags
    }

    /// Consumes `(`, `(?:`, `(?flags:`, `(?P<name>` or `(?<name>`, returning
    /// how the group's contents are parsed; nil for `(?flags)`, which only
    /// changes the flags until the end of the enclosing group.
    private mutating func parseGroupHeader() throws(RegexError) -> GroupHeader? {
        let start = i
        var name: String?
        var groupFlags = flags
        var capture = true
        if peek(1) == "?" {
            let a = peek(2)
            let b = peek(3)
            if a == "=" || a == "!" {
                throw RegexError(message: "lookahead assertions are not supported in RE2 syntax", offset: start)
            }
            if a == "<", b == "=" || b == "!" {
                throw RegexError(message: "lookbehind assertions are not supported in RE2 syntax", offset: start)
            }
            if a == "P", b == "=" {
                throw RegexError(message: "backreferences are not supported in RE2 syntax", offset: start)
            }
            if a == "P", b == ">" {
                throw RegexError(message: "recursive patterns are not supported in RE2 syntax", offset: start)
            }
            if a == "<" || (a == "P" && b == "<") {
                i += (a == "<") ? 3 : 4
                name = try parseGroupName(groupStart: start)
            } else {
                // Flags: (?flags) or (?flags:re)
                i += 2
                var negate = false
                var sawFlag = false
                var sawAny = false
                loop: while true {
                    guard let f = peek() else {
                        throw RegexError(message: "missing closing )", offset: start)
                    }
                    switch f {
                    case "i": groupFlags.foldCase = !negate
                    case "m": groupFlags.multiLine = !negate
                    case "s": groupFlags.dotAll = !negate
                    case "U": groupFlags.ungreedy = !negate
                    case "-":
                        if negate { throw invalidGroup(start) }
                        negate = true
                        sawFlag = false
                        i += 1
                        continue loop
                    case ")", ":":
                        // `(?)`, `(?-)` and `(?i-)` are malformed; `(?:` needs no flags.
                        if (f == ")" && !sawAny) || (negate && !sawFlag) { throw invalidGroup(start) }
                        i += 1
                        if f == ")" {
                            flags = groupFlags
                            return nil
                        }
                        capture = false
                        break loop
                    default:
                        throw invalidGroup(start)
                    }
                    sawFlag = true
                    sawAny = true
                    i += 1
                }
            }
        } else {
            i += 1
        }
        guard capture else { return GroupHeader(captureIndex: nil, flags: groupFlags) }
        captureCount += 1
        captureNames.append(name)
        return GroupHeader(captureIndex: captureCount, flags: groupFlags)
    }

    private func invalidGroup(_ start: Int) -> RegexError {
        RegexError(message: "invalid or unsupported group syntax", offset: start)
    }

    private mutating func parseGroupName(groupStart: Int) throws(RegexError) -> String {
        var name = ""
        while let c = peek(), c != ">" {
            let v = c.value
            let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
            if !ok {
                throw RegexError(message: "invalid capture group name", offset: groupStart)
            }
            name.unicodeScalars.append(c)
            i += 1
        }
        guard peek() == ">" else {
            throw RegexError(message: "invalid capture group name", offset: groupStart)
        }
        i += 1
        if name.isEmpty {
            throw RegexError(message: "invalid capture group name", offset: groupStart)
        }
        if captureNames.contains(name) {
            throw RegexError(message: "duplicate capture group name: \(name)", offset: groupStart)
        }
        return name
    }

    // MARK: Repetition

    private struct RepeatSpec {
        var min: Int
        var max: Int?
        var text: String
        var end: Int
    }

    /// Recognises `{n}`, `{n,}` or `{n,m}` at `i` without consuming it.
    /// Counts saturate so that huge numbers cannot overflow.
    private func scanRepeatSpec() -> RepeatSpec? {
        guard peek() == "{" else { return nil }
        var j = i + 1
        func number() -> Int? {
            var value = 0
            var digits = 0
            while j < s.count, s[j].value >= 0x30, s[j].value <= 0x39 {
                value = Swift.min(value * 10 + Int(s[j].value - 0x30), 1_000_000)
                digits += 1
                j += 1
            }
            return digits > 0 ? value : nil
        }
        guard let lo = number() else { return nil }
        var hi: Int? = lo
        if j < s.count, s[j] == "," {
            j += 1
            if j < s.count, s[j] == "}" {
                hi = nil
            } else {
                guard let h = number() else { return nil }
                hi = h
            }
        }
        guard j < s.count, s[j] == "}" else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: s[i...j])
        return RepeatSpec(min: lo, max: hi, text: text, end: j + 1)
    }

    private mutating func parseRepetitions(_ atom: RegexNode) throws(RegexError) -> RegexNode {
        guard let c = peek() else { return atom }
        let start = i
        var minCount: Int
        var maxCount: Int?
        switch c {
        case "*": minCount = 0; maxCount = nil; i += 1
        case "+": minCount = 1; maxCount = nil; i += 1
        case "?": minCount = 0; maxCount = 1; i += 1
        case "{":
            guard let spec = scanRepeatSpec() else { return atom }
            if spec.min > Parser.maxRepeat || (spec.max ?? 0) > Parser.maxRepeat {
                throw RegexError(message: "repetition count exceeds \(Parser.maxRepeat): \(spec.text)", offset: start)
            }
            if let m = spec.max, m < spec.min {
                throw RegexError(message: "invalid repetition range: \(spec.text)", offset: start)
            }
            minCount = spec.min
            maxCount = spec.max
            i = spec.end
        default:
            return atom
        }
        var greedy = true
        if peek() == "?" {
            greedy = false
            i += 1
        }
        if flags.ungreedy { greedy.toggle() }
        // A second operator right away: possessive (`a*+`) or doubled (`a**`).
        if let next = peek() {
            if next == "+" {
                throw RegexError(message: "possessive quantifiers are not supported in RE2 syntax", offset: i)
            }
            if next == "*" || next == "?" || (next == "{" && scanRepeatSpec() != nil) {
                var text = ""
                text.unicodeScalars.append(contentsOf: s[start...i])
                throw RegexError(message: "bad repetition operator: \(text)", offset: start)
            }
        }
        return .repetition(atom, min: minCount, max: maxCount, greedy: greedy, offset: start)
    }

    // MARK: Escapes

    private enum Escape {
        case scalar(UInt32)
        case charClass(CharClass)
        case assertion(Assertion)
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }

    /// Parses an escape starting at the backslash at `i`.
    private mutating func parseEscape(inClass: Bool) throws(RegexError) -> Escape {
        let start = i
        guard let c = peek(1) else {
            throw RegexError(message: "trailing backslash at end of expression", offset: start)
        }
        i += 2
        switch c {
        case "1"..."9":
            if c <= "7", let d = peek(), d >= "0", d <= "7" {
                return .scalar(parseOctal(first: c))
            }
            throw RegexError(message: "backreferences are not supported in RE2 syntax", offset: start)
        case "0":
            return .scalar(parseOctal(first: c))
        case "x":
            return .scalar(try parseHex(start: start))
        case "a": return .scalar(0x07)
        case "f": return .scalar(0x0C)
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "r": return .scalar(0x0D)
        case "v": return .scalar(0x0B)
        case "d", "s", "w", "D", "S", "W":
            let lower = Unicode.Scalar(c.value | 0x20) ?? c
            let ranges = CharClass.perl(lower) ?? []
            let isNegated = c.value < 0x61
            return .charClass(CharClass(ranges: isNegated ? CharClass.complement(ranges) : ranges))
        case "p", "P":
            return .charClass(try parseUnicodeClass(negated: c == "P", start: start))
        case "b", "B", "A", "z":
            if inClass {
                throw RegexError(message: "invalid escape sequence inside character class: \\\(c)", offset: start)
            }
            switch c {
            case "b": return .assertion(.wordBoundary)
            case "B": return .assertion(.notWordBoundary)
            case "A": return .assertion(.beginText)
            default: return .assertion(.endText)
            }
        case "C":
            throw RegexError(message: "\\C (any byte) is not supported", offset: start)
        case "Z":
            throw RegexError(message: "\\Z is not supported in RE2 syntax; use \\z", offset: start)
        case "Q", "E":
            throw RegexError(message: "invalid escape sequence: \\\(c)", offset: start)
        default:
            let v = c.value
            let isAlnum = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            if v < 0x80 && !isAlnum {
                return .scalar(v)
            }
            throw RegexError(message: "invalid escape sequence: \\\(c)", offset: start)
        }
    }

    /// Up to three octal digits, the first already consumed.
    private mutating func parseOctal(first: Unicode.Scalar) -> UInt32 {
        var value = first.value - 0x30
        var digits = 1
        while digits < 3, let d = peek(), d >= "0", d <= "7" {
            value = value * 8 + (d.value - 0x30)
            digits += 1
            i += 1
        }
        return value
    }

    private mutating func parseHex(start: Int) throws(RegexError) -> UInt32 {
        guard let c = peek() else {
            throw RegexError(message: "invalid escape sequence: incomplete \\x", offset: start)
        }
        var value: UInt32 = 0
        if c == "{" {
            i += 1
            var digits = 0
            while let d = peek(), let h = Parser.hexValue(d) {
                value = value * 16 + h
                digits += 1
                i += 1
                if value > maxScalar {
                    throw RegexError(message: "invalid escape sequence: \\x value above 10FFFF", offset: start)
                }
            }
            guard digits > 0, peek() == "}" else {
                throw RegexError(message: "invalid escape sequence: malformed \\x{...}", offset: start)
            }
            i += 1
        } else {
            guard let h1 = Parser.hexValue(c), let d2 = peek(1), let h2 = Parser.hexValue(d2) else {
                throw RegexError(message: "invalid escape sequence: \\x needs two hex digits", offset: start)
            }
            value = h1 * 16 + h2
            i += 2
        }
        if value >= 0xD800 && value <= 0xDFFF {
            throw RegexError(message: "invalid escape sequence: \\x value is a surrogate", offset: start)
        }
        return value
    }

    /// `\pN`, `\p{Name}`, `\p{^Name}`, `\PN`…; `i` is just after the `p`/`P`.
    private mutating func parseUnicodeClass(negated: Bool, start: Int) throws(RegexError) -> CharClass {
        guard let c = peek() else {
            throw RegexError(message: "invalid Unicode class: missing name after \\p", offset: start)
        }
        var name = ""
        var negate = negated
        if c == "{" {
            i += 1
            if peek() == "^" {
                negate.toggle()
                i += 1
            }
            while let d = peek(), d != "}" {
                name.unicodeScalars.append(d)
                i += 1
            }
            guard peek() == "}" else {
                throw RegexError(message: "invalid Unicode class: missing }", offset: start)
            }
            i += 1
        } else {
            name.unicodeScalars.append(c)
            i += 1
        }
        var cls = CharClass()
        if name == "Any" {
            if !negate { cls.add(0, maxScalar) }
            return cls
        }
        if let scriptRanges = UnicodeScripts.lookup(name) {
            cls.add(ranges: negate ? CharClass.complement(CharClass(ranges: scriptRanges).ranges) : scriptRanges)
            return cls
        }
        guard let mask = UnicodeProperty.categoryMasks[name] else {
            throw RegexError(
                message: "unknown Unicode class \\p{\(name)}: expected a general category (L, Lu, N, Nd, P, S, Z, …), a script (Greek, Latin, Han, …) or Any",
                offset: start)
        }
        cls.properties.append(UnicodeProperty(mask: mask, negated: negate))
        return cls
    }

    // MARK: Bracket classes

    private mutating func parseBracket() throws(RegexError) -> CharClass {
        let start = i
        i += 1
        var cls = CharClass()
        var negated = false
        if peek() == "^" {
            negated = true
            i += 1
        }
        var first = true
        while true {
            guard let c = peek() else {
                throw RegexError(message: "missing closing ]", offset: start)
            }
            if c == "]" && !first {
                i += 1
                break
            }
            first = false
            if c == "[", peek(1) == ":" {
                if let posix = try parsePosix() {
                    cls.add(ranges: posix)
                    continue
                }
            }
            let itemStart = i
            switch try parseClassItem() {
            case .charClass(let sub):
                cls.formUnion(sub)
            case .assertion:
                throw RegexError(message: "invalid escape sequence inside character class", offset: itemStart)
            case .scalar(let lo):
                if peek() == "-", let after = peek(1), after != "]" {
                    i += 1
                    let hiStart = i
                    guard case .scalar(let hi) = try parseClassItem() else {
                        throw RegexError(message: "invalid character class range: class used as range end", offset: hiStart)
                    }
                    if hi < lo {
                        var text = ""
                        text.unicodeScalars.append(contentsOf: s[itemStart..<i])
                        throw RegexError(message: "invalid character class range: \(text)", offset: itemStart)
                    }
                    cls.add(lo, hi)
                } else {
                    cls.add(lo, lo)
                }
            }
        }
        cls = applyFolding(cls)
        cls.negated = negated
        return cls
    }

    /// Under `(?i)`, marks the class case-insensitive and closes it under folding.
    private mutating func applyFolding(_ cls: CharClass) -> CharClass {
        guard flags.foldCase else { return cls }
        var folded = cls
        folded.fold = true
        foldBudget = folded.closeUnderFolding(budget: foldBudget)
        return folded
    }

    private mutating func parseClassItem() throws(RegexError) -> Escape {
        guard let c = peek() else {
            throw RegexError(message: "missing closing ]", offset: i)
        }
        if c == "\\" {
            return try parseEscape(inClass: true)
        }
        i += 1
        return .scalar(c.value)
    }

    /// `[:name:]` or `[:^name:]` at `i`; nil (nothing consumed) when there is
    /// no closing `:]`, in which case `[` is an ordinary member.
    private mutating func parsePosix() throws(RegexError) -> [ScalarRange]? {
        let start = i
        var j = i + 2
        while j + 1 < s.count, !(s[j] == ":" && s[j + 1] == "]") {
            j += 1
        }
        guard j + 1 < s.count else { return nil }
        var name = ""
        name.unicodeScalars.append(contentsOf: s[(i + 2)..<j])
        var negate = false
        if name.hasPrefix("^") {
            negate = true
            name.removeFirst()
        }
        guard let ranges = CharClass.posix(name) else {
            var text = ""
            text.unicodeScalars.append(contentsOf: s[start...(j + 1)])
            throw RegexError(message: "invalid character class range: \(text)", offset: start)
        }
        i = j + 2
        return negate ? CharClass.complement(ranges) : ranges
    }
}

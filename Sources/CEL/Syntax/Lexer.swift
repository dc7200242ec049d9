/// Token kinds of the CEL lexer.
enum TokenKind: Equatable {
    case ident(String)
    case intLit(String, radix: Int)      // digits only, sign handled by the parser
    case uintLit(String, radix: Int)
    case doubleLit(Double)
    case stringLit(String)
    case bytesLit([UInt8])
    case op(String)        // punctuation and operators
    case keyword(String)   // true false null in
    case reserved(String)
    case quotedIdent(String)  // `field-name`
    case eof
    case invalid
}

struct Token {
    var kind: TokenKind
    var start: Int
    var end: Int
}

struct LexError {
    var message: String
    var start: Int
    var end: Int
}

/// Hand-written CEL lexer over Unicode scalars.
struct Lexer {
    let s: [Unicode.Scalar]
    var i = 0
    var errors: [LexError] = []

    /// Operators of one character (built once: a set literal in `next()` cost a set per token).
    static let singleOperators: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "!", "<", ">", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
    ]
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    init(_ text: String) { s = Array(text.unicodeScalars) }

    /// The operator `first` and `second` spell together, if they are one.
    static func twoCharacterOperator(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> String? {
        switch (first, second) {
        case ("=", "="): "=="
        case ("!", "="): "!="
        case ("<", "="): "<="
        case (">", "="): ">="
        case ("&", "&"): "&&"
        case ("|", "|"): "||"
        default: nil
        }
    }

    /// The text of a run of ASCII scalars (an identifier), written as bytes at once: appending
    /// one scalar at a time was most of the lexer's cost.
    static func asciiText(_ run: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: run.count) { buffer in
            for (k, c) in run.enumerated() { buffer[k] = UInt8(truncatingIfNeeded: c.value) }
            return run.count
        }
    }

    func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0 >= "0" && $0 <= "9" } ?? false }
    static func isHex(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }
    static func isIdentStart(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    mutating func tokenize() -> [Token] {
        var out: [Token] = []
        while true {
            let t = next()
            out.append(t)
            if t.kind == .eof { break }
        }
        return out
    }

    mutating func skipSpace() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                i += 1
            } else if c == "/", peek(1) == "/" {
                while let d = peek(), d != "\n" { i += 1 }
            } else {
                break
            }
        }
    }

    mutating func next() -> Token {
        skipSpace()
        let start = i
        guard let c = peek() else { return Token(kind: .eof, start: i, end: i) }
        // string / bytes prefixes
        if c == "\"" || c == "'" { return lexString(start: start, raw: false, bytes: false) }
        if (c == "r" || c == "R"), let q = peek(1), q == "\"" || q == "'" {
            i += 1; return lexString(start: start, raw: true, bytes: false)
        }
        if (c == "b" || c == "B"), let q = peek(1), q == "\"" || q == "'" {
            i += 1; return lexString(start: start, raw: false, bytes: true)
        }
        if (c == "b" || c == "B"), let r = peek(1), r == "r" || r == "R", let q = peek(2), q == "\"" || q == "'" {
            i += 2; return lexString(start: start, raw: true, bytes: true)
        }
        if (c == "r" || c == "R"), let r = peek(1), r == "b" || r == "B", let q = peek(2), q == "\"" || q == "'" {
            i += 2; return lexString(start: start, raw: true, bytes: true)
        }
        if c == "`" {
            i += 1
            var name = ""
            while let d = peek(), d != "`", d != "\n" { name.unicodeScalars.append(d); i += 1 }
            if peek() == "`", !name.isEmpty {
                i += 1
                return Token(kind: .quotedIdent(name), start: start, end: i)
            }
            errors.append(LexError(message: "unterminated quoted identifier", start: start, end: i))
            return Token(kind: .invalid, start: start, end: i)
        }
        if Lexer.isIdentStart(c) {
            while let d = peek(), Lexer.isIdentStart(d) || Lexer.isDigit(d) { i += 1 }
            let name = Lexer.asciiText(s[start..<i])
            let kind: TokenKind
            switch name {
            case "true", "false", "null", "in": kind = .keyword(name)
            default: kind = Lexer.reservedWords.contains(name) ? .reserved(name) : .ident(name)
            }
            return Token(kind: kind, start: start, end: i)
        }
        if Lexer.isDigit(c) || (c == "." && Lexer.isDigit(peek(1))) { return lexNumber(start: start) }
        // operators
        if let second = peek(1), let op = Lexer.twoCharacterOperator(c, second) {
            i += 2
            return Token(kind: .op(op), start: start, end: i)
        }
        if Lexer.singleOperators.contains(c) {
            i += 1
            return Token(kind: .op(String(c)), start: start, end: i)
        }
        i += 1
        errors.append(LexError(message: "unexpected character '\(c.escaped(asASCII: false))'", start: start, end: i))
        return Token(kind: .invalid, start: start, end: i)
    }

    mutating func lexNumber(start: Int) -> Token {
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            i += 2
            var digits = ""
            while let d = peek(), Lexer.isHex(d) { digits.unicodeScalars.append(d); i += 1 }
            if digits.isEmpty {
                errors.append(LexError(message: "invalid hex literal", start: start, end: i))
                return Token(kind: .invalid, start: start, end: i)
            }
            if let u = peek(), u == "u" || u == "U" { i += 1; return Token(kind: .uintLit(digits, radix: 16), start: start, end: i) }
            return Token(kind: .intLit(digits, radix: 16), start: start, end: i)
        }
        var text = ""
        var isFloat = false
        while let d = peek(), Lexer.isDigit(d) { text.unicodeScalars.append(d); i += 1 }
        if peek() == ".", Lexer.isDigit(peek(1)) {
            isFloat = true
            text += "."
            i += 1
            while let d = peek(), Lexer.isDigit(d) { text.unicodeScalars.append(d); i += 1 }
        }
        if let e = peek(), e == "e" || e == "E" {
            var k = 1
            if let sg = peek(1), sg == "+" || sg == "-" { k = 2 }
            if Lexer.isDigit(peek(k)) {
                isFloat = true
                for _ in 0..<k { text.unicodeScalars.append(s[i]); i += 1 }
                while let d = peek(), Lexer.isDigit(d) { text.unicodeScalars.append(d); i += 1 }
            }
        }
        if isFloat {
            return Token(kind: .doubleLit(Double(text) ?? .nan), start: start, end: i)
        }
        if let u = peek(), u == "u" || u == "U" { i += 1; return Token(kind: .uintLit(text, radix: 10), start: start, end: i) }
        return Token(kind: .intLit(text, radix: 10), start: start, end: i)
    }

    mutating func lexString(start: Int, raw: Bool, bytes: Bool) -> Token {
        guard let q = peek() else { return Token(kind: .invalid, start: start, end: i) }
        let triple = peek(1) == q && peek(2) == q
        i += triple ? 3 : 1
        var scalars: [Unicode.Scalar] = []
        var byteOut: [UInt8] = []
        func addScalar(_ u: Unicode.Scalar) {
            if bytes { byteOut.append(contentsOf: Array(String(u).utf8)) } else { scalars.append(u) }
        }
        var closed = false
        while let c = peek() {
            if triple {
                if c == q, peek(1) == q, peek(2) == q { i += 3; closed = true; break }
            } else {
                if c == q { i += 1; closed = true; break }
                if c == "\n" || c == "\r" { break }
            }
            if c == "\\" && !raw {
                let escStart = i
                i += 1
                guard let e = peek() else { break }
                i += 1
                switch e {
                case "a": addScalar("\u{07}")
                case "b": addScalar("\u{08}")
                case "f": addScalar("\u{0C}")
                case "n": addScalar("\n")
                case "r": addScalar("\r")
                case "t": addScalar("\t")
                case "v": addScalar("\u{0B}")
                case "\\", "'", "\"", "`", "?": addScalar(e)
                case "x", "X", "u", "U":
                    let n = (e == "x" || e == "X") ? 2 : (e == "u" ? 4 : 8)
                    var v: UInt32 = 0
                    var ok = true
                    for _ in 0..<n {
                        guard let h = peek(), Lexer.isHex(h), let d = UInt32(String(h), radix: 16) else { ok = false; break }
                        v = v * 16 + d
                        i += 1
                    }
                    if !ok {
                        errors.append(LexError(message: "invalid escape sequence", start: escStart, end: i))
                    } else if bytes && n == 2 {
                        byteOut.append(UInt8(v))
                    } else if bytes && n > 2 {
                        errors.append(LexError(message: "unicode escape not allowed in bytes literal", start: escStart, end: i))
                    } else if let u = Unicode.Scalar(v) {
                        addScalar(u)
                    } else {
                        errors.append(LexError(message: "invalid unicode code point in escape", start: escStart, end: i))
                    }
                case "0"..."7":
                    var v: UInt32 = UInt32(e.value - 48)
                    var ok = true
                    for _ in 0..<2 {
                        guard let h = peek(), h >= "0", h <= "7" else { ok = false; break }
                        v = v * 8 + (h.value - 48)
                        i += 1
                    }
                    if !ok || v > 255 {
                        errors.append(LexError(message: "invalid octal escape", start: escStart, end: i))
                    } else if bytes {
                        byteOut.append(UInt8(v))
                    } else if let u = Unicode.Scalar(v) {
                        addScalar(u)
                    }
                default:
                    errors.append(LexError(message: "invalid escape sequence '\\\(e)'", start: escStart, end: i))
                }
                continue
            }
            addScalar(c)
            i += 1
        }
        if !closed {
            errors.append(LexError(message: "unterminated string literal", start: start, end: i))
            return Token(kind: .invalid, start: start, end: i)
        }
        if bytes { return Token(kind: .bytesLit(byteOut), start: start, end: i) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.count)
        for u in scalars { UTF8.encode(u) { utf8.append($0) } }
        return Token(kind: .stringLit(String(decoding: utf8, as: UTF8.self)), start: start, end: i)
    }
}

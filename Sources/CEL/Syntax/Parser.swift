/// Options for parsing.
public struct CELParserOptions: Sendable {
    /// Deepest allowed nesting of the expression tree (parentheses, operators, calls...).
    public var maxDepth: Int = 250
    /// Longest accepted expression, in Unicode scalars.
    public var maxLength: Int = 100_000
    /// Expand macros (has, all, exists, exists_one, map, filter, cel.bind, two-variable forms).
    public var macros: Bool = true
    /// Stop after this many errors.
    public var maxErrors: Int = 100
    public init(maxDepth: Int = 250, maxLength: Int = 100_000, macros: Bool = true) {
        self.maxDepth = maxDepth
        self.maxLength = maxLength
        self.macros = macros
    }
}

/// A parsed expression: the tree, its source text, and the next free node id.
public struct CELAST: Sendable {
    public var expr: CELExpr
    public var source: String
    /// One more than the largest node id.
    public var nextID: Int
}

/// The hand-written Pratt parser for CEL.
public enum CELParser {
    /// Parses `text`; throws `CELIssues` listing every syntax error found.
    public static func parse(_ text: String, options: CELParserOptions = CELParserOptions()) throws(CELIssues) -> CELAST {
        let count = text.unicodeScalars.count
        if count > options.maxLength {
            throw CELIssues([CELIssue(.tooLong, message: "expression is too long: \(count) characters exceeds the limit of \(options.maxLength)",
                                      range: CELSourceRange(start: 0, end: 0), source: text)])
        }
        var lexer = Lexer(text)
        let tokens = lexer.tokenize()
        var p = ParserState(tokens: tokens, options: options)
        for e in lexer.errors { p.addError(e.message, CELSourceRange(start: e.start, end: e.end)) }
        var root: CELExpr
        do {
            root = try p.parseExpr()
            if case .eof = p.cur.kind {} else {
                p.addError("unexpected \(p.describe(p.cur))", p.curRange)
            }
        } catch {
            root = CELExpr(id: 0, range: CELSourceRange(start: 0, end: 0), kind: .literal(.null))
        }
        if !p.errors.isEmpty {
            let sorted = p.errors.sorted { $0.range.start < $1.range.start }
            throw CELIssues(sorted.map { CELIssue(.syntax, message: $0.message, range: $0.range, source: text) })
        }
        return CELAST(expr: root, source: text, nextID: p.nextID)
    }
}

struct ParseAbort: Error {}

struct ParserState {
    let tokens: [Token]
    let options: CELParserOptions
    var pos = 0
    var nextID = 1
    var depth = 0
    var errors: [(message: String, range: CELSourceRange)] = []
    var depthReported = false

    init(tokens: [Token], options: CELParserOptions) {
        self.tokens = tokens
        self.options = options
    }

    var cur: Token { tokens[min(pos, tokens.count - 1)] }
    var curRange: CELSourceRange { CELSourceRange(start: cur.start, end: cur.end) }

    mutating func addError(_ message: String, _ range: CELSourceRange) {
        if let last = errors.last, last.range.start == range.start { return }
        errors.append((message, range))
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "end of expression"
        case .op(let o): return "'\(o)'"
        case .ident(let n), .keyword(let n), .reserved(let n): return "'\(n)'"
        case .invalid: return "invalid token"
        default: return "literal"
        }
    }

    mutating func makeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    mutating func node(_ kind: CELExpr.Kind, _ start: Int, _ end: Int, operator op: CELSourceRange? = nil) -> CELExpr {
        CELExpr(id: makeID(), range: CELSourceRange(start: start, end: end), kind: kind, operatorRange: op)
    }

    func isOp(_ s: String) -> Bool { if case .op(let o) = cur.kind, o == s { return true }; return false }

    mutating func advance() { if pos < tokens.count - 1 { pos += 1 } }

    mutating func expect(_ s: String) throws {
        if isOp(s) { advance(); return }
        addError("expected '\(s)' but found \(describe(cur))", curRange)
        if errors.count >= options.maxErrors { throw ParseAbort() }
    }

    mutating func enter(_ start: Int) throws {
        depth += 1
        if depth > options.maxDepth {
            if !depthReported {
                addError("expression nesting exceeds the maximum depth of \(options.maxDepth)", CELSourceRange(start: start, end: start + 1))
                depthReported = true
            }
            throw ParseAbort()
        }
    }

    // expr: or ('?' or ':' expr)?
    mutating func parseExpr() throws -> CELExpr {
        try enter(cur.start)
        defer { depth -= 1 }
        let cond = try parseBinary(minPrec: 1)
        if isOp("?") {
            let op = curRange
            advance()
            let a = try parseBinary(minPrec: 1)
            try expect(":")
            let b = try parseExpr()
            return node(.call(target: nil, function: "_?_:_", args: [cond, a, b]), cond.range.start, b.range.end, operator: op)
        }
        return cond
    }

    static func binaryOp(_ k: TokenKind) -> (String, Int)? {
        switch k {
        case .op("||"): return ("_||_", 1)
        case .op("&&"): return ("_&&_", 2)
        case .op("=="): return ("_==_", 3)
        case .op("!="): return ("_!=_", 3)
        case .op("<"): return ("_<_", 3)
        case .op("<="): return ("_<=_", 3)
        case .op(">"): return ("_>_", 3)
        case .op(">="): return ("_>=_", 3)
        case .keyword("in"): return ("@in", 3)
        case .op("+"): return ("_+_", 4)
        case .op("-"): return ("_-_", 4)
        case .op("*"): return ("_*_", 5)
        case .op("/"): return ("_/_", 5)
        case .op("%"): return ("_%_", 5)
        default: return nil
        }
    }

    mutating func parseBinary(minPrec: Int) throws -> CELExpr {
        var left = try parseUnary()
        var chain = 0
        defer { depth -= chain }
        while let (fn, prec) = ParserState.binaryOp(cur.kind), prec >= minPrec {
            let op = curRange
            advance()
            try enter(left.range.start)
            chain += 1
            let right = try parseBinary(minPrec: prec + 1)
            left = node(.call(target: nil, function: fn, args: [left, right]), left.range.start, right.range.end, operator: op)
        }
        return left
    }

    mutating func parseUnary() throws -> CELExpr {
        let start = cur.start
        if isOp("!") {
            advance()
            try enter(start)
            defer { depth -= 1 }
            let operand = try parseUnary()
            return node(.call(target: nil, function: "!_", args: [operand]), start, operand.range.end,
                        operator: CELSourceRange(start: start, end: start + 1))
        }
        if isOp("-") {
            advance()
            try enter(start)
            defer { depth -= 1 }
            // Fold a negative numeric literal (so -9223372036854775808 is valid).
            let next = tokens[min(pos + 1, tokens.count - 1)]
            let followedByMember: Bool = { if case .op(let o) = next.kind { return o == "." || o == "[" }; return false }()
            if !followedByMember {
                switch cur.kind {
                case .intLit(let digits, let radix):
                    let t = cur
                    advance()
                    if let v = Int64("-" + digits, radix: radix) {
                        return node(.literal(.int(v)), start, t.end)
                    }
                    addError("integer literal out of range", CELSourceRange(start: start, end: t.end))
                    return node(.literal(.int(0)), start, t.end)
                case .doubleLit(let d):
                    let t = cur
                    advance()
                    return node(.literal(.double(-d)), start, t.end)
                default: break
                }
            }
            let operand = try parseUnary()
            return node(.call(target: nil, function: "-_", args: [operand]), start, operand.range.end,
                        operator: CELSourceRange(start: start, end: start + 1))
        }
        return try parseMember()
    }

    mutating func parseMember() throws -> CELExpr {
        var e = try parsePrimary()
        var chain = 0
        defer { depth -= chain }
        while true {
            if isOp(".") {
                advance()
                try enter(e.range.start); chain += 1
                // `a.?b`: optional field selection.
                let optional = isOp("?")
                if optional { advance() }
                let name: String
                var quoted = false
                switch cur.kind {
                case .ident(let n), .reserved(let n): name = n
                case .keyword(let n) where n == "in" || n == "true" || n == "false" || n == "null": name = n
                case .quotedIdent(let n): name = n; quoted = true
                default:
                    addError("expected field name after '.' but found \(describe(cur))", curRange)
                    if errors.count >= options.maxErrors { throw ParseAbort() }
                    if case .eof = cur.kind {} else { advance() }
                    return e
                }
                let nameStart = cur.start
                let nameEnd = cur.end
                advance()
                if optional {
                    let fieldName = node(.literal(.string(name)), nameStart, nameEnd)
                    e = node(.call(target: nil, function: "_?._", args: [e, fieldName]), e.range.start, nameEnd)
                } else if !quoted, isOp("(") {
                    advance()
                    let args = try parseArgs(close: ")")
                    let end = tokens[max(pos - 1, 0)].end
                    e = try makeCall(target: e, function: name, args: args, start: e.range.start, end: end, nameEnd: nameEnd)
                } else {
                    e = node(.select(operand: e, field: name, testOnly: false), e.range.start, nameEnd)
                }
            } else if isOp("[") {
                let op = curRange
                advance()
                try enter(e.range.start); chain += 1
                // `a[?b]`: optional index.
                let optional = isOp("?")
                if optional { advance() }
                let idx = try parseExpr()
                let end = cur.end
                try expect("]")
                e = node(.call(target: nil, function: optional ? "_[?_]" : "_[_]", args: [e, idx]), e.range.start, end, operator: op)
            } else if isOp("{") {
                addError("message construction is not supported", curRange)
                throw ParseAbort()
            } else {
                return e
            }
        }
    }

    /// Parses comma-separated expressions until `close` (consumed); trailing comma allowed.
    mutating func parseArgs(close: String, optionalElements: Bool = false) throws -> [CELExpr] {
        var args: [CELExpr] = []
        if isOp(close) { advance(); return args }
        while true {
            args.append(optionalElements ? try parseOptionalElement() : try parseExpr())
            if isOp(",") {
                advance()
                if isOp(close) { advance(); return args }
                continue
            }
            if isOp(close) { advance(); return args }
            addError("expected ',' or '\(close)' but found \(describe(cur))", curRange)
            if errors.count >= options.maxErrors { throw ParseAbort() }
            // recover: skip to the closing token
            while !isOp(close) { if case .eof = cur.kind { return args }; advance() }
            advance()
            return args
        }
    }

    /// A list element, `?x` marking an optional one (left out when `x` is none).
    mutating func parseOptionalElement() throws -> CELExpr {
        guard isOp("?") else { return try parseExpr() }
        let start = cur.start
        advance()
        let inner = try parseExpr()
        return node(.call(target: nil, function: CELExpr.optionalElementFunction, args: [inner]), start, inner.range.end)
    }

    mutating func parsePrimary() throws -> CELExpr {
        let t = cur
        switch t.kind {
        case .intLit(let digits, let radix):
            advance()
            guard let v = Int64(digits, radix: radix) else {
                addError("integer literal out of range", CELSourceRange(start: t.start, end: t.end))
                return node(.literal(.int(0)), t.start, t.end)
            }
            return node(.literal(.int(v)), t.start, t.end)
        case .uintLit(let digits, let radix):
            advance()
            guard let v = UInt64(digits, radix: radix) else {
                addError("unsigned integer literal out of range", CELSourceRange(start: t.start, end: t.end))
                return node(.literal(.uint(0)), t.start, t.end)
            }
            return node(.literal(.uint(v)), t.start, t.end)
        case .doubleLit(let d):
            advance(); return node(.literal(.double(d)), t.start, t.end)
        case .stringLit(let s):
            advance(); return node(.literal(.string(s)), t.start, t.end)
        case .bytesLit(let b):
            advance(); return node(.literal(.bytes(b)), t.start, t.end)
        case .keyword("true"): advance(); return node(.literal(.bool(true)), t.start, t.end)
        case .keyword("false"): advance(); return node(.literal(.bool(false)), t.start, t.end)
        case .keyword("null"): advance(); return node(.literal(.null), t.start, t.end)
        case .ident(let name):
            advance()
            if isOp("(") {
                advance()
                let args = try parseArgs(close: ")")
                let end = tokens[max(pos - 1, 0)].end
                return try makeCall(target: nil, function: name, args: args, start: t.start, end: end, nameEnd: t.end)
            }
            return node(.ident(name), t.start, t.end)
        case .op("."):
            advance()
            guard case .ident(let name) = cur.kind else {
                addError("expected identifier after '.'", curRange)
                return node(.ident("*error*"), t.start, t.end)
            }
            let e = cur.end
            advance()
            if isOp("(") {
                advance()
                let args = try parseArgs(close: ")")
                let end = tokens[max(pos - 1, 0)].end
                return try makeCall(target: nil, function: "." + name, args: args, start: t.start, end: end, nameEnd: e)
            }
            return node(.ident("." + name), t.start, e)
        case .op("("):
            advance()
            let e = try parseExpr()
            try expect(")")
            return e
        case .op("["):
            advance()
            try enter(t.start)
            defer { depth -= 1 }
            let elems = try parseArgs(close: "]", optionalElements: true)
            return node(.list(elems), t.start, tokens[max(pos - 1, 0)].end)
        case .op("{"):
            advance()
            try enter(t.start)
            defer { depth -= 1 }
            var entries: [CELMapEntry] = []
            if isOp("}") { advance(); return node(.map([]), t.start, tokens[max(pos - 1, 0)].end) }
            while true {
                // `{?k: v}`: an optional entry, left out when v is none.
                let optional = isOp("?")
                if optional { advance() }
                let k = try parseExpr()
                let colonID = makeID()
                try expect(":")
                var v = try parseExpr()
                if optional {
                    v = node(.call(target: nil, function: CELExpr.optionalElementFunction, args: [v]), v.range.start, v.range.end)
                }
                entries.append(CELMapEntry(id: colonID, key: k, value: v))
                if isOp(",") {
                    advance()
                    if isOp("}") { advance(); break }
                    continue
                }
                if isOp("}") { advance(); break }
                addError("expected ',' or '}' but found \(describe(cur))", curRange)
                if errors.count >= options.maxErrors { throw ParseAbort() }
                while !isOp("}") { if case .eof = cur.kind { break }; advance() }
                advance()
                break
            }
            return node(.map(entries), t.start, tokens[max(pos - 1, 0)].end)
        case .reserved(let w):
            advance()
            addError("reserved identifier '\(w)'", CELSourceRange(start: t.start, end: t.end))
            if errors.count >= options.maxErrors { throw ParseAbort() }
            return node(.ident(w), t.start, t.end)
        case .eof:
            addError("unexpected end of expression", CELSourceRange(start: t.start, end: t.end))
            throw ParseAbort()
        default:
            addError("unexpected \(describe(t))", CELSourceRange(start: t.start, end: t.end))
            if errors.count >= options.maxErrors { throw ParseAbort() }
            advance()
            return node(.ident("*error*"), t.start, t.end)
        }
    }
}

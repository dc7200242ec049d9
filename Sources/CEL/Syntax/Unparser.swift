/// Converts an AST back to CEL source text; `parse(unparse(ast))` yields an equivalent tree.
/// Macro-expanded comprehensions are printed as the original macro call.
public enum CELUnparser {
    public static func unparse(_ e: CELExpr) -> String {
        var out = ""
        write(e, into: &out)
        return out
    }

    static func precedence(_ fn: String) -> Int? {
        switch fn {
        case "_?_:_": return 0
        case "_||_": return 1
        case "_&&_": return 2
        case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_", "@in": return 3
        case "_+_", "_-_": return 4
        case "_*_", "_/_", "_%_": return 5
        case "!_", "-_": return 6
        default: return nil
        }
    }

    static let symbols: [String: String] = [
        "_||_": "||", "_&&_": "&&", "_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
        "@in": "in", "_+_": "+", "_-_": "-", "_*_": "*", "_/_": "/", "_%_": "%",
    ]

    /// Operators and literals that bind at least as tightly as member access need no parentheses.
    static func needsParens(_ e: CELExpr, parentPrec: Int, rightSide: Bool) -> Bool {
        if case .literal(let v) = e.kind {
            switch v {
            case .int(let i) where i < 0: return parentPrec >= 6
            case .double(let d) where d < 0 || (d == 0 && d.sign == .minus): return parentPrec >= 6
            default: return false
            }
        }
        guard case .call(nil, let fn, _) = e.kind, let p = precedence(fn) else { return false }
        return rightSide ? p <= parentPrec : p < parentPrec
    }

    static func child(_ e: CELExpr, _ parentPrec: Int, rightSide: Bool, into out: inout String) {
        if needsParens(e, parentPrec: parentPrec, rightSide: rightSide) {
            out += "("
            write(e, into: &out)
            out += ")"
        } else {
            write(e, into: &out)
        }
    }

    static func write(_ e: CELExpr, into out: inout String) {
        switch e.kind {
        case .literal(let v):
            switch v {
            case .double(let d) where d.isFinite:
                var s = "\(d)"
                if !s.contains(".") && !s.contains("e") { s += ".0" }
                out += s
            case .double(let d):
                out += d.isNaN ? "double(\"NaN\")" : (d > 0 ? "double(\"Infinity\")" : "double(\"-Infinity\")")
            default: out += v.literalDescription
            }
        case .ident(let n): out += n
        case .select(let o, let f, let testOnly):
            if testOnly { out += "has(" }
            child(o, 7, rightSide: false, into: &out)
            let plain = f.first.map { $0.isLetter || $0 == "_" } == true && f.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            out += plain ? "." + f : ".`" + f + "`"
            if testOnly { out += ")" }
        case .list(let es):
            out += "["
            for (i, x) in es.enumerated() { if i > 0 { out += ", " }; write(x, into: &out) }
            out += "]"
        case .map(let es):
            out += "{"
            for (i, x) in es.enumerated() {
                if i > 0 { out += ", " }
                let optional = CELExpr.optionalElement(x.value)
                if optional != nil { out += "?" }
                write(x.key, into: &out)
                out += ": "
                write(optional ?? x.value, into: &out)
            }
            out += "}"
        case .comprehension(let c):
            if let m = c.macro {
                writeCall(target: m.target, function: m.function, args: m.args, into: &out)
            } else {
                out += "null"  // comprehensions only come from macros; a hand-built one has no source form
            }
        case .call(let target, let fn, let args):
            if target == nil, let sym = symbols[fn], args.count == 2, let p = precedence(fn) {
                child(args[0], p, rightSide: false, into: &out)
                out += " \(sym) "
                child(args[1], p, rightSide: true, into: &out)
            } else if target == nil, fn == "!_" || fn == "-_", args.count == 1 {
                out += fn == "!_" ? "!" : "-"
                if fn == "-_", case .literal(let v) = args[0].kind, v.isNonNegativeNumber {
                    // `-0` would parse back as the literal 0: keep the negation visible.
                    out += "("
                    write(args[0], into: &out)
                    out += ")"
                } else {
                    child(args[0], 6, rightSide: false, into: &out)
                }
            } else if target == nil, fn == "_?_:_", args.count == 3 {
                child(args[0], 1, rightSide: false, into: &out)
                out += " ? "
                child(args[1], 1, rightSide: false, into: &out)
                out += " : "
                write(args[2], into: &out)
            } else if target == nil, fn == "_[_]" || fn == "_[?_]", args.count == 2 {
                child(args[0], 7, rightSide: false, into: &out)
                out += fn == "_[?_]" ? "[?" : "["
                write(args[1], into: &out)
                out += "]"
            } else if target == nil, fn == "_?._", args.count == 2, case .literal(.string(let field)) = args[1].kind {
                child(args[0], 7, rightSide: false, into: &out)
                out += ".?" + field
            } else if target == nil, fn == CELExpr.optionalElementFunction, args.count == 1 {
                out += "?"
                write(args[0], into: &out)
            } else {
                writeCall(target: target, function: fn, args: args, into: &out)
            }
        }
    }

    static func writeCall(target: CELExpr?, function: String, args: [CELExpr], into out: inout String) {
        if let t = target {
            child(t, 7, rightSide: false, into: &out)
            out += "."
        }
        out += function + "("
        for (i, a) in args.enumerated() { if i > 0 { out += ", " }; write(a, into: &out) }
        out += ")"
    }
}

private extension CELValue {
    /// An int or double literal the parser would fold into a negative literal after `-`.
    var isNonNegativeNumber: Bool {
        switch self {
        case .int(let i): return i >= 0
        case .double(let d): return !(d.sign == .minus)
        default: return false
        }
    }
}

/// Macro expansion: rewrites macro calls into `.comprehension` (or a test-only select for `has`).
extension ParserState {
    mutating func makeCall(target: CELExpr?, function: String, args: [CELExpr], start: Int, end: Int, nameEnd: Int) throws -> CELExpr {
        if options.macros, let expanded = try expandMacro(target: target, function: function, args: args, start: start, end: end) {
            return expanded
        }
        return node(.call(target: target, function: function, args: args), start, end)
    }

    private func identName(_ e: CELExpr) -> String? {
        if case .ident(let n) = e.kind { return n }
        return nil
    }

    private mutating func ident(_ n: String, _ r: CELSourceRange) -> CELExpr { node(.ident(n), r.start, r.end) }
    private mutating func call(_ f: String, _ args: [CELExpr], _ r: CELSourceRange) -> CELExpr {
        node(.call(target: nil, function: f, args: args), r.start, r.end)
    }
    private mutating func lit(_ v: CELValue, _ r: CELSourceRange) -> CELExpr { node(.literal(v), r.start, r.end) }

    mutating func expandMacro(target: CELExpr?, function: String, args: [CELExpr], start: Int, end: Int) throws -> CELExpr? {
        let r = CELSourceRange(start: start, end: end)
        let macro = CELMacroCall(function: function, target: target, args: args)
        if target == nil && function == "has" && args.count == 1 {
            guard case .select(let operand, let field, _) = args[0].kind else {
                addError("invalid argument to has() macro", args[0].range)
                return lit(.null, r)
            }
            return node(.select(operand: operand, field: field, testOnly: true), start, end)
        }
        guard let t = target else { return nil }
        if function == "bind", identName(t) == "cel", args.count == 3 {
            guard let v = identName(args[0]) else {
                addError("cel.bind() variable name must be a simple identifier", args[0].range)
                return lit(.null, r)
            }
            let c = CELComprehension(iterVar: "#unused", iterVar2: nil, iterRange: node(.list([]), start, end),
                                     accuVar: v, accuInit: args[1], loopCondition: lit(.bool(false), r),
                                     loopStep: ident(v, r), result: args[2], macro: macro)
            return node(.comprehension(c), start, end)
        }
        if function == "optMap" || function == "optFlatMap", args.count == 2 {
            // o.optMap(v, e)     → o.hasValue() ? optional.of(bind(v, o.value(), e)) : optional.none()
            // o.optFlatMap(v, e) → o.hasValue() ? bind(v, o.value(), e) : optional.none()
            guard let v = identName(args[0]) else {
                addError("optMap() variable name must be a simple identifier", args[0].range)
                return lit(.null, r)
            }
            let value = node(.call(target: t, function: "value", args: []), start, end)
            let bound = CELComprehension(iterVar: "#unused", iterVar2: nil, iterRange: node(.list([]), start, end),
                                         accuVar: v, accuInit: value, loopCondition: lit(.bool(false), r),
                                         loopStep: ident(v, r), result: args[1], macro: macro)
            let body = node(.comprehension(bound), start, end)
            let some = function == "optMap" ? call("optional.of", [body], r) : body
            return call("_?_:_", [node(.call(target: t, function: "hasValue", args: []), start, end), some,
                                  call("optional.none", [], r)], r)
        }
        let oneVar: Set<String> = ["all", "exists", "exists_one", "existsOne", "map", "filter"]
        let twoVar: Set<String> = ["all", "exists", "exists_one", "existsOne", "transformList", "transformMap", "transformMapEntry"]
        var vars: [String] = []
        var rest: [CELExpr] = []
        if oneVar.contains(function), args.count == 2 || (function == "map" && args.count == 3) {
            guard let v = identName(args[0]) else {
                addError("argument must be a simple name", args[0].range)
                return lit(.null, r)
            }
            vars = [v]
            rest = Array(args.dropFirst())
        } else if twoVar.contains(function), args.count == 3 || (function.hasPrefix("transform") && args.count == 4) {
            guard let v1 = identName(args[0]), let v2 = identName(args[1]) else {
                addError("argument must be a simple name", args[identName(args[0]) == nil ? 0 : 1].range)
                return lit(.null, r)
            }
            vars = [v1, v2]
            rest = Array(args.dropFirst(2))
        } else {
            return nil
        }
        for v in vars where v == celAccumulatorName {
            addError("iteration variable overwrites accumulator variable", r)
        }
        if vars.count == 2 && vars[0] == vars[1] {
            addError("duplicate variable name '\(vars[0])'", args[1].range)
        }
        let accu = celAccumulatorName
        var initE: CELExpr
        var cond: CELExpr
        var step: CELExpr
        var result: CELExpr
        switch function {
        case "all":
            initE = lit(.bool(true), r)
            cond = call("@not_strictly_false", [ident(accu, r)], r)
            step = call("_&&_", [ident(accu, r), rest[0]], r)
            result = ident(accu, r)
        case "exists":
            initE = lit(.bool(false), r)
            cond = call("@not_strictly_false", [call("!_", [ident(accu, r)], r)], r)
            step = call("_||_", [ident(accu, r), rest[0]], r)
            result = ident(accu, r)
        case "exists_one", "existsOne":
            initE = lit(.int(0), r)
            cond = lit(.bool(true), r)
            step = call("_?_:_", [rest[0], call("_+_", [ident(accu, r), lit(.int(1), r)], r), ident(accu, r)], r)
            result = call("_==_", [ident(accu, r), lit(.int(1), r)], r)
        case "map", "transformList":
            initE = node(.list([]), start, end)
            cond = lit(.bool(true), r)
            let f = rest.count == 2 ? rest[1] : rest[0]
            let append = call("_+_", [ident(accu, r), node(.list([f]), f.range.start, f.range.end)], r)
            step = rest.count == 2 ? call("_?_:_", [rest[0], append, ident(accu, r)], r) : append
            result = ident(accu, r)
        case "filter":
            initE = node(.list([]), start, end)
            cond = lit(.bool(true), r)
            let append = call("_+_", [ident(accu, r), node(.list([ident(vars[0], r)]), start, end)], r)
            step = call("_?_:_", [rest[0], append, ident(accu, r)], r)
            result = ident(accu, r)
        case "transformMap", "transformMapEntry":
            initE = node(.map([]), start, end)
            cond = lit(.bool(true), r)
            let f = rest.count == 2 ? rest[1] : rest[0]
            let insert = function == "transformMap"
                ? call("@mapInsert", [ident(accu, r), ident(vars[0], r), f], r)
                : call("@mapInsert", [ident(accu, r), f], r)
            step = rest.count == 2 ? call("_?_:_", [rest[0], insert, ident(accu, r)], r) : insert
            result = ident(accu, r)
        default:
            return nil
        }
        let c = CELComprehension(iterVar: vars[0], iterVar2: vars.count == 2 ? vars[1] : nil, iterRange: t,
                                 accuVar: accu, accuInit: initE, loopCondition: cond, loopStep: step,
                                 result: result, macro: macro)
        return node(.comprehension(c), start, end)
    }
}

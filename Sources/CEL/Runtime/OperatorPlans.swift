/// Specialized plans for the standard operators and for calls with a fixed argument
/// count. Operands are planned as separate closures (never kept in an array, which
/// costs a reabstraction thunk per call) and the operator is chosen at plan time.
extension Planner {
    /// A plan for a standard binary operator, or nil when it has no specialization.
    /// Step accounting matches the general path: one step, plus the result's size cost.
    mutating func planBinaryOperator(_ name: String, _ args: [CELExpr], _ id: Int) -> Eval? {
        let isEquality = name == "_==_" || name == "_!=_"
        let relation = Operators.Relation(name)
        guard isEquality || relation != nil || name == "@in" else { return nil }
        if let special = planLiteralOperand(name, args, id) { return special }
        let l = planNode(args[0]), r = planNode(args[1])
        if isEquality {
            let negate = name == "_!=_"
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let a = l(&c)
                if case .error = a { return a }
                let b = r(&c)
                if case .error = b { return b }
                return .bool(Operators.equal(a, b) != negate)
            }
        }
        if let relation {
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let a = l(&c)
                if case .error = a { return a }
                let b = r(&c)
                if case .error = b { return b }
                return Planner.withID(relation.apply(a, b), id)
            }
        }
        // `@in`: a long constant list of strings is looked up in a set built once.
        if !traced, let set = Planner.constantStringSet(args[1]) {
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let a = l(&c)
                if case .error = a { return a }
                let b = r(&c)
                if case .error = b { return b }
                if case .string(let s) = a { return .bool(set.contains(ScalarString(s))) }
                return Planner.withID(Operators.contains(a, b), id)
            }
        }
        if #available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *) {
            let index = MembershipIndex()
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let a = l(&c)
                if case .error = a { return a }
                let b = r(&c)
                if case .error = b { return b }
                if case .string(let s) = a, case .list(let list) = b {
                    if list.count >= MembershipIndex.minimumCount, let found = index.contains(s, in: list) { return .bool(found) }
                    return .bool(Operators.contains(string: s, a, in: list))
                }
                return Planner.withID(Operators.contains(a, b), id)
            }
        }
        return { c in
            guard c.tick() else { return .err(costLimitMessage, id) }
            let a = l(&c)
            if case .error = a { return a }
            let b = r(&c)
            if case .error = b { return b }
            return Planner.withID(Operators.fastContains(a, b), id)
        }
    }

    /// `x == 'lit'`, `x != 'lit'`, `x >= 3`, `'lit' in x`: the literal operand is used
    /// directly instead of through a closure. Untraced plans only (traces record literals).
    mutating func planLiteralOperand(_ name: String, _ args: [CELExpr], _ id: Int) -> Eval? {
        guard !traced else { return nil }
        if name == "@in", case .literal(.string(let s)) = args[0].kind {
            let needle = CELValue.string(s)
            let r = planNode(args[1])
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let b = r(&c)
                if case .error = b { return b }
                if case .list(let list) = b { return .bool(Operators.contains(string: s, needle, in: list)) }
                return Planner.withID(Operators.contains(needle, b), id)
            }
        }
        guard case .literal(let k) = args[1].kind, !k.isError else { return nil }
        if name == "_==_" || name == "_!=_" {
            let negate = name == "_!=_"
            let l = planNode(args[0])
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let a = l(&c)
                if case .error = a { return a }
                return .bool(Operators.equal(a, k) != negate)
            }
        }
        if let relation = Operators.Relation(name) {
            let l = planNode(args[0])
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let a = l(&c)
                if case .error = a { return a }
                return Planner.withID(relation.apply(a, k), id)
            }
        }
        return nil
    }

    /// The members of a list literal of more than 8 string literals, as a set.
    static func constantStringSet(_ e: CELExpr) -> Set<ScalarString>? {
        guard case .list(let elems) = e.kind, elems.count > 8 else { return nil }
        var set = Set<ScalarString>()
        for el in elems {
            guard case .literal(.string(let s)) = el.kind else { return nil }
            set.insert(ScalarString(s))
        }
        return set
    }

    /// The implementation a call runs: the declaration's dispatcher, or a runtime choice
    /// among the overloads of the right shape.
    func implementation(_ decl: CELFunctionDecl, _ name: String, receiver: Bool, argc: Int) -> CELFunctionImpl {
        if let d = decl.dispatcher { return d }
        let candidates = decl.overloads.filter { $0.isReceiver == receiver && $0.parameters.count == argc }
        let noMatch: CELFunctionImpl = { args in
            .err("no matching overload for '\(name)' applied to (\(args.map { $0.celType.description }.joined(separator: ", ")))")
        }
        // The common case of one overload taking one argument: no loop, no zip.
        if candidates.count == 1, argc == 1 {
            let o = candidates[0]
            let check = ParameterCheck(o.parameters[0])
            guard let f = o.implementation else {
                return { args in
                    check.accepts(args[0]) ? .err("no implementation for overload '\(o.id)'") : noMatch(args)
                }
            }
            return { args in check.accepts(args[0]) ? f(args) : noMatch(args) }
        }
        let checks = candidates.map { $0.parameters.map(ParameterCheck.init) }
        return { args in
            for (i, o) in candidates.enumerated() where zip(checks[i], args).allSatisfy({ $0.accepts($1) }) {
                guard let f = o.implementation else { return .err("no implementation for overload '\(o.id)'") }
                return f(args)
            }
            return noMatch(args)
        }
    }

    /// A call with one argument (or a receiver and no arguments).
    static func planUnaryCall(_ a: @escaping Eval, _ impl: @escaping CELFunctionImpl, _ id: Int) -> Eval {
        { c in
            guard c.tick() else { return .err(costLimitMessage, id) }
            let v = a(&c)
            if case .error = v { return v }
            if c.unaryArguments.isEmpty { c.unaryArguments = [v] } else { c.unaryArguments[0] = v }
            let r = impl(c.unaryArguments)
            if !c.tick(Planner.sizeCost(r)) { return .err(costLimitMessage, id) }
            return Planner.withID(r, id)
        }
    }

    /// A call with two arguments (or a receiver and one argument).
    static func planBinaryCall(_ a: @escaping Eval, _ b: @escaping Eval, _ impl: @escaping CELFunctionImpl, _ id: Int) -> Eval {
        { c in
            guard c.tick() else { return .err(costLimitMessage, id) }
            let x = a(&c)
            if case .error = x { return x }
            let y = b(&c)
            if case .error = y { return y }
            let r = impl([x, y])
            if !c.tick(Planner.sizeCost(r)) { return .err(costLimitMessage, id) }
            return Planner.withID(r, id)
        }
    }
}

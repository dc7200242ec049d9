/// Turns an AST into a tree of closures. Variables are resolved to slots here,
/// so evaluation does no name lookups.
struct Planner {
    let env: CELEnvironment
    let references: [Int: Reference]?
    let traced: Bool
    var globalNames: [String] = []
    var globalIndex: [String: Int] = [:]
    var locals: [[String: Int]] = []
    var nextLocal = 0

    init(env: CELEnvironment, references: [Int: Reference]?, traced: Bool) {
        self.env = env
        self.references = references
        self.traced = traced
    }

    /// Number of comprehension locals (their slots are numbered from 0).
    var localCount: Int { nextLocal }

    mutating func globalSlot(_ name: String) -> Int {
        if let i = globalIndex[name] { return i }
        let i = globalNames.count
        globalNames.append(name)
        globalIndex[name] = i
        return i
    }

    mutating func plan(_ e: CELExpr) -> Eval {
        CELPlanCounter.current?.record(traced: traced)
        // Globals are collected in a first pass so local slot numbers can follow them.
        collectGlobals(e)
        return planNode(e)
    }

    /// Pre-pass: registers every global name the expression may read.
    mutating func collectGlobals(_ root: CELExpr) {
        var scopeStack: [Set<String>] = []
        func visit(_ e: CELExpr, _ p: inout Planner) {
            switch e.kind {
            case .ident(let n):
                if scopeStack.contains(where: { $0.contains(n) }) { return }
                if let r = p.references?[e.id] { if case .variable(let v) = r { _ = p.globalSlot(v) }; return }
                for name in p.dynamicNames(n) { _ = p.globalSlot(name) }
            case .select(let o, _, let testOnly):
                if !testOnly, let r = p.references?[e.id] { if case .variable(let v) = r { _ = p.globalSlot(v) }; return }
                if p.references == nil, !testOnly, let q = Resolution.qualifiedName(e),
                   !scopeStack.contains(where: { $0.contains(Resolution.firstSegment(q)) }) {
                    for name in p.dynamicNames(q) { _ = p.globalSlot(name) }
                    return
                }
                visit(o, &p)
            case .call(_, _, let args) where p.references.map({ if case .function = $0[e.id] { true } else { false } }) == true:
                // A namespaced function (`optional.of(x)`, `math.greatest(…)`): its
                // namespace is not a variable.
                for arg in args { visit(arg, &p) }
            case .comprehension(let c):
                visit(c.iterRange, &p)
                visit(c.accuInit, &p)
                var s: Set<String> = [c.iterVar, c.accuVar]
                if let v2 = c.iterVar2 { s.insert(v2) }
                scopeStack.append(s)
                visit(c.loopCondition, &p)
                visit(c.loopStep, &p)
                visit(c.result, &p)
                scopeStack.removeLast()
            default:
                for ch in e.children { visit(ch, &p) }
            }
        }
        visit(root, &self)
    }

    /// For unchecked plans: every prefix of a qualified name that may be a variable.
    func dynamicNames(_ q: String) -> [String] {
        if Resolution.typeNamed(q, env: env) != nil && env.variables[q] == nil { return [] }
        let parts = q.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var out: [String] = []
        for k in 1...max(parts.count, 1) {
            let name = parts.prefix(k).joined(separator: ".")
            for c in Resolution.candidates(name, container: env.container) { out.append(c) }
        }
        return out
    }

    mutating func pushLocals(_ names: [String]) -> [Int] {
        var scope: [String: Int] = [:]
        var slots: [Int] = []
        for n in names {
            let s = nextLocal
            nextLocal += 1
            scope[n] = s
            slots.append(s)
        }
        locals.append(scope)
        return slots
    }

    func localSlot(_ name: String) -> Int? {
        for s in locals.reversed() { if let i = s[name] { return i } }
        return nil
    }

    mutating func planNode(_ e: CELExpr) -> Eval {
        let f = planKind(e)
        let id = e.id
        if traced {
            return { c in
                let v = f(&c)
                c.trace?[id] = v
                return v
            }
        }
        return f
    }

    /// Extra steps charged for producing a large value (strings and bytes per 64 bytes,
    /// lists and maps per element), so that repeated doubling hits the budget quickly.
    @inline(__always)
    static func sizeCost(_ v: CELValue) -> Int {
        switch v {
        case .string(let s): return s.utf8.count >> 6
        case .bytes(let b): return b.count >> 6
        case .list(let l): return l.count >> 2
        case .map(let m): return m.count >> 2
        default: return 0
        }
    }

    static func withID(_ v: CELValue, _ id: Int) -> CELValue {
        if case .error(var err) = v, err.nodeID == 0 {
            err.nodeID = id
            return .error(err)
        }
        return v
    }

    mutating func planKind(_ e: CELExpr) -> Eval {
        let id = e.id
        switch e.kind {
        case .literal(let v):
            return { _ in v }
        case .ident(let name):
            if let s = localSlot(name) { return { c in c.locals[s] } }
            if let r = references?[id] { return planReference(r, id) }
            return planDynamic(name, id)
        case .select(let operand, let field, let testOnly):
            if !testOnly {
                if let r = references?[id] { return planReference(r, id) }
                if references == nil, let q = Resolution.qualifiedName(e), localSlot(Resolution.firstSegment(q)) == nil {
                    return planDynamic(q, id)
                }
            }
            let name = CELFieldName(field)
            if !testOnly, !traced, let fused = planVariableSelect(operand, name, id) { return fused }
            let o = planNode(operand)
            if testOnly {
                return { c in
                    guard c.tick() else { return .err(costLimitMessage, id) }
                    let v = o(&c)
                    if case .object(let object) = v, !CELOptional.isOptional(object) { return .bool(object.celField(name) != nil) }
                    return Planner.withID(Operators.has(v, field), id)
                }
            }
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let v = o(&c)
                // Host objects first: the common case, without the general dispatch.
                if case .object(let object) = v, !CELOptional.isOptional(object) {
                    return Planner.withID(object.celField(name) ?? .err("no such key: \(field)"), id)
                }
                return Planner.withID(Operators.select(v, field), id)
            }
        case .list(let elems):
            // Constant lists (all literal elements) are built once, at plan time, and
            // charged what building them costs, so the traced plan costs the same.
            if !traced, elems.allSatisfy({ if case .literal = $0.kind { return true }; return false }) {
                let constant = CELValue.list(elems.compactMap { if case .literal(let v) = $0.kind { return v }; return nil })
                let cost = 1 + elems.count
                return { c in
                    guard c.tick(cost) else { return .err(costLimitMessage, id) }
                    return constant
                }
            }
            // `[?x]`: an optional element is left out when none, else its value is added.
            let optional = elems.map { CELExpr.optionalElement($0) != nil }
            let es = elems.map { planNode(CELExpr.optionalElement($0) ?? $0) }
            return { c in
                guard c.tick(1 + es.count) else { return .err(costLimitMessage, id) }
                var out: [CELValue] = []
                out.reserveCapacity(es.count)
                for (index, f) in es.enumerated() {
                    let v = f(&c)
                    if case .error = v { return v }
                    if optional[index] {
                        guard let present = v.asOptional else { return .err("no matching overload: '?' needs an optional value", id) }
                        if let value = present.value { out.append(value) }
                        continue
                    }
                    out.append(v)
                }
                return .list(out)
            }
        case .map(let entries):
            // `{?k: v}`: the entry is left out when v is none, else holds v's value.
            let es = entries.map { (planNode($0.key), planNode(CELExpr.optionalElement($0.value) ?? $0.value),
                                    CELExpr.optionalElement($0.value) != nil) }
            return { c in
                guard c.tick(1 + es.count) else { return .err(costLimitMessage, id) }
                var m = CELMap()
                for (kf, vf, optional) in es {
                    let k = kf(&c)
                    if case .error = k { return k }
                    var v = vf(&c)
                    if case .error = v { return v }
                    if optional {
                        guard let present = v.asOptional else { return .err("no matching overload: '?' needs an optional value", id) }
                        guard let value = present.value else { continue }
                        v = value
                    }
                    switch k {
                    case .int, .uint, .bool, .string: break
                    default: return .err("unsupported key type \(k.celType)", id)
                    }
                    if !m.insert(k, v) { return .err("Failed with repeated key \(k.literalDescription)", id) }
                }
                return .map(m)
            }
        case .comprehension(let comp):
            return planComprehension(comp, id)
        case .call(let target, let function, let args):
            if let r = references?[id], case .function(let fname) = r {
                return planCall(fname, receiver: false, args: args, id)
            }
            if references == nil, let t = target, let q = Resolution.qualifiedName(t),
               localSlot(Resolution.firstSegment(q)) == nil,
               let fname = Resolution.namespacedFunction(q, function, env: env) {
                return planCall(fname, receiver: false, args: args, id)
            }
            if let t = target { return planCall(function, receiver: true, args: [t] + args, id) }
            return planCall(function, receiver: false, args: args, id)
        }
    }

    func planReference(_ r: Reference, _ id: Int) -> Eval {
        switch r {
        case .variable(let n):
            guard let s = globalIndex[n] else { return { _ in .err("no such attribute '\(n)'", id) } }
            return { c in Planner.withID(c.globals[s], id) }
        case .typeValue(let t):
            let v = CELValue.type(t)
            return { _ in v }
        case .function(let f):
            return { _ in .err("function '\(f)' used as a value", id) }
        }
    }

    /// Unchecked name: the longest bound prefix wins, the rest are field selections.
    func planDynamic(_ q: String, _ id: Int) -> Eval {
        let parts = q.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var options: [(slot: Int, rest: [String])] = []
        for k in stride(from: parts.count, through: 1, by: -1) {
            let name = parts.prefix(k).joined(separator: ".")
            for cand in Resolution.candidates(name, container: env.container) {
                if let s = globalIndex[cand] { options.append((s, Array(parts.dropFirst(k)))) }
            }
        }
        let typeValue = env.variables[q] == nil ? Resolution.typeNamed(q, env: env) : nil
        let opts = options
        return { c in
            for (s, rest) in opts {
                var v = c.globals[s]
                if case .error = v { continue }
                for f in rest {
                    v = Operators.select(v, f)
                }
                return Planner.withID(v, id)
            }
            if let t = typeValue { return .type(t) }
            return .err("undeclared reference to '\(q)'", id)
        }
    }

    mutating func planComprehension(_ comp: CELComprehension, _ id: Int) -> Eval {
        if !traced, let q = Quantifier(comp) { return planQuantifier(q, comp, id) }
        let range = planNode(comp.iterRange)
        let initF = planNode(comp.accuInit)
        let accuSlots = pushLocals([comp.accuVar])
        let accuSlot = accuSlots[0]
        let iterSlots = pushLocals([comp.iterVar] + (comp.iterVar2.map { [$0] } ?? []))
        let cond = planNode(comp.loopCondition)
        let step = planStep(comp.loopStep, accuSlot: accuSlot, accuVar: comp.accuVar)
        locals.removeLast()
        let result = planNode(comp.result)
        locals.removeLast()
        let two = comp.iterVar2 != nil
        let s1 = iterSlots[0]
        let s2 = two ? iterSlots[1] : 0
        return { c in
            let r = range(&c)
            let keys: [CELValue]
            var values: [CELValue] = []
            switch r {
            case .error: return r
            case .list(let l):
                if two { keys = (0..<l.count).map { CELValue.int(Int64($0)) }; values = l } else { keys = l }
            case .map(let m):
                keys = m.keys
                if two { values = m.values }
            default:
                return .err("expression of type '\(r.celType)' cannot be iterated", id)
            }
            c.locals[accuSlot] = initF(&c)
            for i in 0..<keys.count {
                guard c.tick() else { return .err(costLimitMessage, id) }
                c.locals[s1] = keys[i]
                if two { c.locals[s2] = values[i] }
                if case .bool(false) = cond(&c) { break }
                c.locals[accuSlot] = step(&c)
            }
            return result(&c)
        }
    }

    /// Plans a loop step; `accu + [x]` appends in place instead of copying.
    mutating func planStep(_ e: CELExpr, accuSlot: Int, accuVar: String) -> Eval {
        if case .call(nil, "_+_", let args) = e.kind, args.count == 2,
           case .ident(let n) = args[0].kind, n == accuVar,
           case .list(let elems) = args[1].kind, elems.count == 1 {
            let elem = planNode(elems[0])
            let id = e.id
            let appendF: Eval = { c in
                let x = elem(&c)
                if case .error = x { return x }
                // Move the accumulator out of its slot so the array is uniquely referenced.
                var cur = CELValue.null
                swap(&cur, &c.locals[accuSlot])
                guard case .list(var a) = cur else { return Operators.add(cur, .list([x])) }
                cur = .null
                a.append(x)
                return .list(a)
            }
            if traced { return { c in let v = appendF(&c); c.trace?[id] = v; return v } }
            return appendF
        }
        if case .call(nil, "_?_:_", let args) = e.kind, args.count == 3 {
            let cond = planNode(args[0])
            let a = planStep(args[1], accuSlot: accuSlot, accuVar: accuVar)
            let b = planStep(args[2], accuSlot: accuSlot, accuVar: accuVar)
            let id = e.id
            let f: Eval = { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                switch cond(&c) {
                case .bool(true): return a(&c)
                case .bool(false): return b(&c)
                case .error(let err): return .error(err)
                default: return .err("no matching overload for '_?_:_'", id)
                }
            }
            if traced { return { c in let v = f(&c); c.trace?[id] = v; return v } }
            return f
        }
        return planNode(e)
    }

    mutating func planCall(_ name: String, receiver: Bool, args: [CELExpr], _ id: Int) -> Eval {
        let argc = args.count
        switch (name, argc) {
        case ("_&&_", 2), ("_||_", 2):
            let l = planNode(args[0]), r = planNode(args[1])
            let isAnd = name == "_&&_"
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let a = l(&c)
                if case .bool(let x) = a, x != isAnd { return a }
                let b = r(&c)
                if case .bool(let y) = b, y != isAnd { return b }
                if case .bool = a, case .bool = b { return b }
                if case .error = a { return a }
                if case .error = b { return b }
                return .err("no matching overload for '\(isAnd ? "_&&_" : "_||_")'", id)
            }
        case ("_?_:_", 3):
            let cf = planNode(args[0]), a = planNode(args[1]), b = planNode(args[2])
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                switch cf(&c) {
                case .bool(true): return a(&c)
                case .bool(false): return b(&c)
                case .error(let err): return .error(err)
                default: return .err("no matching overload for '_?_:_'", id)
                }
            }
        case ("@not_strictly_false", 1):
            let a = planNode(args[0])
            return { c in
                if case .bool(false) = a(&c) { return .bool(false) }
                return .bool(true)
            }
        default: break
        }
        guard let decl = env.functions[name] else {
            let argFs = args.map { planNode($0) }
            return { c in
                for f in argFs { if case .error(let e) = f(&c) { return .error(e) } }
                return .err("no such overload: unknown function '\(name)'", id)
            }
        }
        // Fast paths for standard binary and unary operators.
        if decl.dispatcher != nil, argc == 1, name == "!_" || name == "-_" {
            let a = planNode(args[0])
            let isNot = name == "!_"
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let v = a(&c)
                if case .error = v { return v }
                if isNot, case .bool(let b) = v { return .bool(!b) }
                return Planner.withID(isNot ? Operators.not(v) : Operators.negate(v), id)
            }
        }
        if decl.dispatcher != nil, argc == 2, let op = Operators.binary[name] {
            if let special = planBinaryOperator(name, args, id) { return special }
            let l = planNode(args[0]), r = planNode(args[1])
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                let a = l(&c)
                if case .error = a { return a }
                let b = r(&c)
                if case .error = b { return b }
                let v = op(a, b)
                if !c.tick(Planner.sizeCost(v)) { return .err(costLimitMessage, id) }
                return Planner.withID(v, id)
            }
        }
        if let metered = decl.metered {
            return Planner.planMeteredCall(args.map { planNode($0) }, metered, id)
        }
        let impl = implementation(decl, name, receiver: receiver, argc: argc)
        if decl.isPure, !traced, let constant = Planner.foldPureCall(impl, args, id) {
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                return constant
            }
        }
        if argc == 1 { return Planner.planUnaryCall(planNode(args[0]), impl, id) }
        if argc == 2 {
            let a = planNode(args[0])
            return Planner.planBinaryCall(a, planNode(args[1]), impl, id)
        }
        let argFs = args.map { planNode($0) }
        return { c in
            guard c.tick() else { return .err(costLimitMessage, id) }
            var vals: [CELValue] = []
            vals.reserveCapacity(argc)
            for f in argFs {
                let v = f(&c)
                if case .error = v { return v }
                vals.append(v)
            }
            let r = impl(vals)
            if !c.tick(Planner.sizeCost(r)) { return .err(costLimitMessage, id) }
            return Planner.withID(r, id)
        }
    }

    /// The value of a pure call whose arguments are all literals, computed now; nil
    /// when an argument is not a literal.
    static func foldPureCall(_ impl: CELFunctionImpl, _ args: [CELExpr], _ id: Int) -> CELValue? {
        var values: [CELValue] = []
        for arg in args {
            guard case .literal(let value) = arg.kind else { return nil }
            values.append(value)
        }
        return withID(impl(values), id)
    }
}

/// Type checker: deduces a type for every node, resolves names, reports issues.
struct Checker {
    let env: CELEnvironment
    let source: String
    var types: [Int: CELType] = [:]
    var references: [Int: Reference] = [:]
    var issues: [CELIssue] = []
    var scopes: [[String: CELType]] = []
    var freshCounter = 0

    init(env: CELEnvironment, source: String) {
        self.env = env
        self.source = source
    }

    mutating func error(_ kind: CELIssue.Kind, _ message: String, _ range: CELSourceRange, help: String? = nil) {
        issues.append(CELIssue(kind, message: message, range: range, source: source, help: help))
    }

    mutating func check(_ e: CELExpr) -> CELType {
        let t = visit(e)
        types[e.id] = t
        return t
    }

    /// Element type of an empty list/map literal: joins with anything, shown as `dyn`.
    static let open = CELType.typeParam("*")

    /// Replaces open element types by `dyn` (for reporting).
    static func finalize(_ t: CELType) -> CELType {
        switch t {
        case .typeParam("*"): return .dyn
        case .list(let e): return .list(finalize(e))
        case .map(let k, let v): return .map(finalize(k), finalize(v))
        case .type(let x): return .type(finalize(x))
        case .optional(let x): return .optional(finalize(x))
        default: return t
        }
    }

    /// Least common type of two element types, or nil when they conflict.
    func joinTypes(_ a: CELType, _ b: CELType) -> CELType? {
        if a == b { return a }
        if a == Checker.open { return b }
        if b == Checker.open { return a }
        switch (a, b) {
        case (.list(let x), .list(let y)): return joinTypes(x, y).map { .list($0) }
        case (.map(let k1, let v1), .map(let k2, let v2)):
            guard let k = joinTypes(k1, k2), let v = joinTypes(v1, v2) else { return nil }
            return .map(k, v)
        // Optionals of different types join as optionals of dyn; null joins an optional.
        case (.optional(let x), .optional(let y)): return .optional(joinTypes(x, y) ?? .dyn)
        case (.optional, .null): return a
        case (.null, .optional): return b
        default: return nil
        }
    }

    func lookupLocal(_ name: String) -> CELType? {
        for s in scopes.reversed() { if let t = s[name] { return t } }
        return nil
    }

    /// Resolves a (possibly qualified) name to a global variable or type.
    func resolveGlobal(_ name: String) -> Reference? {
        for cand in Resolution.candidates(name, container: env.container) {
            if env.variables[cand] != nil { return .variable(cand) }
            if let t = Resolution.typeNamed(cand, env: env) { return .typeValue(t) }
        }
        return nil
    }

    mutating func visit(_ e: CELExpr) -> CELType {
        switch e.kind {
        case .literal(let v): return v.celType
        case .ident(let name):
            if let t = lookupLocal(name) { return t }
            if let r = resolveGlobal(name) { return reference(e, r) }
            var candidates = Array(env.variables.keys)
            for s in scopes { candidates.append(contentsOf: s.keys) }
            candidates.removeAll { $0.hasPrefix("@") }
            error(.undeclaredReference(name: name), "undeclared reference to '\(name)'", e.range, help: DidYouMean.help(name, among: candidates))
            return .error
        case .select(let operand, let field, let testOnly):
            if !testOnly, let q = Resolution.qualifiedName(e), lookupLocal(Resolution.firstSegment(q)) == nil,
               let r = resolveGlobal(q) {
                return reference(e, r)
            }
            let ot = check(operand)
            let fieldRange = CELSourceRange(start: max(e.range.start, e.range.end - field.unicodeScalars.count), end: e.range.end)
            let ft: CELType
            switch ot {
            case .dyn, .error: ft = .dyn
            case .map(let k, let v):
                if k != .string && k != .dyn && !isParam(k) { error(.unsupportedFieldSelection, "type '\(ot)' does not support field selection", fieldRange) }
                ft = v
            case .object(let name):
                if let decl = env.objectTypes[name] {
                    if let t = decl.fields[field] { ft = t } else {
                        error(.undefinedField(field: field, type: name), "undefined field '\(field)' in type '\(name)'", fieldRange,
                              help: DidYouMean.help(field, among: decl.fields.keys))
                        ft = .error
                    }
                } else { ft = .dyn }
            case .typeParam: ft = .dyn
            case .optional(let inner):
                // Selecting on an optional selects on its value, giving an optional.
                ft = .optional(optionalFieldType(inner, field))
            default:
                error(.unsupportedFieldSelection, "type '\(ot)' does not support field selection", fieldRange)
                ft = .error
            }
            return testOnly ? .bool : ft
        case .list(let elems):
            var ts: [CELType] = []
            for el in elems { ts.append(elementType(el)) }
            return .list(join(ts))
        case .map(let entries):
            var ks: [CELType] = [], vs: [CELType] = []
            for en in entries {
                ks.append(check(en.key))
                vs.append(elementType(en.value))
            }
            return .map(join(ks), join(vs))
        case .comprehension(let c):
            let rt = check(c.iterRange)
            var scope: [String: CELType] = [:]
            switch rt {
            case .list(let el):
                if let v2 = c.iterVar2 { scope[c.iterVar] = .int; scope[v2] = el } else { scope[c.iterVar] = el }
            case .map(let k, let v):
                scope[c.iterVar] = k
                if let v2 = c.iterVar2 { scope[v2] = v }
            case .dyn, .error, .typeParam:
                scope[c.iterVar] = .dyn
                if let v2 = c.iterVar2 { scope[v2] = .dyn }
            default:
                error(.invalidComprehensionRange, "expression of type '\(rt)' cannot be the range of a comprehension (must be list, map, or dynamic)", c.iterRange.range)
                scope[c.iterVar] = .dyn
                if let v2 = c.iterVar2 { scope[v2] = .dyn }
            }
            var accuType = check(c.accuInit)
            scopes.append([c.accuVar: accuType])
            scopes.append(scope)
            _ = check(c.loopCondition)
            let stepType = check(c.loopStep)
            scopes.removeLast()
            if stepType != .error && stepType != accuType, isMoreSpecific(stepType, than: accuType) {
                accuType = stepType
            }
            scopes[scopes.count - 1][c.accuVar] = accuType
            let r = check(c.result)
            scopes.removeLast()
            return r
        case .call(nil, "_?._", let args) where args.count == 2:
            // `a.?b`: the field's type as an optional.
            let operand = check(args[0])
            _ = check(args[1])
            guard case .literal(.string(let field)) = args[1].kind else { return .optional(.dyn) }
            if case .optional(let inner) = operand { return .optional(optionalFieldType(inner, field)) }
            return .optional(optionalFieldType(operand, field))
        case .call(let target, let function, let args):
            // Namespaced global function written as a receiver call: math.greatest(...)
            if let t = target, let q = Resolution.qualifiedName(t), lookupLocal(Resolution.firstSegment(q)) == nil,
               let fname = Resolution.namespacedFunction(q, function, env: env) {
                references[e.id] = .function(fname)
                return checkCall(e, name: fname, target: nil, args: args)
            }
            return checkCall(e, name: function, target: target, args: args)
        }
    }

    /// The type of an element of a list or map literal; `?x` (an optional element)
    /// contributes the type of x's value.
    mutating func elementType(_ e: CELExpr) -> CELType {
        guard let inner = CELExpr.optionalElement(e) else { return check(e) }
        let t = check(inner)
        types[e.id] = t
        switch t {
        case .optional(let value): return value
        case .dyn, .error, .typeParam: return .dyn
        default:
            error(.expectedOptional, "expected an optional value after '?', found '\(t)'", inner.range)
            return .error
        }
    }

    /// The type of `field` selected on a value of type `t`, for optional selection
    /// (unknown fields of maps and dyn are dyn; of declared objects, their type).
    func optionalFieldType(_ t: CELType, _ field: String) -> CELType {
        switch t {
        case .map(_, let v): return v
        case .object(let name): return env.objectTypes[name]?.fields[field] ?? .dyn
        default: return .dyn
        }
    }

    func isParam(_ t: CELType) -> Bool { if case .typeParam = t { return true }; return false }

    func isMoreSpecific(_ a: CELType, than b: CELType) -> Bool {
        switch (a, b) {
        case (_, .dyn): return a != .dyn
        case (_, .typeParam("*")): return a != Checker.open
        case (.list(let x), .list(let y)): return isMoreSpecific(x, than: y)
        case (.map(let k1, let v1), .map(let k2, let v2)): return isMoreSpecific(k1, than: k2) || isMoreSpecific(v1, than: v2)
        case (.optional(let x), .optional(let y)): return isMoreSpecific(x, than: y)
        default: return false
        }
    }

    mutating func reference(_ e: CELExpr, _ r: Reference) -> CELType {
        references[e.id] = r
        switch r {
        case .variable(let n): return env.variables[n] ?? .dyn
        case .typeValue(let t): return .type(t)
        case .function: return .dyn
        }
    }

    func join(_ ts: [CELType]) -> CELType {
        let real = ts.filter { $0 != .error }
        guard var acc = real.first else { return Checker.open }
        for t in real.dropFirst() {
            guard let j = joinTypes(acc, t) else { return .dyn }
            acc = j
        }
        return acc
    }

    mutating func checkCall(_ e: CELExpr, name: String, target: CELExpr?, args: [CELExpr]) -> CELType {
        var argTypes: [CELType] = []
        if let t = target { argTypes.append(check(t)) }
        for a in args { argTypes.append(check(a)) }
        if argTypes.contains(.error) { return .dyn }
        guard let decl = env.functions[name] else {
            let candidates = env.functions.keys.filter { !$0.hasPrefix("_") && !$0.hasPrefix("@") && !$0.hasPrefix("!") && !$0.hasPrefix("-") }
            error(.undeclaredReference(name: name), "undeclared reference to '\(name)'", e.range, help: DidYouMean.help(name, among: candidates))
            return .error
        }
        var results: [CELType] = []
        for o in decl.overloads where o.isReceiver == (target != nil) && o.parameters.count == argTypes.count {
            var subst: [String: CELType] = [:]
            var ok = true
            for (p, a) in zip(o.parameters, argTypes) where !unify(p, a, &subst) { ok = false; break }
            if ok { results.append(substitute(o.result, subst)) }
        }
        if results.isEmpty {
            let shown = argTypes.map(\.description).joined(separator: ", ")
            let displayName = name
            error(.noMatchingOverload(function: displayName), "no matching overload for '\(displayName)' applied to (\(shown))", e.operatorRange ?? e.range)
            return .error
        }
        if results.count == 1 { return results[0] }
        let f = results[0]
        return results.allSatisfy { $0 == f } ? f : .dyn
    }

    func unify(_ p: CELType, _ a: CELType, _ s: inout [String: CELType]) -> Bool {
        if p == Checker.open || a == Checker.open || p == a { return true }
        switch (p, a) {
        case (.typeParam(let n), _):
            if let b = s[n] {
                if case .typeParam = b { s[n] = a; return true }
                if b == .dyn || a == .dyn { return true }
                if unify(b, a, &s) { return true }
                // widen to dyn when both sides are concrete but different containers of dyn
                return false
            }
            s[n] = a
            return true
        case (.dyn, _), (_, .dyn), (_, .error): return true
        case (_, .typeParam): return true
        case (.list(let x), .list(let y)): return unify(x, y, &s)
        case (.map(let k1, let v1), .map(let k2, let v2)): return unify(k1, k2, &s) && unify(v1, v2, &s)
        case (.type(let x), .type(let y)): return unify(x, y, &s) || true
        case (.optional(let x), .optional(let y)): return unify(x, y, &s)
        case (.object, .null), (.optional, .null): return true
        default: return p == a
        }
    }

    func substitute(_ t: CELType, _ s: [String: CELType]) -> CELType {
        switch t {
        case .typeParam(let n):
            // An unbound open element type stays open, so it can join later.
            guard let b = s[n] else { return t == Checker.open ? t : .dyn }
            return b
        case .list(let e): return .list(substitute(e, s))
        case .map(let k, let v): return .map(substitute(k, s), substitute(v, s))
        case .type(let x): return .type(substitute(x, s))
        case .optional(let x): return .optional(substitute(x, s))
        default: return t
        }
    }
}

/// Name resolution rules shared by the checker and the planner.
enum Resolution {
    /// `a.b.c` for an ident/select chain, nil otherwise.
    static func qualifiedName(_ e: CELExpr) -> String? {
        switch e.kind {
        case .ident(let n): return n
        case .select(let o, let f, false): return qualifiedName(o).map { $0 + "." + f }
        default: return nil
        }
    }

    static func firstSegment(_ q: String) -> String {
        guard let dot = q.utf8.firstIndex(of: UInt8(ascii: ".")) else { return q }
        return String(q[..<dot])
    }

    /// Candidate fully qualified names for a name in a container (most specific first).
    static func candidates(_ name: String, container: String) -> [String] {
        if name.hasPrefix(".") { return [String(name.dropFirst())] }
        if container.isEmpty { return [name] }
        var out: [String] = []
        var parts = container.split(separator: ".").map(String.init)
        while !parts.isEmpty {
            out.append(parts.joined(separator: ".") + "." + name)
            parts.removeLast()
        }
        out.append(name)
        return out
    }

    /// Type denoted by a name (`int`, `list`, `google.protobuf.Timestamp`, declared object types).
    static func typeNamed(_ name: String, env: CELEnvironment) -> CELType? {
        switch name {
        case "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type", "optional_type",
             "google.protobuf.Timestamp", "google.protobuf.Duration":
            return CELType.fromRuntimeName(name)
        default:
            return env.objectTypes[name] != nil ? .object(name) : nil
        }
    }

    /// `q.f` if declared as a global function.
    static func namespacedFunction(_ q: String, _ f: String, env: CELEnvironment) -> String? {
        for cand in candidates(q + "." + f, container: env.container) where env.functions[cand] != nil {
            return cand
        }
        return nil
    }
}

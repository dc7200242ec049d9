/// Where completion was asked for in an expression that may be unfinished.
public struct CELCompletionSite: Sendable {
    public enum Kind: Sendable, Equatable {
        /// After `operand.`: the fields of the operand's type (`location.` → `shore.Location`).
        case member(of: CELType)
        /// A name on its own: variables, functions and macros.
        case identifier
    }

    public let kind: Kind
    /// The part of the name already typed before the cursor.
    public let prefix: String
    /// Offset (in Unicode scalars) where that part starts.
    public let prefixStart: Int
    /// Macro variables in scope at the cursor (`d` inside `data.exists(d, …)`), with their types.
    public let locals: [String: CELType]
}

/// What the sub-expression under a cursor is.
public struct CELNodeInfo: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `operand.field`, where the operand has type `of`.
        case field(String, of: CELType)
        /// A declared variable (a scope variable or a named set).
        case variable(String)
        /// A macro variable.
        case local(String)
        /// A function or macro call.
        case call(String)
        case literal(CELValue)
        case other
    }

    public let kind: Kind
    public let range: CELSourceRange
    /// The type the checker gives the sub-expression (`dyn` where it cannot tell).
    public let type: CELType
}

extension CELEnvironment {
    private static let probe = "__shore_probe__"

    /// What completion at `offset` of `text` (possibly unfinished, such as
    /// `location.`) should offer; nil inside a string literal or where nothing fits.
    /// The text before the cursor is closed off and type-checked leniently, so the
    /// types of variables, fields and macro variables are those the checker gives.
    public func completionSite(in text: String, at offset: Int) -> CELCompletionSite? {
        let scalars = Array(text.unicodeScalars)
        let cut = max(0, min(offset, scalars.count))
        var start = cut
        while start > 0, Self.isNameScalar(scalars[start - 1]) { start -= 1 }
        if start < cut, ("0"..."9").contains(scalars[start]) { return nil }
        let head = Array(scalars[..<start])
        guard let closers = Self.closers(head) else { return nil }  // inside a string
        let prefix = String(String.UnicodeScalarView(scalars[start..<cut]))
        let afterDot = head.last == "."
        if afterDot, head.count >= 2, ("0"..."9").contains(head[head.count - 2]) { return nil }  // `1.` is a number

        var candidates = [String(String.UnicodeScalarView(head)) + Self.probe + closers]
        // When the whole does not parse, fall back to the name chain just before the cursor.
        var chainStart = head.count
        while chainStart > 0, Self.isNameScalar(head[chainStart - 1]) || head[chainStart - 1] == "." { chainStart -= 1 }
        candidates.append(String(String.UnicodeScalarView(head[chainStart...])) + Self.probe)
        for candidate in candidates {
            guard let ast = try? parse(candidate) else { continue }
            var checker = Checker(env: self, source: candidate)
            _ = checker.check(ast.expr)
            guard let path = Self.pathToProbe(ast.expr) else { continue }
            let locals = Self.locals(along: path, types: checker.types)
            if case .select(let operand, _, _) = path.last?.kind {
                let type = Checker.finalize(checker.types[operand.id] ?? .dyn)
                return CELCompletionSite(kind: .member(of: type), prefix: prefix, prefixStart: start, locals: locals)
            }
            return CELCompletionSite(kind: afterDot ? .member(of: .dyn) : .identifier, prefix: prefix,
                                     prefixStart: start, locals: locals)
        }
        return nil
    }

    /// The innermost sub-expression of `text` at `offset`, with its checked type; nil
    /// when the text does not parse or the offset is outside every node.
    public func nodeInfo(in text: String, at offset: Int) -> CELNodeInfo? {
        guard let ast = try? parse(text) else { return nil }
        var checker = Checker(env: self, source: text)
        _ = checker.check(ast.expr)
        var best: (CELExpr, [CELExpr])?
        var stack: [(CELExpr, [CELExpr])] = [(ast.expr, [])]
        while let (node, ancestors) = stack.popLast() {
            guard node.range.start <= offset, offset < node.range.end else { continue }
            if case .ident(let name) = node.kind, name.hasPrefix("@") { continue }
            if best.map({ node.range.end - node.range.start <= $0.0.range.end - $0.0.range.start }) ?? true {
                best = (node, ancestors)
            }
            for child in node.children { stack.append((child, ancestors + [node])) }
        }
        guard let (node, ancestors) = best else { return nil }
        let type = Checker.finalize(checker.types[node.id] ?? .dyn)
        let kind: CELNodeInfo.Kind
        switch node.kind {
        case .select(let operand, let field, _):
            kind = .field(field, of: Checker.finalize(checker.types[operand.id] ?? .dyn))
        case .ident(let name):
            let locals = Self.locals(along: ancestors + [node], types: checker.types)
            kind = locals[name] != nil ? .local(name) : .variable(name)
        case .call(_, let function, _): kind = .call(function)
        case .comprehension(let c): kind = .call(c.macro?.function ?? "comprehension")
        case .literal(let value): kind = .literal(value)
        default: kind = .other
        }
        return CELNodeInfo(kind: kind, range: node.range, type: type)
    }

    /// The functions a user can call (operators left out), by name.
    public var callableFunctions: [CELFunctionDecl] {
        functions.values
            .filter { f in !f.name.hasPrefix("_") && !f.name.hasPrefix("@") && !f.name.hasPrefix("!") && !f.name.hasPrefix("-") }
            .sorted { $0.name < $1.name }
    }

    /// The macros the parser expands, with their forms.
    public static let macros: [(name: String, signature: String, doc: String)] = [
        ("has", "has(x.field) -> bool", "True when the field is set."),
        ("all", "list.all(x, predicate) -> bool", "True when the predicate holds for every element."),
        ("exists", "list.exists(x, predicate) -> bool", "True when the predicate holds for at least one element."),
        ("exists_one", "list.exists_one(x, predicate) -> bool", "True when the predicate holds for exactly one element."),
        ("map", "list.map(x, expr) -> list", "Each element transformed (`map(x, filter, expr)` filters first)."),
        ("filter", "list.filter(x, predicate) -> list", "The elements for which the predicate holds."),
        ("cel.bind", "cel.bind(name, value, expr)", "Evaluates expr with name bound to value."),
    ]

    private static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    /// The brackets that close what `head` leaves open, or nil when `head` ends inside a string.
    private static func closers(_ head: [Unicode.Scalar]) -> String? {
        var open: [Unicode.Scalar] = []
        var quote: Unicode.Scalar?
        var index = 0
        while index < head.count {
            let s = head[index]
            if let q = quote {
                if s == "\\" { index += 1 } else if s == q { quote = nil }
            } else {
                switch s {
                case "'", "\"": quote = s
                case "(": open.append(")")
                case "[": open.append("]")
                case "{": open.append("}")
                case ")", "]", "}": if !open.isEmpty { open.removeLast() }
                default: break
                }
            }
            index += 1
        }
        if quote != nil { return nil }
        return String(String.UnicodeScalarView(open.reversed()))
    }

    /// The nodes from the root down to the probe (an ident or the field of a select).
    private static func pathToProbe(_ root: CELExpr) -> [CELExpr]? {
        var stack: [(CELExpr, [CELExpr])] = [(root, [])]
        while let (node, ancestors) = stack.popLast() {
            switch node.kind {
            case .ident(let name) where name == probe: return ancestors + [node]
            case .select(_, let field, _) where field == probe: return ancestors + [node]
            default: for child in node.children { stack.append((child, ancestors + [node])) }
            }
        }
        return nil
    }

    /// The macro variables bound around the last node of `path`.
    private static func locals(along path: [CELExpr], types: [Int: CELType]) -> [String: CELType] {
        var result: [String: CELType] = [:]
        for (index, node) in path.enumerated() {
            guard case .comprehension(let c) = node.kind, index + 1 < path.count else { continue }
            let child = path[index + 1].id
            guard child != c.iterRange.id, child != c.accuInit.id else { continue }
            if !c.accuVar.hasPrefix("@") {
                result[c.accuVar] = Checker.finalize(types[c.accuInit.id] ?? .dyn)  // cel.bind
            }
            guard !c.iterVar.hasPrefix("#") else { continue }
            switch Checker.finalize(types[c.iterRange.id] ?? .dyn) {
            case .list(let element):
                if let second = c.iterVar2 { result[c.iterVar] = .int; result[second] = element } else { result[c.iterVar] = element }
            case .map(let key, let value):
                result[c.iterVar] = key
                if let second = c.iterVar2 { result[second] = value }
            default:
                result[c.iterVar] = .dyn
                if let second = c.iterVar2 { result[second] = .dyn }
            }
        }
        return result
    }
}

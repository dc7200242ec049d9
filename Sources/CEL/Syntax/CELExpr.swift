/// A node of the CEL abstract syntax tree. Every node has a unique `id`
/// (positive, unique within one parse) and a source `range`.
public struct CELExpr: Sendable {
    public var id: Int
    public var range: CELSourceRange
    public var kind: Kind
    /// For an operator call (`a == b`, `!a`, `-a`, `a[i]`, `c ? a : b`), the operator
    /// token (`==`, `!`, `-`, `[`, `?`): a type error on the call points there, as in
    /// cel-go, rather than at the start of the left operand. Nil for other nodes.
    public var operatorRange: CELSourceRange?

    public init(id: Int, range: CELSourceRange, kind: Kind, operatorRange: CELSourceRange? = nil) {
        self.id = id
        self.range = range
        self.kind = kind
        self.operatorRange = operatorRange
    }

    /// The function the parser wraps an optional list element or map value in (`[?x]`,
    /// `{?k: x}`); the planner leaves the element out when `x` is none.
    public static let optionalElementFunction = "@optional_element"

    /// The wrapped expression when `e` is an optional element (`?x` in a literal).
    public static func optionalElement(_ e: CELExpr) -> CELExpr? {
        if case .call(nil, optionalElementFunction, let args) = e.kind, args.count == 1 { return args[0] }
        return nil
    }

    /// Node kinds.
    public indirect enum Kind: Sendable {
        /// A literal: null, bool, int, uint, double, string or bytes.
        case literal(CELValue)
        /// An identifier (may start with `.` for root-scoped names).
        case ident(String)
        /// `operand.field`; `testOnly` is true for `has(operand.field)`.
        case select(operand: CELExpr, field: String, testOnly: Bool)
        /// A call; `target` is set for receiver-style calls (`x.f(y)`).
        /// Operators are calls too: `_+_`, `_&&_`, `!_`, `-_`, `_?_:_`, `_[_]`, `@in`...
        case call(target: CELExpr?, function: String, args: [CELExpr])
        /// `[a, b, c]`
        case list([CELExpr])
        /// `{k: v, ...}`
        case map([CELMapEntry])
        /// A comprehension, the result of macro expansion (all, exists, map, filter, cel.bind...).
        case comprehension(CELComprehension)
    }

    /// Direct children in evaluation order.
    public var children: [CELExpr] {
        switch kind {
        case .literal, .ident: return []
        case .select(let o, _, _): return [o]
        case .call(let t, _, let a): return (t.map { [$0] } ?? []) + a
        case .list(let e): return e
        case .map(let es): return es.flatMap { [$0.key, $0.value] }
        case .comprehension(let c): return [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result]
        }
    }

    /// Calls `body` on this node and all descendants (pre-order).
    public func walk(_ body: (CELExpr) -> Void) {
        var stack: [CELExpr] = [self]
        while let n = stack.popLast() {
            body(n)
            stack.append(contentsOf: n.children.reversed())
        }
    }
}

/// A map literal entry.
public struct CELMapEntry: Sendable {
    public var id: Int
    public var key: CELExpr
    public var value: CELExpr
    public init(id: Int, key: CELExpr, value: CELExpr) {
        self.id = id
        self.key = key
        self.value = value
    }
}

/// A fold over a list or map (cel-go style). Evaluation:
/// `accu = accuInit; for (iterVar[, iterVar2]) in iterRange { if !loopCondition break; accu = loopStep }; result`.
public struct CELComprehension: Sendable {
    public var iterVar: String
    /// Second variable of two-variable comprehensions (list: index/value; map: key/value), or nil.
    public var iterVar2: String?
    public var iterRange: CELExpr
    public var accuVar: String
    public var accuInit: CELExpr
    public var loopCondition: CELExpr
    public var loopStep: CELExpr
    public var result: CELExpr
    /// The macro call this comprehension was expanded from (for unparsing and display).
    public var macro: CELMacroCall?
}

/// The source form of a macro call: `target.function(args)` or `function(args)`.
public struct CELMacroCall: Sendable {
    public var function: String
    public var target: CELExpr?
    public var args: [CELExpr]
}

/// The accumulator variable name used by macro expansions.
public let celAccumulatorName = "@result"

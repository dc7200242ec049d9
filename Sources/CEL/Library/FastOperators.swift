/// Operator kernels for the planner's hot paths: the common same-kind cases are tested
/// first, one operand at a time (no tuple of copies), and everything else falls back to
/// the general implementations in `Operators` and `Semantics`, so results are identical.
extension Operators {
    /// CEL `==` on two non-error values.
    @inline(__always)
    static func equal(_ a: CELValue, _ b: CELValue) -> Bool {
        switch a {
        case .string(let x): if case .string(let y) = b { return sameScalars(x, y) }
        case .int(let x): if case .int(let y) = b { return x == y }
        case .bool(let x): if case .bool(let y) = b { return x == y }
        case .double(let x): if case .double(let y) = b { return x == y }
        default: break
        }
        return equalValues(a, b)
    }

    /// The four ordering operators.
    enum Relation: Sendable {
        case less, lessOrEqual, greater, greaterOrEqual

        init?(_ name: String) {
            switch name {
            case "_<_": self = .less
            case "_<=_": self = .lessOrEqual
            case "_>_": self = .greater
            case "_>=_": self = .greaterOrEqual
            default: return nil
            }
        }

        var name: String {
            switch self {
            case .less: "_<_"
            case .lessOrEqual: "_<=_"
            case .greater: "_>_"
            case .greaterOrEqual: "_>=_"
            }
        }

        @inline(__always)
        func holds(_ c: Int) -> Bool {
            switch self {
            case .less: c < 0
            case .lessOrEqual: c <= 0
            case .greater: c > 0
            case .greaterOrEqual: c >= 0
            }
        }

        /// The relation on two non-error values: a bool, or a no-overload error.
        @inline(__always)
        func apply(_ a: CELValue, _ b: CELValue) -> CELValue {
            switch a {
            case .int(let x):
                if case .int(let y) = b { return .bool(holds(x < y ? -1 : (x > y ? 1 : 0))) }
            case .double(let x):
                if case .double(let y) = b, !x.isNaN, !y.isNaN { return .bool(holds(x < y ? -1 : (x > y ? 1 : 0))) }
            default: break
            }
            return Operators.relation(name, a, b, holds)
        }
    }

    /// `a in list` for a string `a`: elements are read in place and strings compared directly.
    static func contains(string s: String, _ a: CELValue, in list: [CELValue]) -> Bool {
        list.withUnsafeBufferPointer { elements in
            for i in elements.indices {
                switch elements[i] {
                case .string(let t):
                    if sameScalars(s, t) { return true }
                default:
                    if equalValues(a, elements[i]) { return true }
                }
            }
            return false
        }
    }

    /// `@in` on two non-error values, with the string-in-list case first.
    @inline(__always)
    static func fastContains(_ a: CELValue, _ b: CELValue) -> CELValue {
        if case .string(let s) = a, case .list(let l) = b { return .bool(contains(string: s, a, in: l)) }
        return contains(a, b)
    }
}

/// Native implementations of CEL operators.
enum Operators {
    static func noOverload(_ op: String, _ args: CELValue...) -> CELValue {
        .err("no matching overload for '\(op)' applied to (\(args.map { $0.celType.runtimeName }.joined(separator: ", ")))")
    }

    /// Does a runtime value fit a declared parameter type?
    static func matches(_ v: CELValue, _ t: CELType) -> Bool {
        switch (t, v) {
        case (.dyn, _), (.typeParam, _): return true
        case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double), (.string, .string),
             (.bytes, .bytes), (.list, .list), (.map, .map), (.timestamp, .timestamp), (.duration, .duration), (.type, .type):
            return true
        case (.object(let n), .object(let o)): return o.celTypeName == n
        default: return false
        }
    }

    static let binary: [String: @Sendable (CELValue, CELValue) -> CELValue] = [
        "_==_": { a, b in .bool(equalValues(a, b)) },
        "_!=_": { a, b in .bool(!equalValues(a, b)) },
        "_<_": { a, b in relation("_<_", a, b) { $0 < 0 } },
        "_<=_": { a, b in relation("_<=_", a, b) { $0 <= 0 } },
        "_>_": { a, b in relation("_>_", a, b) { $0 > 0 } },
        "_>=_": { a, b in relation("_>=_", a, b) { $0 >= 0 } },
        "_+_": add, "_-_": subtract, "_*_": multiply, "_/_": divide, "_%_": modulo,
        "_[_]": index, "@in": contains,
    ]

    static func relation(_ op: String, _ a: CELValue, _ b: CELValue, _ ok: (Int) -> Bool) -> CELValue {
        if let c = compareValues(a, b) { return .bool(ok(c)) }
        if isNumeric(a), isNumeric(b) { return .bool(false) }  // NaN
        return noOverload(op, a, b)
    }

    static func add(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case let (.int(x), .int(y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .err("integer overflow") : .int(r)
        case let (.uint(x), .uint(y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .err("unsigned integer overflow") : .uint(r)
        case let (.double(x), .double(y)): return .double(x + y)
        case let (.string(x), .string(y)): return .string(x + y)
        case let (.bytes(x), .bytes(y)): return .bytes(x + y)
        case let (.list(x), .list(y)): return .list(x + y)
        case let (.duration(x), .duration(y)):
            return CELDuration(seconds: x.seconds &+ y.seconds, nanos: Int64(x.nanos) + Int64(y.nanos)).map { .duration($0) } ?? .err("duration overflow")
        case let (.timestamp(t), .duration(d)), let (.duration(d), .timestamp(t)):
            let (s, o) = t.seconds.addingReportingOverflow(d.seconds)
            if o { return .err("timestamp overflow") }
            return CELTimestamp(seconds: s, nanos: Int64(t.nanos) + Int64(d.nanos)).map { .timestamp($0) } ?? .err("timestamp overflow")
        default: return noOverload("_+_", a, b)
        }
    }

    static func subtract(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case let (.int(x), .int(y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .err("integer overflow") : .int(r)
        case let (.uint(x), .uint(y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .err("unsigned integer overflow") : .uint(r)
        case let (.double(x), .double(y)): return .double(x - y)
        case let (.duration(x), .duration(y)):
            let (s, o) = x.seconds.subtractingReportingOverflow(y.seconds)
            if o { return .err("duration overflow") }
            return CELDuration(seconds: s, nanos: Int64(x.nanos) - Int64(y.nanos)).map { .duration($0) } ?? .err("duration overflow")
        case let (.timestamp(t), .duration(d)):
            let (s, o) = t.seconds.subtractingReportingOverflow(d.seconds)
            if o { return .err("timestamp overflow") }
            return CELTimestamp(seconds: s, nanos: Int64(t.nanos) - Int64(d.nanos)).map { .timestamp($0) } ?? .err("timestamp overflow")
        case let (.timestamp(x), .timestamp(y)):
            guard let d = CELDuration(seconds: x.seconds - y.seconds, nanos: Int64(x.nanos) - Int64(y.nanos)), d.totalNanos != nil else {
                return .err("timestamp difference out of range")
            }
            return .duration(d)
        default: return noOverload("_-_", a, b)
        }
    }

    static func multiply(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case let (.int(x), .int(y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .err("integer overflow") : .int(r)
        case let (.uint(x), .uint(y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .err("unsigned integer overflow") : .uint(r)
        case let (.double(x), .double(y)): return .double(x * y)
        default: return noOverload("_*_", a, b)
        }
    }

    static func divide(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case let (.int(x), .int(y)):
            if y == 0 { return .err("division by zero") }
            let (r, o) = x.dividedReportingOverflow(by: y)
            return o ? .err("integer overflow") : .int(r)
        case let (.uint(x), .uint(y)):
            return y == 0 ? .err("division by zero") : .uint(x / y)
        case let (.double(x), .double(y)): return .double(x / y)
        default: return noOverload("_/_", a, b)
        }
    }

    static func modulo(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case let (.int(x), .int(y)):
            if y == 0 { return .err("modulus by zero") }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            return o ? .err("integer overflow") : .int(r)
        case let (.uint(x), .uint(y)):
            return y == 0 ? .err("modulus by zero") : .uint(x % y)
        default: return noOverload("_%_", a, b)
        }
    }

    static func negate(_ a: CELValue) -> CELValue {
        switch a {
        case .int(let x):
            return x == Int64.min ? .err("integer overflow") : .int(-x)
        case .double(let x): return .double(-x)
        case .duration(let d):
            return CELDuration(seconds: -d.seconds, nanos: -Int64(d.nanos)).map { .duration($0) } ?? .err("duration overflow")
        default: return noOverload("-_", a)
        }
    }

    static func not(_ a: CELValue) -> CELValue {
        if case .bool(let b) = a { return .bool(!b) }
        return noOverload("!_", a)
    }

    /// Integral index from int, uint or integral double.
    static func indexValue(_ v: CELValue) -> Int64? {
        switch v {
        case .int(let i): return i
        case .uint(let u): return u <= UInt64(Int64.max) ? Int64(u) : Int64.max
        case .double(let d): return d.rounded(.towardZero) == d && abs(d) < 9e18 ? Int64(d) : nil
        default: return nil
        }
    }

    static func index(_ a: CELValue, _ b: CELValue) -> CELValue {
        if let optional = a.asOptional { return optional.value.map { optionalIndex($0, b) } ?? .optionalNone }
        switch a {
        case .list(let l):
            guard let i = indexValue(b) else {
                if isNumeric(b) { return .err("invalid list index \(b.literalDescription)") }
                return noOverload("_[_]", a, b)
            }
            guard i >= 0, i < l.count else { return .err("index out of range: \(i)") }
            return l[Int(i)]
        case .map(let m):
            switch b {
            case .int, .uint, .double, .bool, .string: break
            default: return noOverload("_[_]", a, b)
            }
            return m[b] ?? .err("no such key: \(b.literalDescription)")
        default: return noOverload("_[_]", a, b)
        }
    }

    static func contains(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch b {
        case .list(let l):
            for e in l where equalValues(a, e) { return .bool(true) }
            return .bool(false)
        case .map(let m):
            switch a {
            case .int, .uint, .double, .bool, .string: return .bool(m[a] != nil)
            default: return .bool(false)
            }
        default: return noOverload("@in", a, b)
        }
    }

    /// `a[?b]`: `optional.of(a[b])`, or none when the key or index is absent; on an
    /// optional, the same on its value (none stays none).
    static func optionalIndex(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch a {
        case .list(let l):
            guard let i = indexValue(b) else { return index(a, b) }
            return i >= 0 && i < l.count ? .optional(of: l[Int(i)]) : .optionalNone
        case .map(let m):
            switch b {
            case .int, .uint, .double, .bool, .string: return m[b].map { .optional(of: $0) } ?? .optionalNone
            default: return noOverload("_[?_]", a, b)
            }
        case .object(let object) where CELOptional.isOptional(object):
            return CELOptional.of(object)?.value.map { optionalIndex($0, b) } ?? .optionalNone
        case .error: return a
        default: return noOverload("_[?_]", a, b)
        }
    }

    /// `a.?field`: `optional.of(a.field)`, or none when absent; on an optional, the
    /// same on its value.
    static func optionalSelect(_ v: CELValue, _ field: String) -> CELValue {
        switch v {
        case .map(let m): return m[string: field].map { .optional(of: $0) } ?? .optionalNone
        case .object(let o) where CELOptional.isOptional(o): return CELOptional.of(o)?.value.map { optionalSelect($0, field) } ?? .optionalNone
        case .object(let o): return o.celField(field).map { .optional(of: $0) } ?? .optionalNone
        case .error: return v
        default: return .err("type '\(v.celType.runtimeName)' does not support field selection")
        }
    }

    static func select(_ v: CELValue, _ field: String) -> CELValue {
        switch v {
        case .object(let o) where CELOptional.isOptional(o): return CELOptional.of(o)?.value.map { optionalSelect($0, field) } ?? .optionalNone
        case .map(let m): return m[string: field] ?? .err("no such key: \(field)")
        case .object(let o): return o.celField(field) ?? .err("no such key: \(field)")
        case .error: return v
        default: return .err("type '\(v.celType.runtimeName)' does not support field selection")
        }
    }

    static func has(_ v: CELValue, _ field: String) -> CELValue {
        switch v {
        case .object(let o) where CELOptional.isOptional(o): return CELOptional.of(o)?.value.map { has($0, field) } ?? .bool(false)
        case .map(let m): return .bool(m[string: field] != nil)
        case .object(let o): return .bool(o.celField(field) != nil)
        case .error: return v
        default: return .err("invalid type for has(): '\(v.celType.runtimeName)'")
        }
    }

    static func mapInsert(_ args: [CELValue]) -> CELValue {
        guard case .map(var m) = args[0] else { return .err("internal: map accumulator expected") }
        if args.count == 3 {
            if !m.insert(args[1], args[2]) { return .err("insert failed: key \(args[1].literalDescription) already exists") }
            return .map(m)
        }
        guard args.count == 2, case .map(let entry) = args[1] else { return .err("transformMapEntry: expected a map") }
        for (k, v) in entry.entries where !m.insert(k, v) {
            return .err("insert failed: key \(k.literalDescription) already exists")
        }
        return .map(m)
    }
}

import Foundation

/// The CEL math extension: greatest, least, ceil, floor, round, trunc, abs, sign,
/// isNaN, isInf, isFinite, bit operations, sqrt.
enum MathExtension {
    static let A = CELType.typeParam("A")

    static func extreme(_ name: String, greatest: Bool) -> CELFunctionDecl {
        var sigs: [(String, Bool, [CELType], CELType)] = []
        for t in [CELType.int, .uint, .double] {
            sigs.append(("\(name)_\(t)", false, [t], t))
            sigs.append(("\(name)_list_\(t)", false, [.list(t)], t))
        }
        sigs.append(("\(name)_list_dyn", false, [.list(.dyn)], .dyn))
        for n in 2...12 {
            for t in [CELType.int, .uint, .double] { sigs.append(("\(name)_\(t)_\(n)", false, Array(repeating: t, count: n), t)) }
            sigs.append(("\(name)_dyn_\(n)", false, Array(repeating: .dyn, count: n), .dyn))
        }
        return StandardLibrary.decl(name, sigs) { args in
            var items = args
            if args.count == 1, case .list(let l) = args[0] {
                items = l
                if l.isEmpty { return .err("\(name)(list) argument must not be empty") }
            }
            var best: CELValue?
            for v in items {
                guard isNumeric(v) else { return .err("no matching overload for '\(name)' applied to \(v.celType.runtimeName)") }
                guard let b = best else { best = v; continue }
                if let c = compareNumbers(v, b), greatest ? c > 0 : c < 0 { best = v }
            }
            return best ?? .err("\(name) requires arguments")
        }
    }

    static func dbl(_ name: String, _ f: @escaping @Sendable (Double) -> Double) -> CELFunctionDecl {
        StandardLibrary.decl(name, [("\(name)_double", false, [.double], .double)]) { a in
            guard case .double(let d) = a[0] else { return Operators.noOverload(name, a[0]) }
            return .double(f(d))
        }
    }

    static func pred(_ name: String, _ f: @escaping @Sendable (Double) -> Bool) -> CELFunctionDecl {
        StandardLibrary.decl(name, [("\(name)_double", false, [.double], .bool)]) { a in
            guard case .double(let d) = a[0] else { return Operators.noOverload(name, a[0]) }
            return .bool(f(d))
        }
    }

    static func bits(_ name: String, _ fi: @escaping @Sendable (Int64, Int64) -> Int64, _ fu: @escaping @Sendable (UInt64, UInt64) -> UInt64) -> CELFunctionDecl {
        StandardLibrary.decl(name, [("\(name)_int_int", false, [.int, .int], .int), ("\(name)_uint_uint", false, [.uint, .uint], .uint)]) { a in
            switch (a[0], a[1]) {
            case let (.int(x), .int(y)): return .int(fi(x, y))
            case let (.uint(x), .uint(y)): return .uint(fu(x, y))
            default: return Operators.noOverload(name, a[0], a[1])
            }
        }
    }

    static let functions: [CELFunctionDecl] = [
        extreme("math.greatest", greatest: true),
        extreme("math.least", greatest: false),
        dbl("math.ceil") { $0.rounded(.up) },
        dbl("math.floor") { $0.rounded(.down) },
        dbl("math.round") { $0.rounded(.toNearestOrAwayFromZero) },
        dbl("math.trunc") { $0.rounded(.towardZero) },
        pred("math.isNaN") { $0.isNaN },
        pred("math.isInf") { $0.isInfinite },
        pred("math.isFinite") { $0.isFinite },
        StandardLibrary.decl("math.abs", [("math_abs_int", false, [.int], .int), ("math_abs_uint", false, [.uint], .uint),
                                          ("math_abs_double", false, [.double], .double)]) { a in
            switch a[0] {
            case .int(let i): return i == Int64.min ? .err("integer overflow") : .int(abs(i))
            case .uint: return a[0]
            case .double(let d): return .double(abs(d))
            default: return Operators.noOverload("math.abs", a[0])
            }
        },
        StandardLibrary.decl("math.sign", [("math_sign_int", false, [.int], .int), ("math_sign_uint", false, [.uint], .uint),
                                           ("math_sign_double", false, [.double], .double)]) { a in
            switch a[0] {
            case .int(let i): return .int(i.signum())
            case .uint(let u): return .uint(u == 0 ? 0 : 1)
            case .double(let d): return .double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0)))
            default: return Operators.noOverload("math.sign", a[0])
            }
        },
        StandardLibrary.decl("math.sqrt", [("math_sqrt_int", false, [.int], .double), ("math_sqrt_uint", false, [.uint], .double),
                                           ("math_sqrt_double", false, [.double], .double)]) { a in
            switch a[0] {
            case .int(let i): return .double(Double(i).squareRoot())
            case .uint(let u): return .double(Double(u).squareRoot())
            case .double(let d): return .double(d.squareRoot())
            default: return Operators.noOverload("math.sqrt", a[0])
            }
        },
        bits("math.bitAnd", { $0 & $1 }, { $0 & $1 }),
        bits("math.bitOr", { $0 | $1 }, { $0 | $1 }),
        bits("math.bitXor", { $0 ^ $1 }, { $0 ^ $1 }),
        StandardLibrary.decl("math.bitNot", [("math_bitNot_int", false, [.int], .int), ("math_bitNot_uint", false, [.uint], .uint)]) { a in
            switch a[0] {
            case .int(let i): return .int(~i)
            case .uint(let u): return .uint(~u)
            default: return Operators.noOverload("math.bitNot", a[0])
            }
        },
        StandardLibrary.decl("math.bitShiftLeft", [("math_bitShiftLeft_int_int", false, [.int, .int], .int),
                                                   ("math_bitShiftLeft_uint_int", false, [.uint, .int], .uint)]) { a in
            guard case .int(let n) = a[1] else { return Operators.noOverload("math.bitShiftLeft", a[0], a[1]) }
            if n < 0 { return .err("math.bitShiftLeft() negative offset: \(n)") }
            switch a[0] {
            case .int(let i): return .int(n >= 64 ? 0 : i << n)
            case .uint(let u): return .uint(n >= 64 ? 0 : u << UInt64(n))
            default: return Operators.noOverload("math.bitShiftLeft", a[0], a[1])
            }
        },
        StandardLibrary.decl("math.bitShiftRight", [("math_bitShiftRight_int_int", false, [.int, .int], .int),
                                                    ("math_bitShiftRight_uint_int", false, [.uint, .int], .uint)]) { a in
            guard case .int(let n) = a[1] else { return Operators.noOverload("math.bitShiftRight", a[0], a[1]) }
            if n < 0 { return .err("math.bitShiftRight() negative offset: \(n)") }
            switch a[0] {
            case .int(let i): return .int(n >= 64 ? 0 : Int64(bitPattern: UInt64(bitPattern: i) >> UInt64(n)))
            case .uint(let u): return .uint(n >= 64 ? 0 : u >> UInt64(n))
            default: return Operators.noOverload("math.bitShiftRight", a[0], a[1])
            }
        },
    ]
}

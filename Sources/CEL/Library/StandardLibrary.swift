/// The declarations of the standard library and the bundled extensions.
enum StandardLibrary {
    static let A = CELType.typeParam("A")
    static let B = CELType.typeParam("B")

    /// Builds a declaration whose overloads share one implementation.
    static func decl(_ name: String, _ sigs: [(String, Bool, [CELType], CELType)], _ impl: @escaping CELFunctionImpl) -> CELFunctionDecl {
        CELFunctionDecl(name: name, overloads: sigs.map { CELOverload(id: $0.0, receiver: $0.1, parameters: $0.2, result: $0.3, implementation: impl) },
                        dispatcher: impl)
    }

    static let functions: [CELFunctionDecl] = operators + conversions + builtins + TimeLibrary.functions
        + StringsExtension.functions + MathExtension.functions + OptionalLibrary.functions

    static let operators: [CELFunctionDecl] = {
        var out: [CELFunctionDecl] = []
        let numeric: [CELType] = [.int, .uint, .double]
        let ordered: [CELType] = [.int, .uint, .double, .string, .bytes, .bool, .timestamp, .duration]
        func bin(_ name: String) -> CELFunctionImpl {
            let f = Operators.binary[name] ?? { _, _ in .err("internal: unknown operator \(name)") }
            return { args in args.count == 2 ? f(args[0], args[1]) : .err("wrong argument count") }
        }
        // Equality is heterogeneous for numbers: 1 == 1.0 == 1u.
        var crossNumeric: [(CELType, CELType)] = []
        for a in numeric { for b in numeric where a != b { crossNumeric.append((a, b)) } }
        out.append(decl("_==_", [("equals", false, [A, A], .bool)] + crossNumeric.map { ("equals_\($0.0)_\($0.1)", false, [$0.0, $0.1], .bool) }, bin("_==_")))
        out.append(decl("_!=_", [("not_equals", false, [A, A], .bool)] + crossNumeric.map { ("not_equals_\($0.0)_\($0.1)", false, [$0.0, $0.1], .bool) }, bin("_!=_")))
        for op in ["_<_", "_<=_", "_>_", ">=", "_>=_"] where op.hasPrefix("_") {
            var sigs: [(String, Bool, [CELType], CELType)] = []
            for t in ordered { sigs.append(("\(op)_\(t)", false, [t, t], .bool)) }
            for a in numeric { for b in numeric where a != b { sigs.append(("\(op)_\(a)_\(b)", false, [a, b], .bool)) } }
            out.append(decl(op, sigs, bin(op)))
        }
        var addSigs: [(String, Bool, [CELType], CELType)] = [CELType.int, .uint, .double, .string, .bytes].map { ("add_\($0)", false, [$0, $0], $0) }
        addSigs += [("add_list", false, [.list(A), .list(A)], .list(A)),
                    ("add_timestamp_duration", false, [.timestamp, .duration], .timestamp),
                    ("add_duration_timestamp", false, [.duration, .timestamp], .timestamp),
                    ("add_duration_duration", false, [.duration, .duration], .duration)]
        out.append(decl("_+_", addSigs, bin("_+_")))
        var subSigs: [(String, Bool, [CELType], CELType)] = numeric.map { ("subtract_\($0)", false, [$0, $0], $0) }
        subSigs += [("subtract_timestamp_timestamp", false, [.timestamp, .timestamp], .duration),
                    ("subtract_timestamp_duration", false, [.timestamp, .duration], .timestamp),
                    ("subtract_duration_duration", false, [.duration, .duration], .duration)]
        out.append(decl("_-_", subSigs, bin("_-_")))
        out.append(decl("_*_", numeric.map { ("multiply_\($0)", false, [$0, $0], $0) }, bin("_*_")))
        out.append(decl("_/_", numeric.map { ("divide_\($0)", false, [$0, $0], $0) }, bin("_/_")))
        out.append(decl("_%_", [CELType.int, .uint].map { ("modulo_\($0)", false, [$0, $0], $0) }, bin("_%_")))
        out.append(decl("-_", [("negate_int", false, [.int], .int), ("negate_double", false, [.double], .double)]) { Operators.negate($0[0]) })
        out.append(decl("!_", [("logical_not", false, [.bool], .bool)]) { Operators.not($0[0]) })
        out.append(decl("_&&_", [("logical_and", false, [.bool, .bool], .bool)]) { _ in .err("internal") })
        out.append(decl("_||_", [("logical_or", false, [.bool, .bool], .bool)]) { _ in .err("internal") })
        out.append(decl("_?_:_", [("conditional", false, [.bool, A, A], A)]) { _ in .err("internal") })
        out.append(decl("@not_strictly_false", [("not_strictly_false", false, [.bool], .bool)]) { _ in .err("internal") })
        out.append(decl("_[_]", [("index_list", false, [.list(A), .int], A), ("index_list_uint", false, [.list(A), .uint], A),
                                 ("index_list_double", false, [.list(A), .double], A),
                                 ("index_map", false, [.map(A, B), A], B),
                                 // On an optional list or map, indexing gives an optional (none stays none).
                                 ("optional_index_list", false, [.optional(.list(A)), .int], .optional(A)),
                                 ("optional_index_map", false, [.optional(.map(A, B)), A], .optional(B))]
            + crossNumeric.map { ("index_map_\($0.0)_\($0.1)", false, [.map($0.0, B), $0.1], B) }, bin("_[_]")))
        out.append(decl("@in", [("in_list", false, [A, .list(A)], .bool), ("in_map", false, [A, .map(A, B)], .bool)]
            + crossNumeric.map { ("in_list_\($0.0)_\($0.1)", false, [$0.0, .list($0.1)], .bool) }
            + crossNumeric.map { ("in_map_\($0.0)_\($0.1)", false, [$0.0, .map($0.1, B)], .bool) }, bin("@in")))
        out.append(decl("@mapInsert", [("map_insert", false, [.map(A, B), A, B], .map(A, B)),
                                       ("map_insert_entry", false, [.map(A, B), .map(A, B)], .map(A, B))], Operators.mapInsert))
        return out
    }()

    static let builtins: [CELFunctionDecl] = {
        var out: [CELFunctionDecl] = []
        let sizeSigs: [(String, Bool, [CELType], CELType)] = [
            ("size_string", false, [.string], .int), ("size_bytes", false, [.bytes], .int),
            ("size_list", false, [.list(A)], .int), ("size_map", false, [.map(A, B)], .int),
            ("string_size", true, [.string], .int), ("bytes_size", true, [.bytes], .int),
            ("list_size", true, [.list(A)], .int), ("map_size", true, [.map(A, B)], .int),
        ]
        out.append(decl("size", sizeSigs) { args in
            guard args.count == 1 else { return .err("no matching overload for 'size'") }
            switch args[0] {
            case .string(let s): return .int(Int64(s.unicodeScalars.count))
            case .bytes(let b): return .int(Int64(b.count))
            case .list(let l): return .int(Int64(l.count))
            case .map(let m): return .int(Int64(m.count))
            default: return Operators.noOverload("size", args[0])
            }
        })
        func strPred(_ name: String, _ f: @escaping @Sendable (String, String) -> Bool) -> CELFunctionDecl {
            decl(name, [("\(name)_string", true, [.string, .string], .bool)]) { args in
                guard args.count == 2, case .string(let a) = args[0], case .string(let b) = args[1] else {
                    return .err("no matching overload for '\(name)'")
                }
                return .bool(f(a, b))
            }
        }
        out.append(strPred("contains") { a, b in b.isEmpty || a.unicodeScalars.firstRange(of: b.unicodeScalars) != nil })
        out.append(strPred("startsWith") { a, b in a.unicodeScalars.starts(with: b.unicodeScalars) })
        out.append(strPred("endsWith") { a, b in a.unicodeScalars.reversed().starts(with: b.unicodeScalars.reversed()) })
        var matches = decl("matches", [("matches", false, [.string, .string], .bool), ("matches_string", true, [.string, .string], .bool)]) { args in
            guard args.count == 2, case .string(let s) = args[0], case .string(let p) = args[1] else {
                return .err("no matching overload for 'matches'")
            }
            return RegexCache.matches(pattern: p, text: s)
        }
        matches.metered = { args, stepsLeft in
            guard args.count == 2, case .string(let s) = args[0], case .string(let p) = args[1] else {
                return (.err("no matching overload for 'matches'"), 0)
            }
            return RegexCache.matches(pattern: p, text: s, stepsLeft: stepsLeft)
        }
        out.append(matches)
        out.append(decl("dyn", [("to_dyn", false, [A], .dyn)]) { $0[0] })
        out.append(decl("type", [("type", false, [A], .type(A))]) { args in .type(args[0].celType) })
        return out
    }()
}

/// Optional values (cel-spec's optional types): `optional.of`, `optional.ofNonZeroValue`,
/// `optional.none`, `hasValue`, `value`, `orValue`, `or`, and the functions behind the
/// syntax `a.?b` (`_?._`) and `a[?b]` (`_[?_]`). `optMap` and `optFlatMap` are macros.
enum OptionalLibrary {
    static let A = StandardLibrary.A
    static let B = StandardLibrary.B

    static let functions: [CELFunctionDecl] = [
        StandardLibrary.decl("optional.of", [("optional_of", false, [A], .optional(A))]) { .optional(of: $0[0]) },
        StandardLibrary.decl("optional.ofNonZeroValue", [("optional_ofNonZeroValue", false, [A], .optional(A))]) { args in
            isZero(args[0]) ? .optionalNone : .optional(of: args[0])
        },
        // The element type of none joins with any other (`[optional.none(), optional.of(1)]`).
        StandardLibrary.decl("optional.none", [("optional_none", false, [], .optional(Checker.open))]) { _ in .optionalNone },
        StandardLibrary.decl("hasValue", [("optional_hasValue", true, [.optional(A)], .bool)]) { args in
            args[0].asOptional.map { .bool($0.value != nil) } ?? noOptional("hasValue", args[0])
        },
        StandardLibrary.decl("value", [("optional_value", true, [.optional(A)], A)]) { args in
            guard let optional = args[0].asOptional else { return noOptional("value", args[0]) }
            return optional.value ?? .err("optional.none() dereference")
        },
        StandardLibrary.decl("orValue", [("optional_orValue_value", true, [.optional(A), A], A)]) { args in
            guard let optional = args[0].asOptional else { return noOptional("orValue", args[0]) }
            return optional.value ?? args[1]
        },
        StandardLibrary.decl("or", [("optional_or_optional", true, [.optional(A), .optional(A)], .optional(A))]) { args in
            guard let optional = args[0].asOptional, args[1].asOptional != nil else { return noOptional("or", args[0]) }
            return optional.value == nil ? args[1] : args[0]
        },
        StandardLibrary.decl("_?._", [("select_optional_field", false, [.dyn, .string], .optional(.dyn))]) { args in
            guard case .string(let field) = args[1] else { return .err("no matching overload for '_?._'") }
            return Operators.optionalSelect(args[0], field)
        },
        StandardLibrary.decl("_[?_]", [("list_optindex_optional_int", false, [.list(A), .int], .optional(A)),
                                       ("optional_list_optindex_optional_int", false, [.optional(.list(A)), .int], .optional(A)),
                                       ("map_optindex_optional_value", false, [.map(A, B), A], .optional(B)),
                                       ("optional_map_optindex_optional_value", false, [.optional(.map(A, B)), A], .optional(B))]) { args in
            Operators.optionalIndex(args[0], args[1])
        },
    ]

    static func noOptional(_ function: String, _ value: CELValue) -> CELValue {
        if case .error = value { return value }
        return .err("no matching overload for '\(function)' applied to \(value.celType.runtimeName)")
    }

    /// The zero value of its type: 0, 0u, 0.0, false, "", b"", [], {}, null, none.
    static func isZero(_ value: CELValue) -> Bool {
        switch value {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .uint(let u): return u == 0
        case .double(let d): return d == 0
        case .string(let s): return s.isEmpty
        case .bytes(let b): return b.isEmpty
        case .list(let l): return l.isEmpty
        case .map(let m): return m.count == 0
        case .object(let o): return CELOptional.of(o).map { $0.value == nil } ?? false
        default: return false
        }
    }
}

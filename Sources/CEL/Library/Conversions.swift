/// Type conversion functions: int, uint, double, string, bytes, bool.
extension StandardLibrary {
    static let conversions: [CELFunctionDecl] = [
        decl("int", [("int64_to_int64", false, [.int], .int), ("uint64_to_int64", false, [.uint], .int),
                     ("double_to_int64", false, [.double], .int), ("string_to_int64", false, [.string], .int),
                     ("timestamp_to_int64", false, [.timestamp], .int)]) { args in
            switch args[0] {
            case .int: return args[0]
            case .uint(let u): return u <= UInt64(Int64.max) ? .int(Int64(u)) : .err("integer overflow: range error")
            case .double(let d):
                guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775807e18 else { return .err("double out of int range") }
                return .int(Int64(d))
            case .string(let s): return Int64(s).map { .int($0) } ?? .err("cannot convert '\(s)' to int")
            case .timestamp(let t): return .int(t.seconds)
            default: return Operators.noOverload("int", args[0])
            }
        },
        decl("uint", [("int64_to_uint64", false, [.int], .uint), ("uint64_to_uint64", false, [.uint], .uint),
                      ("double_to_uint64", false, [.double], .uint), ("string_to_uint64", false, [.string], .uint)]) { args in
            switch args[0] {
            case .uint: return args[0]
            case .int(let i): return i >= 0 ? .uint(UInt64(i)) : .err("integer out of uint range")
            case .double(let d):
                guard d.isFinite, d > -1, d < 1.8446744073709551615e19 else { return .err("double out of uint range") }
                return .uint(UInt64(d))
            case .string(let s): return UInt64(s).map { .uint($0) } ?? .err("cannot convert '\(s)' to uint")
            default: return Operators.noOverload("uint", args[0])
            }
        },
        decl("double", [("int64_to_double", false, [.int], .double), ("uint64_to_double", false, [.uint], .double),
                        ("double_to_double", false, [.double], .double), ("string_to_double", false, [.string], .double)]) { args in
            switch args[0] {
            case .double: return args[0]
            case .int(let i): return .double(Double(i))
            case .uint(let u): return .double(Double(u))
            case .string(let s): return parseDouble(s).map { .double($0) } ?? .err("cannot convert '\(s)' to double")
            default: return Operators.noOverload("double", args[0])
            }
        },
        decl("string", [("string_to_string", false, [.string], .string), ("int64_to_string", false, [.int], .string),
                        ("uint64_to_string", false, [.uint], .string), ("double_to_string", false, [.double], .string),
                        ("bytes_to_string", false, [.bytes], .string), ("bool_to_string", false, [.bool], .string),
                        ("timestamp_to_string", false, [.timestamp], .string),
                        ("duration_to_string", false, [.duration], .string)]) { args in
            switch args[0] {
            case .string: return args[0]
            case .int(let i): return .string(String(i))
            case .uint(let u): return .string(String(u))
            case .double(let d): return .string(formatDouble(d))
            case .bool(let b): return .string(b ? "true" : "false")
            case .bytes(let b):
                guard let s = String(validating: b, as: UTF8.self) else { return .err("invalid UTF-8 in bytes") }
                return .string(s)
            case .timestamp(let t): return .string(t.rfc3339)
            case .duration(let d): return .string(d.text)
            default: return Operators.noOverload("string", args[0])
            }
        },
        decl("bytes", [("bytes_to_bytes", false, [.bytes], .bytes), ("string_to_bytes", false, [.string], .bytes)]) { args in
            switch args[0] {
            case .bytes: return args[0]
            case .string(let s): return .bytes(Array(s.utf8))
            default: return Operators.noOverload("bytes", args[0])
            }
        },
        decl("bool", [("bool_to_bool", false, [.bool], .bool), ("string_to_bool", false, [.string], .bool)]) { args in
            switch args[0] {
            case .bool: return args[0]
            case .string(let s):
                switch s {
                case "1", "t", "true", "TRUE", "True": return .bool(true)
                case "0", "f", "false", "FALSE", "False": return .bool(false)
                default: return .err("cannot convert '\(s)' to bool")
                }
            default: return Operators.noOverload("bool", args[0])
            }
        },
    ]

    static func parseDouble(_ s: String) -> Double? {
        switch s {
        case "NaN": return .nan
        case "Infinity", "+Infinity", "inf", "+inf", "Inf": return .infinity
        case "-Infinity", "-inf", "-Inf": return -.infinity
        default:
            guard !s.isEmpty, s.unicodeScalars.allSatisfy({ "0123456789.eE+-".unicodeScalars.contains($0) }) else { return nil }
            return Double(s)
        }
    }
}

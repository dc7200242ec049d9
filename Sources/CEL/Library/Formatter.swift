import Foundation

/// `string.format(list)` from the strings extension.
enum Formatter {
    static func format(_ f: String, _ args: [CELValue]) -> CELValue {
        let u = Array(f.unicodeScalars)
        var out = ""
        var i = 0
        var argIndex = 0
        while i < u.count {
            let c = u[i]
            if c != "%" { out.unicodeScalars.append(c); i += 1; continue }
            i += 1
            guard i < u.count else { return .err("could not parse formatting clause: missing verb") }
            if u[i] == "%" { out += "%"; i += 1; continue }
            var precision: Int?
            if u[i] == "." {
                i += 1
                var p = 0
                var any = false
                // Clamped while reading: a 20-digit precision must not overflow (it is capped at 100 anyway).
                while i < u.count, let d = Int(String(u[i])), u[i].isASCII { p = min(p * 10 + d, 1_000_000); i += 1; any = true }
                guard any else { return .err("could not parse formatting clause: bad precision") }
                precision = p
            }
            guard i < u.count else { return .err("could not parse formatting clause: missing verb") }
            let verb = u[i]
            i += 1
            guard argIndex < args.count else { return .err("index \(argIndex) out of range") }
            let arg = args[argIndex]
            argIndex += 1
            let piece: CELValue
            switch verb {
            case "s": piece = stringClause(arg)
            case "d": piece = decimal(arg)
            case "f": piece = fixed(arg, precision ?? 6)
            case "e": piece = scientific(arg, precision ?? 6)
            case "x", "X": piece = hex(arg, upper: verb == "X")
            case "o":
                switch arg {
                case .int(let v): piece = .string(String(v, radix: 8))
                case .uint(let v): piece = .string(String(v, radix: 8))
                default: piece = .err("error during formatting: octal clause can only be used on integers")
                }
            case "b":
                switch arg {
                case .int(let v): piece = .string(String(v, radix: 2))
                case .uint(let v): piece = .string(String(v, radix: 2))
                case .bool(let b): piece = .string(b ? "1" : "0")
                default: piece = .err("error during formatting: only integers and bools can be formatted as binary")
                }
            default:
                return .err("could not parse formatting clause: unrecognized formatting clause \"\(verb)\"")
            }
            guard case .string(let s) = piece else { return piece }
            out += s
        }
        return .string(out)
    }

    static func nonFinite(_ d: Double) -> String? {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return nil
    }

    static func stringClause(_ v: CELValue) -> CELValue {
        switch v {
        case .string(let s): return .string(s)
        case .bytes(let b): return .string(String(decoding: b, as: UTF8.self))
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): return .string(nonFinite(d) ?? formatDouble(d))
        case .bool(let b): return .string(b ? "true" : "false")
        case .null: return .string("null")
        case .type(let t): return .string(t.runtimeName)
        case .timestamp(let t): return .string(t.rfc3339)
        case .duration(let d): return .string(d.text)
        case .list(let l):
            var parts: [String] = []
            for e in l {
                guard case .string(let s) = stringClause(e) else { return stringClause(e) }
                parts.append(s)
            }
            return .string("[" + parts.joined(separator: ", ") + "]")
        case .map(let m):
            var parts: [(String, String)] = []
            for (k, val) in m.entries {
                guard case .string(let ks) = stringClause(k) else { return stringClause(k) }
                guard case .string(let vs) = stringClause(val) else { return stringClause(val) }
                parts.append((ks, vs))
            }
            parts.sort { $0.0 < $1.0 }
            return .string("{" + parts.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}")
        case .error: return v
        case .object:
            return .err("error during formatting: string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps")
        }
    }

    static func decimal(_ v: CELValue) -> CELValue {
        switch v {
        case .int(let i): return .string(String(i))
        case .uint(let u): return .string(String(u))
        case .double(let d): if let s = nonFinite(d) { return .string(s) }
        default: break
        }
        return .err("error during formatting: decimal clause can only be used on integers, was given \(v.celType.runtimeName)")
    }

    static func asDouble(_ v: CELValue) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .uint(let u): return Double(u)
        case .double(let d): return d
        default: return nil
        }
    }

    static func fixed(_ v: CELValue, _ p: Int) -> CELValue {
        guard let d = asDouble(v) else { return .err("error during formatting: fixed-point clause can only be used on doubles, was given \(v.celType.runtimeName)") }
        if let s = nonFinite(d) { return .string(s) }
        return .string(String(format: "%.\(min(p, 100))f", d))
    }

    static func scientific(_ v: CELValue, _ p: Int) -> CELValue {
        guard let d = asDouble(v) else { return .err("error during formatting: scientific clause can only be used on doubles, was given \(v.celType.runtimeName)") }
        if let s = nonFinite(d) { return .string(s) }
        return .string(String(format: "%.\(min(p, 100))e", d))
    }

    static func hex(_ v: CELValue, upper: Bool) -> CELValue {
        var s: String
        switch v {
        case .int(let i): s = i < 0 ? "-" + String(i.magnitude, radix: 16) : String(i, radix: 16)
        case .uint(let u): s = String(u, radix: 16)
        case .string(let str): s = str.utf8.map { hex2($0) }.joined()
        case .bytes(let b): s = b.map { hex2($0) }.joined()
        default: return .err("error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given \(v.celType.runtimeName)")
        }
        if upper { s = s.uppercased() }
        return .string(s)
    }
}

import Foundation

/// timestamp() / duration() and their accessors, with optional time zones.
enum TimeLibrary {
    static let A = CELType.typeParam("A")

    static let functions: [CELFunctionDecl] = {
        var out: [CELFunctionDecl] = []
        out.append(StandardLibrary.decl("timestamp", [("string_to_timestamp", false, [.string], .timestamp),
                                                      ("timestamp_to_timestamp", false, [.timestamp], .timestamp),
                                                      ("int64_to_timestamp", false, [.int], .timestamp)]) { args in
            switch args[0] {
            case .timestamp: return args[0]
            case .string(let s): return CELTimestamp(rfc3339: s).map { .timestamp($0) } ?? .err("timestamp out of range or invalid: '\(s)'")
            case .int(let i): return CELTimestamp(seconds: i).map { .timestamp($0) } ?? .err("timestamp out of range")
            default: return Operators.noOverload("timestamp", args[0])
            }
        })
        out.append(StandardLibrary.decl("duration", [("string_to_duration", false, [.string], .duration),
                                                     ("duration_to_duration", false, [.duration], .duration)]) { args in
            switch args[0] {
            case .duration: return args[0]
            case .string(let s): return CELDuration(text: s).map { .duration($0) } ?? .err("invalid duration or out of range: '\(s)'")
            default: return Operators.noOverload("duration", args[0])
            }
        })
        let accessors: [(String, Bool)] = [
            ("getFullYear", false), ("getMonth", false), ("getDayOfYear", false), ("getDate", false),
            ("getDayOfMonth", false), ("getDayOfWeek", false), ("getHours", true), ("getMinutes", true),
            ("getSeconds", true), ("getMilliseconds", true),
        ]
        for (name, onDuration) in accessors {
            var sigs: [(String, Bool, [CELType], CELType)] = [
                ("timestamp_\(name)", true, [.timestamp], .int),
                ("timestamp_\(name)_with_tz", true, [.timestamp, .string], .int),
            ]
            if onDuration { sigs.append(("duration_\(name)", true, [.duration], .int)) }
            out.append(StandardLibrary.decl(name, sigs) { args in accessor(name, args) })
        }
        return out
    }()

    static func accessor(_ name: String, _ args: [CELValue]) -> CELValue {
        switch args.first {
        case .duration(let d) where args.count == 1:
            let (s, n) = d.truncated
            switch name {
            case "getHours": return .int(s / 3600)
            case "getMinutes": return .int(s / 60)
            case "getSeconds": return .int(s)
            case "getMilliseconds": return .int(n / 1_000_000)  // milliseconds component
            default: return Operators.noOverload(name, args[0])
            }
        case .timestamp(let t):
            var offset: Int64 = 0
            if args.count == 2 {
                guard case .string(let tz) = args[1] else { return Operators.noOverload(name, args[0], args[1]) }
                guard let o = zoneOffset(tz, at: t) else { return .err("invalid time zone '\(tz)'") }
                offset = o
            }
            let local = t.seconds + offset
            let days = floorDiv(local, 86_400)
            let secOfDay = local - days * 86_400
            let (y, m, d) = civilFromDays(days)
            switch name {
            case "getFullYear": return .int(y)
            case "getMonth": return .int(m - 1)
            case "getDayOfYear": return .int(days - daysFromCivil(y, 1, 1))
            case "getDate": return .int(d)
            case "getDayOfMonth": return .int(d - 1)
            case "getDayOfWeek": return .int(((days % 7) + 7 + 4) % 7)  // 1970-01-01 was a Thursday
            case "getHours": return .int(secOfDay / 3600)
            case "getMinutes": return .int(secOfDay / 60 % 60)
            case "getSeconds": return .int(secOfDay % 60)
            case "getMilliseconds": return .int(Int64(t.nanos) / 1_000_000)
            default: return Operators.noOverload(name, args[0])
            }
        default:
            return .err("no matching overload for '\(name)'")
        }
    }

    /// Offset from UTC in seconds for an IANA zone name or a fixed offset like `+05:30` / `02:00`.
    static func zoneOffset(_ tz: String, at t: CELTimestamp) -> Int64? {
        let u = Array(tz.utf8)
        var i = 0
        var sign: Int64 = 1
        if let f = u.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { sign = f == UInt8(ascii: "-") ? -1 : 1; i = 1 }
        if u.count - i == 5, u[i + 2] == UInt8(ascii: ":"),
           let h = Int64(String(decoding: u[i..<(i + 2)], as: UTF8.self)),
           let m = Int64(String(decoding: u[(i + 3)..<(i + 5)], as: UTF8.self)) {
            return sign * (h * 3600 + m * 60)
        }
        if tz == "UTC" || tz == "Z" { return 0 }
        guard let zone = TimeZone(identifier: tz) else { return nil }
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t.seconds))))
    }
}

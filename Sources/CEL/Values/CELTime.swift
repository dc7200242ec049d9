/// A point in time: seconds and nanoseconds since the Unix epoch (UTC),
/// limited to years 0001...9999.
public struct CELTimestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    /// 0..<1_000_000_000
    public var nanos: Int32

    static let minSeconds: Int64 = -62_135_596_800   // 0001-01-01T00:00:00Z
    static let maxSeconds: Int64 = 253_402_300_799   // 9999-12-31T23:59:59Z

    /// Builds a timestamp; nil when outside the CEL range.
    public init?(seconds: Int64, nanos: Int64 = 0) {
        guard let (s, n) = normalizeTime(seconds, nanos), s >= Self.minSeconds, s <= Self.maxSeconds else { return nil }
        self.seconds = s
        self.nanos = n
    }

    public static func < (a: Self, b: Self) -> Bool { (a.seconds, a.nanos) < (b.seconds, b.nanos) }

    /// RFC 3339 text in UTC, e.g. `2009-02-13T23:31:30Z` (fraction with 3/6/9 digits when needed).
    public var rfc3339: String {
        let days = floorDiv(seconds, 86_400)
        let secOfDay = seconds - days * 86_400
        let (y, m, d) = civilFromDays(days)
        var s = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
        s += pad(Int64(secOfDay / 3600), 2) + ":" + pad(Int64(secOfDay / 60 % 60), 2) + ":" + pad(Int64(secOfDay % 60), 2)
        s += fractionText(nanos)
        return s + "Z"
    }

    /// Parses RFC 3339 (`2006-01-02T15:04:05.999999999Z07:00`).
    public init?(rfc3339 text: String) {
        let c = Array(text.utf8)
        var i = 0
        func num(_ n: Int) -> Int64? {
            guard i + n <= c.count else { return nil }
            var v: Int64 = 0
            for j in i..<(i + n) {
                guard c[j] >= 48, c[j] <= 57 else { return nil }
                v = v * 10 + Int64(c[j] - 48)
            }
            i += n
            return v
        }
        func lit(_ ch: UInt8) -> Bool {
            guard i < c.count, c[i] == ch || (ch == 84 && c[i] == 116) || (ch == 90 && c[i] == 122) else { return false }
            i += 1
            return true
        }
        guard let y = num(4), lit(45), let mo = num(2), lit(45), let d = num(2), lit(84),
              let h = num(2), lit(58), let mi = num(2), lit(58), let se = num(2) else { return nil }
        guard mo >= 1, mo <= 12, d >= 1, d <= daysInMonth(y, mo), h < 24, mi < 60, se < 60 else { return nil }
        var nanos: Int64 = 0
        if i < c.count, c[i] == 46 {
            i += 1
            var digits = 0
            while i < c.count, c[i] >= 48, c[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(c[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if digits < 9 { for _ in digits..<9 { nanos *= 10 } }
        }
        var offset: Int64 = 0
        if lit(90) {
        } else if i < c.count, c[i] == 43 || c[i] == 45 {
            let sign: Int64 = c[i] == 45 ? -1 : 1
            i += 1
            guard let oh = num(2), lit(58), let om = num(2) else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == c.count else { return nil }
        let secs = daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + se - offset
        self.init(seconds: secs, nanos: nanos)
    }
}

/// A signed span of time, seconds plus nanoseconds, limited to about ±10,000 years.
public struct CELDuration: Sendable, Hashable, Comparable {
    /// Whole seconds (floor), so that total = seconds * 1e9 + nanos.
    public var seconds: Int64
    /// 0..<1_000_000_000
    public var nanos: Int32

    static let maxSeconds: Int64 = 315_576_000_000

    /// Builds a duration; nil when outside the CEL range.
    public init?(seconds: Int64, nanos: Int64 = 0) {
        guard let (s, n) = normalizeTime(seconds, nanos) else { return nil }
        let lowOK = s > -Self.maxSeconds - 1 || (s == -Self.maxSeconds - 1 && n > 0)
        guard lowOK, s < Self.maxSeconds || (s == Self.maxSeconds && n == 0) else { return nil }
        self.seconds = s
        self.nanos = n
    }

    public static func < (a: Self, b: Self) -> Bool { (a.seconds, a.nanos) < (b.seconds, b.nanos) }

    /// Total nanoseconds if it fits in Int64.
    var totalNanos: Int64? {
        let (m, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (t, o2) = m.addingReportingOverflow(Int64(nanos))
        return o1 || o2 ? nil : t
    }

    /// Seconds truncated toward zero, and the sign-matched nanosecond remainder.
    var truncated: (seconds: Int64, nanos: Int64) {
        if seconds < 0 && nanos > 0 { return (seconds + 1, Int64(nanos) - 1_000_000_000) }
        return (seconds, Int64(nanos))
    }

    /// Protobuf JSON form, e.g. `1.5s`, `-0.000000001s`.
    public var text: String {
        let (s, n) = truncated
        let neg = s < 0 || n < 0
        var out = neg ? "-" : ""
        out += String(s.magnitude)
        out += fractionText(Int32(n.magnitude))
        return out + "s"
    }

    /// Parses Go-style durations: `1h30m`, `-1.5s`, `100ms`, `2us`, `3ns`.
    public init?(text: String) {
        var c = Array(text.unicodeScalars)
        var neg = false
        if let f = c.first, f == "-" || f == "+" { neg = f == "-"; c.removeFirst() }
        guard !c.isEmpty else { return nil }
        if c == ["0"] { self.init(seconds: 0); return }
        var totalSec: Int64 = 0
        var totalNanos: Int64 = 0
        var i = 0
        while i < c.count {
            var intPart: Int64 = 0
            var fracNum: Int64 = 0
            var fracDen: Int64 = 1
            var sawDigit = false
            while i < c.count, let d = c[i].properties.numericType != nil ? Int64(String(c[i])) : nil {
                let (m, o1) = intPart.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(d)
                guard !o1, !o2 else { return nil }
                intPart = a
                sawDigit = true
                i += 1
            }
            if i < c.count, c[i] == "." {
                i += 1
                while i < c.count, let d = Int64(String(c[i])) {
                    if fracDen < 1_000_000_000_000 { fracNum = fracNum * 10 + d; fracDen *= 10 }
                    sawDigit = true
                    i += 1
                }
            }
            guard sawDigit else { return nil }
            var unit = ""
            while i < c.count, !(c[i].properties.numericType != nil) && c[i] != "." {
                unit.unicodeScalars.append(c[i])
                i += 1
            }
            let nanosPerUnit: Int64
            switch unit {
            case "h": nanosPerUnit = 3_600_000_000_000
            case "m": nanosPerUnit = 60_000_000_000
            case "s": nanosPerUnit = 1_000_000_000
            case "ms": nanosPerUnit = 1_000_000
            case "us", "µs", "μs": nanosPerUnit = 1_000
            case "ns": nanosPerUnit = 1
            default: return nil
            }
            // whole units
            if nanosPerUnit >= 1_000_000_000 {
                let secPerUnit = nanosPerUnit / 1_000_000_000
                let (m, o) = intPart.multipliedReportingOverflow(by: secPerUnit)
                guard !o, m <= Self.maxSeconds * 2 else { return nil }
                totalSec += m
                guard totalSec <= Self.maxSeconds * 2 else { return nil }
            } else {
                let (m, o) = intPart.multipliedReportingOverflow(by: nanosPerUnit)
                guard !o else { return nil }
                totalSec += m / 1_000_000_000
                totalNanos += m % 1_000_000_000
            }
            if fracNum > 0 {
                // fraction of a unit, in nanos (Double is precise enough for 12 digits * unit)
                let n = Double(fracNum) / Double(fracDen) * Double(nanosPerUnit)
                let whole = Int64(n)
                totalSec += whole / 1_000_000_000
                totalNanos += whole % 1_000_000_000
            }
        }
        if neg { totalSec = -totalSec; totalNanos = -totalNanos }
        self.init(seconds: totalSec, nanos: totalNanos)
    }
}

// MARK: - helpers

func normalizeTime(_ s: Int64, _ n: Int64) -> (Int64, Int32)? {
    let carry = floorDiv(n, 1_000_000_000)
    let rem = n - carry * 1_000_000_000
    let (t, o) = s.addingReportingOverflow(carry)
    return o ? nil : (t, Int32(rem))
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
}

func pad(_ v: Int64, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

func fractionText(_ nanos: Int32) -> String {
    guard nanos != 0 else { return "" }
    if nanos % 1_000_000 == 0 { return "." + pad(Int64(nanos / 1_000_000), 3) }
    if nanos % 1_000 == 0 { return "." + pad(Int64(nanos / 1_000), 6) }
    return "." + pad(Int64(nanos), 9)
}

/// Days since 1970-01-01 for a proleptic Gregorian date.
func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = floorDiv(y, 400)
    let yoe = y - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
}

/// (year, month 1-12, day 1-31) for days since 1970-01-01.
func civilFromDays(_ z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = floorDiv(z, 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
}

func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
    switch m {
    case 2: return isLeap(y) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

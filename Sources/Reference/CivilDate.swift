import Foundation

/// A calendar date without a time or zone (proleptic Gregorian), years 1…9999.
///
/// Encodes and decodes as its `YYYY-MM-DD` string; decoding validates like `init(parsing:)`.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    var year: Int { Int(packed >> 9) }
    var month: Int { Int(packed >> 5 & 0xF) }
    var day: Int { Int(packed & 0x1F) }
    /// Year << 9 | month << 5 | day: four bytes, in date order (a large plan has a few
    /// dates per engagement).
    private let packed: UInt32

    /// A valid date, or nil (`CivilDate(year: 2027, month: 2, day: 30)` is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        packed = UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    /// Parses strict `YYYY-MM-DD` (four-digit year, two-digit month and day, a real date).
    public init(parsing text: String) throws(ReferenceError) {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else {
            throw ReferenceError("'\(text)' is not a date; write YYYY-MM-DD, e.g. 2027-01-31")
        }
        guard let date = CivilDate(year: y, month: m, day: d) else {
            if (1...12).contains(m), y >= 1 {
                throw ReferenceError("'\(text)' is not a valid date: \(CivilDate.monthNames[m - 1]) \(y) has \(CivilDate.daysIn(month: m, year: y)) days")
            }
            throw ReferenceError("'\(text)' is not a valid date (month 01-12, year 0001-9999)")
        }
        self = date
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try CivilDate(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses strict `YYYY-MM-DD`, or returns nil.
    public static func parse(_ text: String) -> CivilDate? { try? CivilDate(parsing: text) }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        a.packed < b.packed
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date `daysSinceEpoch` days after 1970-01-01, or nil outside years 1…9999.
    public init?(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)
    }

    /// This date moved by `days` (may be negative), or nil outside years 1…9999.
    public func adding(days: Int) -> CivilDate? { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The instant at which this date, at `minutes` after local midnight (may exceed 1440),
    /// begins in `zone`. Local times that do not exist (spring-forward gap) use the offset in
    /// force before the transition, so 02:30 on a New York spring-forward day is 03:30 EDT;
    /// local times that occur twice (fall-back) take the first occurrence.
    func instant(atMinute minutes: Int, in zone: TimeZone) -> Date {
        let local = Double(daysSinceEpoch) * 86_400 + Double(minutes) * 60  // wall clock read as UTC
        let before = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - 86_400 * 1.5)))
        let after = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local + 86_400 * 1.5)))
        var candidates: [Double] = []
        for offset in [before, after] {
            let t = local - offset
            if Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t))) == offset { candidates.append(t) }
        }
        if let first = candidates.min() { return Date(timeIntervalSince1970: first) }
        // In a gap: neither offset reproduces the wall time; use the earlier offset.
        return Date(timeIntervalSince1970: local - before)
    }

    /// Today's date in `zone` (defaults to UTC).
    public static func today(in zone: TimeZone = TimeZone(identifier: "UTC") ?? .current) -> CivilDate {
        let seconds = Date().timeIntervalSince1970 + Double(zone.secondsFromGMT(for: Date()))
        let days = Int((seconds / 86_400).rounded(.down))
        return CivilDate(daysSinceEpoch: days) ?? CivilDate(checkedYear: 1970, month: 1, day: 1)
    }

    private init(checkedYear year: Int, month: Int, day: Int) {
        packed = UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
    }
}

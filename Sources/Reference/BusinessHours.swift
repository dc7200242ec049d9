/// A daily working window in local time, written `HH:MM-HH:MM`.
///
/// - Times are 00:00…23:59; the end may also be `24:00` (midnight at the end of the day).
/// - An end earlier than the start crosses midnight: `21:00-06:00` is 9 hours.
/// - Start equal to end (`09:00-09:00`) is an error: it is ambiguous between an empty
///   window and 24 hours. A 24-hour operation is written `00:00-24:00`.
///
/// Encodes and decodes as its `HH:MM-HH:MM` string; decoding validates like `init(parsing:)`.
public struct BusinessHours: Sendable, Hashable, CustomStringConvertible, Codable {
    /// Minutes after local midnight at which work starts, 0…1439.
    public var startMinute: Int { Int(start) }
    /// Minutes after local midnight at which work ends, 0…1440 (≤ start: on the next day).
    public var endMinute: Int { Int(end) }
    // Kept in four bytes: a large plan has a business day per location.
    private let start: UInt16, end: UInt16

    /// The default business day, 09:00-17:00.
    public static let standard = BusinessHours(checkedStart: 9 * 60, end: 17 * 60)

    /// A window from minutes, or nil when out of range or start == end.
    public init?(startMinute: Int, endMinute: Int) {
        guard (0..<1440).contains(startMinute), (0...1440).contains(endMinute), startMinute != endMinute else {
            return nil
        }
        start = UInt16(startMinute)
        end = UInt16(endMinute)
    }

    private init(checkedStart: Int, end: Int) {
        start = UInt16(checkedStart)
        self.end = UInt16(end)
    }

    /// True when the window ends on the next day (`21:00-06:00`).
    var crossesMidnight: Bool { endMinute < startMinute }

    /// The length in minutes (1…1440).
    var durationMinutes: Int { crossesMidnight ? endMinute + 1440 - startMinute : endMinute - startMinute }

    /// The end as minutes after the start day's midnight (> `startMinute`; up to 2879).
    var endMinuteFromStartDay: Int { crossesMidnight ? endMinute + 1440 : endMinute }

    /// `HH:MM-HH:MM`.
    public var description: String { Self.format(startMinute) + "-" + Self.format(endMinute) }

    static func format(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// Parses strict `HH:MM-HH:MM`. Errors suggest the canonical spelling when the input is
    /// recognisably a time range (`9:00-17:00`, `09:00 - 17:00`, `0900-1700`, `9-17`).
    public init(parsing text: String) throws(ReferenceError) {
        if let (s, e) = Self.strict(text) {
            guard let hours = BusinessHours(startMinute: s, endMinute: e) else {
                throw Self.rangeError(text, s, e)
            }
            self = hours
            return
        }
        if let (s, e) = Self.lenient(text), let hours = BusinessHours(startMinute: s, endMinute: e) {
            throw ReferenceError("'\(text)' is not in the form HH:MM-HH:MM; did you mean '\(hours)'?",
                                 suggestion: hours.description)
        }
        if let (s, e) = Self.lenient(text) { throw Self.rangeError(text, s, e) }
        throw ReferenceError("'\(text)' is not in the form HH:MM-HH:MM (e.g. 09:00-17:00; 21:00-06:00 crosses midnight)")
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try BusinessHours(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses strict `HH:MM-HH:MM`, or returns nil.
    static func parse(_ text: String) -> BusinessHours? { try? BusinessHours(parsing: text) }

    private static func rangeError(_ text: String, _ s: Int, _ e: Int) -> ReferenceError {
        if s == e {
            return ReferenceError("'\(text)': start and end are equal; write 00:00-24:00 for 24 hours")
        }
        if s >= 1440 {
            return ReferenceError("'\(text)': the start must be 00:00-23:59 (24:00 is allowed only as the end)")
        }
        return ReferenceError("'\(text)': times must be 00:00-23:59 (or 24:00 as the end)")
    }

    /// (start, end) in minutes from exactly `HH:MM-HH:MM`; hours ≤ 24, minutes ≤ 59, 24 only as 24:00.
    private static func strict(_ text: String) -> (Int, Int)? {
        let b = Array(text.utf8)
        guard b.count == 11, b[2] == UInt8(ascii: ":"), b[5] == UInt8(ascii: "-"), b[8] == UInt8(ascii: ":") else { return nil }
        func two(_ i: Int) -> Int? {
            guard (48...57).contains(b[i]), (48...57).contains(b[i + 1]) else { return nil }
            return Int(b[i] - 48) * 10 + Int(b[i + 1] - 48)
        }
        guard let h1 = two(0), let m1 = two(3), let h2 = two(6), let m2 = two(9) else { return nil }
        guard m1 < 60, m2 < 60, h1 <= 24, h2 <= 24 else { return nil }
        if (h1 == 24 && m1 != 0) || (h2 == 24 && m2 != 0) { return nil }
        return (h1 * 60 + m1, h2 * 60 + m2)
    }

    /// A forgiving reading used only to build suggestions.
    private static func lenient(_ text: String) -> (Int, Int)? {
        let cleaned = text.unicodeScalars.filter { $0 != " " && $0 != "\t" }
            .map { ["\u{2013}", "\u{2014}", "\u{2012}", "~"].contains(String($0)) ? "-" : String($0) }
            .joined()
        let parts = cleaned.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        func time(_ s: Substring) -> Int? {
            var s = s.lowercased()
            var pm = false, am = false
            if s.hasSuffix("pm") { pm = true; s.removeLast(2) } else if s.hasSuffix("am") { am = true; s.removeLast(2) }
            var h: Int?, m: Int? = 0
            let pieces = s.split(separator: s.contains(":") ? ":" : ".", omittingEmptySubsequences: false)
            if pieces.count == 2 {
                h = Int(pieces[0]); m = pieces[1].count == 2 ? Int(pieces[1]) : nil
            } else if s.count == 4, let v = Int(s) {
                h = v / 100; m = v % 100
            } else if (1...2).contains(s.count) {
                h = Int(s)
            }
            guard var hour = h, let minute = m, (0...24).contains(hour), (0..<60).contains(minute),
                  !pieces.isEmpty else { return nil }
            if pm || am {
                guard (1...12).contains(hour) else { return nil }
                if pm && hour != 12 { hour += 12 }
                if am && hour == 12 { hour = 0 }
            }
            if hour == 24 && minute != 0 { return nil }
            return hour * 60 + minute
        }
        guard let s = time(parts[0]), let e = time(parts[1]) else { return nil }
        return (s, e)
    }
}

import Foundation

/// Business-hours overlap between a company and a work location (`location.overlap_hours`).
public enum Overlap {
    /// The number of hours of the company's business day on `date` (in `companyZone`)
    /// during which the location is working.
    ///
    /// The company's day runs from `companyHours.start` on `date` to its end (on the next
    /// day if it crosses midnight), each converted to an instant with the UTC offset in
    /// force at that moment in `companyZone`. The location works its `locationShifts` on the
    /// day before, the same day and the day after `date` in `locationZone`, each shift
    /// start and end converted the same way. The result is the length of the intersection
    /// of the company's day with the union of those shifts (overlapping shifts are not
    /// counted twice), in hours, exact to the minute (7.5 for half-hour offsets).
    ///
    /// See `CivilDate.instant(atMinute:in:)` for local times in DST gaps and overlaps.
    public static func hours(on date: CivilDate,
                             companyZone: TimeZone, companyHours: BusinessHours,
                             locationZone: TimeZone, locationShifts: [BusinessHours]) -> Double {
        let company = interval(of: companyHours, on: date, in: companyZone)
        var shifts: [(Double, Double)] = []
        for offset in -1...1 {
            guard let day = date.adding(days: offset) else { continue }
            for shift in locationShifts {
                let s = interval(of: shift, on: day, in: locationZone)
                let start = max(s.0, company.0), end = min(s.1, company.1)
                if end > start { shifts.append((start, end)) }
            }
        }
        // Union of the clipped intervals.
        shifts.sort { $0.0 < $1.0 }
        var total = 0.0
        var current: (Double, Double)?
        for s in shifts {
            if let c = current, s.0 <= c.1 {
                current = (c.0, max(c.1, s.1))
            } else {
                if let c = current { total += c.1 - c.0 }
                current = s
            }
        }
        if let c = current { total += c.1 - c.0 }
        return total / 3600
    }

    /// One shift: `hours(on:companyZone:companyHours:locationZone:locationShifts:)`.
    public static func hours(on date: CivilDate,
                             companyZone: TimeZone, companyHours: BusinessHours,
                             locationZone: TimeZone, locationHours: BusinessHours) -> Double {
        hours(on: date, companyZone: companyZone, companyHours: companyHours,
              locationZone: locationZone, locationShifts: [locationHours])
    }

    /// The UTC interval (seconds since 1970) of `hours` worked starting on `date` in `zone`.
    public static func interval(of hours: BusinessHours, on date: CivilDate, in zone: TimeZone) -> (start: Double, end: Double) {
        let start = date.instant(atMinute: hours.startMinute, in: zone).timeIntervalSince1970
        let end = date.instant(atMinute: hours.endMinuteFromStartDay, in: zone).timeIntervalSince1970
        return (start, max(start, end))
    }
}

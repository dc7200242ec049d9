import Foundation
import Testing
@testable import Reference

@Suite struct OverlapTests {
    func overlap(_ date: String, _ companyZone: String, _ companyHours: String,
                 _ locationZone: String, _ locationHours: String...) throws -> Double {
        try Overlap.hours(on: CivilDate(parsing: date),
                          companyZone: TimeZones.resolve(companyZone), companyHours: BusinessHours(parsing: companyHours),
                          locationZone: TimeZones.resolve(locationZone),
                          locationShifts: locationHours.map { try BusinessHours(parsing: $0) })
    }

    // The brief's examples.
    @Test func manilaNightShift() throws {
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "Asia/Manila", "21:00-06:00") == 8.0)
    }
    @Test func oslo() throws {
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "Europe/Oslo", "09:00-17:00") == 2.0)
    }
    @Test func bengaluru() throws {
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "Asia/Kolkata", "10:00-19:00") == 0.0)
    }
    @Test func mexicoCityHasNoDST() throws {
        #expect(try overlap("2027-07-01", "America/New_York", "09:00-17:00", "America/Mexico_City", "08:00-17:00") == 7.0)
    }

    // DST: Oslo is 6 hours ahead of New York in July and December, but only 5 while the US
    // is on summer time and Europe is not yet (2027-03-14 … 2027-03-27) or no longer (2026-10-25 … 2026-10-31).
    @Test func osloAcrossTheYear() throws {
        #expect(try overlap("2027-07-01", "America/New_York", "09:00-17:00", "Europe/Oslo", "09:00-17:00") == 2.0)
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "Europe/Oslo", "09:00-17:00") == 2.0)
        #expect(try overlap("2027-03-20", "America/New_York", "09:00-17:00", "Europe/Oslo", "09:00-17:00") == 3.0)
        #expect(try overlap("2026-10-28", "America/New_York", "09:00-17:00", "Europe/Oslo", "09:00-17:00") == 3.0)
    }

    @Test func halfHourOffset() throws {
        // Kolkata 18:00-03:00 IST = 12:30-21:30 UTC; New York 09:00-17:00 EST = 14:00-22:00 UTC.
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "Asia/Kolkata", "18:00-03:00") == 7.5)
        // Kathmandu (+05:45) 19:00-23:00 = 13:15-17:15 UTC.
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "Asia/Kathmandu", "19:00-23:00") == 3.25)
    }

    @Test func previousDaysShiftCrossingMidnight() throws {
        // London 09:00-17:00 GMT; Los Angeles 22:00-07:00 PST started the evening before = 06:00-15:00 UTC.
        #expect(try overlap("2026-12-01", "Europe/London", "09:00-17:00", "America/Los_Angeles", "22:00-07:00") == 6.0)
    }

    @Test func nextDaysShift() throws {
        // Company in Honolulu (UTC-10) 13:00-21:00 = 23:00-07:00 UTC; Tokyo (UTC+9) 09:00-17:00 on the
        // next local day = 00:00-08:00 UTC.
        #expect(try overlap("2026-12-01", "Pacific/Honolulu", "13:00-21:00", "Asia/Tokyo", "09:00-17:00") == 7.0)
    }

    @Test func dstTransitionDay() throws {
        // 2027-03-14: New York springs forward at 02:00; 09:00-17:00 EDT = 13:00-21:00 UTC.
        #expect(try overlap("2027-03-14", "America/New_York", "09:00-17:00", "Europe/Oslo", "09:00-17:00") == 3.0)
        #expect(try overlap("2027-03-14", "America/New_York", "09:00-17:00", "Asia/Manila", "21:00-06:00") == 8.0)
        // A full local day is 23 hours on that date, 25 on the fall-back date.
        #expect(try overlap("2027-03-14", "America/New_York", "00:00-24:00", "America/New_York", "00:00-24:00") == 23.0)
        #expect(try overlap("2026-11-01", "America/New_York", "00:00-24:00", "America/New_York", "00:00-24:00") == 25.0)
        // Location transition: Oslo springs forward 2027-03-28 02:00; company in UTC.
        #expect(try overlap("2027-03-28", "UTC", "00:00-24:00", "Europe/Oslo", "00:00-24:00") == 24.0)
    }

    @Test func sameZone() throws {
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "America/New_York", "09:00-17:00") == 8.0)
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "America/New_York", "13:00-21:00") == 4.0)
    }

    @Test func overlappingShiftsAreNotCountedTwice() throws {
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "America/New_York",
                            "08:00-14:00", "12:00-20:00") == 8.0)
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "America/New_York",
                            "09:00-10:00", "11:00-12:00") == 2.0)
        #expect(try overlap("2026-12-01", "America/New_York", "09:00-17:00", "Asia/Manila") == 0.0)
    }

    @Test func companyHoursCrossingMidnight() throws {
        // A company night desk 22:00-06:00 in New York (EST) = 03:00-11:00 UTC; Oslo 09:00-17:00 CET = 08:00-16:00 UTC.
        #expect(try overlap("2026-12-01", "America/New_York", "22:00-06:00", "Europe/Oslo", "09:00-17:00") == 3.0)
    }
}

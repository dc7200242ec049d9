import Foundation
import Testing
@testable import Reference

@Suite struct CivilDateTests {
    @Test func parsing() throws {
        let d = try CivilDate(parsing: "2026-12-01")
        #expect(d.year == 2026 && d.month == 12 && d.day == 1)
        #expect(d.description == "2026-12-01")
        #expect(CivilDate.parse("2024-02-29") != nil)   // leap year
        #expect(CivilDate.parse("2000-02-29") != nil)   // divisible by 400
        #expect(CivilDate.parse("1900-02-29") == nil)   // divisible by 100
        #expect(CivilDate.parse("2027-02-29") == nil)
        #expect(CivilDate.parse("2027-02-30") == nil)
        #expect(CivilDate.parse("2027-04-31") == nil)
        #expect(CivilDate.parse("2027-13-01") == nil)
        #expect(CivilDate.parse("2027-00-10") == nil)
        #expect(CivilDate.parse("0000-01-01") == nil)
        for bad in ["2027-1-01", "27-01-01", "2027/01/01", "2027-01-01T00:00:00Z", " 2027-01-01", "", "２０２７-01-01"] {
            #expect(CivilDate.parse(bad) == nil, "\(bad)")
        }
        let e = #expect(throws: ReferenceError.self) { try CivilDate(parsing: "2027-02-30") }
        #expect(e?.message == "'2027-02-30' is not a valid date: February 2027 has 28 days")
    }

    @Test func ordering() throws {
        let a = try CivilDate(parsing: "2027-06-30"), b = try CivilDate(parsing: "2027-07-01")
        #expect(a < b)
        #expect(a.adding(days: 1) == b)
        #expect(b.adding(days: -1) == a)
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11017)
        #expect(CivilDate(daysSinceEpoch: 11016) == CivilDate(year: 2000, month: 2, day: 29))
        #expect(CivilDate(year: 9999, month: 12, day: 31)?.adding(days: 1) == nil)
    }

    @Test func instantsAcrossDST() throws {
        let ny = try TimeZones.resolve("America/New_York")
        let day = try CivilDate(parsing: "2027-03-14")  // spring forward at 02:00
        #expect(day.instant(atMinute: 9 * 60, in: ny).timeIntervalSince1970 == 1_805_029_200)  // 13:00 UTC
        #expect(day.instant(atMinute: 1 * 60, in: ny).timeIntervalSince1970 == 1_805_004_000)  // 06:00 UTC (EST)
        // 02:30 does not exist: the pre-transition offset makes it 07:30 UTC (03:30 EDT)
        #expect(day.instant(atMinute: 150, in: ny).timeIntervalSince1970 == 1_805_009_400)
        let fallBack = try CivilDate(parsing: "2026-11-01")  // 01:30 happens twice: first (EDT) wins
        #expect(fallBack.instant(atMinute: 90, in: ny).timeIntervalSince1970 == 1_793_511_000)
    }
}

@Suite struct CodableTests {
    struct Box: Codable, Equatable { var date: CivilDate; var hours: BusinessHours }

    @Test func roundTripsAsStrings() throws {
        let box = Box(date: try CivilDate(parsing: "2027-01-31"), hours: try BusinessHours(parsing: "21:00-06:00"))
        let data = try JSONEncoder().encode(box)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"2027-01-31\"") && text.contains("\"21:00-06:00\""))
        #expect(try JSONDecoder().decode(Box.self, from: data) == box)
    }

    @Test func decodingValidates() {
        let bad = Data(#"{"date":"2027-02-30","hours":"09:00-17:00"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Box.self, from: bad) }
        let badHours = Data(#"{"date":"2027-02-28","hours":"09:00-09:00"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Box.self, from: badHours) }
    }

    /// Kept packed in four bytes: every field and the order survive at the range's ends.
    @Test func packedDatesKeepTheirFieldsAndOrder() throws {
        let all = try ["0001-01-01", "0001-12-31", "1999-12-31", "2000-01-01", "2000-02-29", "9999-12-31"]
            .map { try CivilDate(parsing: $0) }
        #expect(all.map(\.description) == ["0001-01-01", "0001-12-31", "1999-12-31", "2000-01-01", "2000-02-29", "9999-12-31"])
        #expect(all == all.sorted())
        #expect(all.map { [$0.year, $0.month, $0.day] }.last == [9999, 12, 31])
        #expect(Set(all).count == all.count)
        #expect(MemoryLayout<CivilDate>.size == 4)
    }
}

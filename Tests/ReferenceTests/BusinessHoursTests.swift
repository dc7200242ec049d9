import Testing
@testable import Reference

@Suite struct BusinessHoursTests {
    @Test func parsing() throws {
        let h = try BusinessHours(parsing: "09:00-17:00")
        #expect(h.startMinute == 540 && h.endMinute == 1020)
        #expect(!h.crossesMidnight)
        #expect(h.durationMinutes == 480)
        #expect(h == BusinessHours.standard)
        let night = try BusinessHours(parsing: "21:00-06:00")
        #expect(night.crossesMidnight)
        #expect(night.durationMinutes == 540)
        #expect(night.description == "21:00-06:00")
        let full = try BusinessHours(parsing: "00:00-24:00")
        #expect(full.durationMinutes == 1440)
        #expect(try BusinessHours(parsing: "18:00-24:00").durationMinutes == 360)
        #expect(try BusinessHours(parsing: "22:30-00:00").durationMinutes == 90)
        #expect(try BusinessHours(parsing: "23:59-00:00").durationMinutes == 1)
    }

    @Test(arguments: ["24:00-06:00", "09:00-24:30", "09:60-17:00", "25:00-26:00", "09:00-09:00", "9:00-17:00",
                      "09:00 - 17:00", "0900-1700", "09:00", "", "09:00-17:00-18:00", "ab:cd-ef:gh", "09.00-17.00"])
    func invalid(text: String) {
        #expect(BusinessHours.parse(text) == nil)
        #expect(throws: ReferenceError.self) { try BusinessHours(parsing: text) }
    }

    @Test(arguments: [("9:00-17:00", "09:00-17:00"), ("09:00 - 17:00", "09:00-17:00"), ("0900-1700", "09:00-17:00"),
                      ("9-17", "09:00-17:00"), ("09:00–17:00", "09:00-17:00"), ("9am-5pm", "09:00-17:00"),
                      ("21.00-06.00", "21:00-06:00")])
    func suggestions(text: String, expected: String) {
        let e = #expect(throws: ReferenceError.self) { try BusinessHours(parsing: text) }
        #expect(e?.suggestion == expected)
    }

    @Test func equalStartAndEndSaysHowToWrite24Hours() {
        let e = #expect(throws: ReferenceError.self) { try BusinessHours(parsing: "09:00-09:00") }
        #expect(e?.message.contains("00:00-24:00") == true)
        #expect(BusinessHours(startMinute: 600, endMinute: 600) == nil)
        #expect(BusinessHours(startMinute: 1440, endMinute: 60) == nil)
        #expect(BusinessHours(startMinute: 0, endMinute: 1441) == nil)
    }

    /// Kept in four bytes: the full range of minutes survives.
    @Test func hoursKeepEveryMinute() throws {
        let latest = try #require(BusinessHours(startMinute: 1439, endMinute: 1440))
        #expect(latest.startMinute == 1439 && latest.endMinute == 1440)
        #expect(latest.description == "23:59-24:00")
        let night = try BusinessHours(parsing: "21:00-06:00")
        #expect(night.startMinute == 1260 && night.endMinute == 360)
        #expect(MemoryLayout<BusinessHours>.size == 4)
    }
}

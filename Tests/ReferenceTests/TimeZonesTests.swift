import Testing
@testable import Reference

@Suite struct TimeZonesTests {
    @Test(arguments: ["America/New_York", "Asia/Manila", "Asia/Kolkata", "America/Mexico_City", "Europe/Oslo",
                      "Africa/Nairobi", "UTC", "Asia/Calcutta", "Europe/Kyiv", "Etc/GMT-5"])
    func known(identifier: String) {
        #expect(TimeZones.isKnown(identifier))
        #expect(TimeZones.zone(identifier) != nil)
    }

    @Test(arguments: ["america/new_york", "Foo/Bar", "GMT+5", "UTC+1", "Factory", "", "Asia/Bangalore", " UTC"])
    func unknown(identifier: String) {
        #expect(!TimeZones.isKnown(identifier))
    }

    @Test(arguments: [("america/new_york", "America/New_York"), ("Manila", "Asia/Manila"),
                      ("New York", "America/New_York"), ("Europe/Olso", "Europe/Oslo"), ("PH", "Asia/Manila"),
                      ("UTC+5", "Etc/GMT-5"), ("GMT-3", "Etc/GMT+3"), ("utc", "UTC"), ("Asia/Kolkatta", "Asia/Kolkata")])
    func suggestions(input: String, expected: String) {
        #expect(TimeZones.suggestion(for: input) == expected)
        let e = #expect(throws: ReferenceError.self) { try TimeZones.resolve(input) }
        #expect(e?.suggestion == expected)
    }

    @Test func knownIdentifiers() {
        #expect(TimeZones.knownIdentifiers.count > 400)
        #expect(TimeZones.knownIdentifiers.contains("Asia/Manila"))
        #expect(!TimeZones.dataVersion.isEmpty)
    }
}

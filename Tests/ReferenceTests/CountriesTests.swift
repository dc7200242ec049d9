import Testing
@testable import Reference

@Suite struct CountriesTests {
    @Test func lookupByAlpha2() throws {
        let ph = try #require(Countries.country("PH"))
        #expect(ph.alpha3 == "PHL")
        #expect(ph.numeric == "608")
        #expect(ph.timeZones == ["Asia/Manila"])
        #expect(Countries.all.count == 249)
        #expect(Countries.country("ph") == nil)
        #expect(Countries.country(alpha3: "NOR")?.alpha2 == "NO")
        #expect(Countries.isValid("NA"))  // Namibia, not "not available"
        #expect(Countries.isValid("NO"))
        #expect(!Countries.isValid("UK"))
    }

    @Test func allCodesAreWellFormedAndUnique() {
        #expect(Set(Countries.all.map(\.alpha2)).count == Countries.all.count)
        #expect(Set(Countries.all.map(\.alpha3)).count == Countries.all.count)
        #expect(Countries.all.map(\.alpha2) == Countries.all.map(\.alpha2).sorted())
    }

    @Test(arguments: [
        ("PH", "Philippines"), ("KE", "Kenya"), ("US", "United States"), ("GB", "United Kingdom"),
        ("KR", "South Korea"), ("KP", "North Korea"), ("IR", "Iran"), ("VN", "Vietnam"),
        ("TW", "Taiwan"), ("CZ", "Czechia"), ("CD", "Congo, The Democratic Republic of the"),
    ])
    func displayNames(code: String, name: String) {
        #expect(Countries.countryName(code) == name)
    }

    @Test func unknownNameIsNil() {
        #expect(Countries.countryName("ZZ") == nil)
        #expect(Countries.countryName("ph") == nil)
    }

    @Test func defaultTimeZone() {
        #expect(Countries.defaultTimeZone("PH") == "Asia/Manila")
        #expect(Countries.defaultTimeZone("NO") == "Europe/Oslo")  // zone.tab, not zone1970's Europe/Berlin
        #expect(Countries.defaultTimeZone("KE") == "Africa/Nairobi")
        #expect(Countries.defaultTimeZone("IN") == "Asia/Kolkata")
        #expect(Countries.defaultTimeZone("US") == nil)  // many zones
        #expect(Countries.defaultTimeZone("BV") == nil)  // none
        #expect(Countries.defaultTimeZone("XX") == nil)
    }

    @Test func aliasesAndSuggestions() {
        #expect(Countries.suggestion(for: "UK") == "GB")
        #expect(Countries.suggestion(for: "EL") == "GR")
        #expect(Countries.suggestion(for: "ph") == "PH")
        #expect(Countries.suggestion(for: "uk") == "GB")
        #expect(Countries.suggestion(for: "USA") == "US")
        #expect(Countries.suggestion(for: "840") == "US")
        #expect(Countries.suggestion(for: "Germany") == "DE")
        #expect(Countries.suggestion(for: "philippines") == "PH")
        #expect(Countries.suggestion(for: "Philipines") == "PH")
        #expect(Countries.suggestion(for: "ZR") == "CD")
        #expect(Countries.suggestion(for: "QQ") == nil)
    }

    @Test func resolveErrors() throws {
        #expect(try Countries.resolve("GB").alpha3 == "GBR")
        let uk = #expect(throws: ReferenceError.self) { try Countries.resolve("UK") }
        #expect(uk?.suggestion == "GB")
        #expect(uk?.message.contains("did you mean 'GB'") == true)
        let xk = #expect(throws: ReferenceError.self) { try Countries.resolve("XK") }
        #expect(xk?.suggestion == nil)
        #expect(xk?.message.contains("Kosovo") == true)
        let yu = #expect(throws: ReferenceError.self) { try Countries.resolve("YU") }
        #expect(yu?.message.contains("Yugoslavia") == true)
        #expect(yu?.message.contains("'RS'") == true)
        let eu = #expect(throws: ReferenceError.self) { try Countries.resolve("EU") }
        #expect(eu?.message.contains("set 'eu'") == true)
        let lower = #expect(throws: ReferenceError.self) { try Countries.resolve("no") }
        #expect(lower?.suggestion == "NO")
        let none = #expect(throws: ReferenceError.self) { try Countries.resolve("QQ") }
        #expect(none?.suggestion == nil)
    }

    @Test func nonISOCodesAreNotISO() {
        for entry in Countries.nonISOCodes {
            #expect(!Countries.isValid(entry.code), "\(entry.code)")
            if let r = entry.replacement { #expect(Countries.isValid(r), "\(r)") }
            for s in entry.successors { #expect(Countries.isValid(s), "\(s)") }
        }
        for code in ["UK", "EL", "XK", "EU", "AN", "CS", "YU", "SU", "DD", "TP", "ZR", "BU", "FX"] {
            #expect(Countries.nonISOCode(code) != nil, "\(code)")
        }
        #expect(Countries.nonISOCode("XK")?.kind == .userAssigned)
        #expect(Countries.nonISOCode("FX")?.kind == .withdrawn)
    }

    @Test func everyZoneTabZoneResolvesInFoundation() {
        var missing: [String] = []
        for country in Countries.all {
            for zone in country.timeZones where !TimeZones.isKnown(zone) { missing.append("\(country.alpha2) \(zone)") }
        }
        #expect(missing.isEmpty, "zones unknown to Foundation (tz \(TimeZones.dataVersion)): \(missing)")
    }
}

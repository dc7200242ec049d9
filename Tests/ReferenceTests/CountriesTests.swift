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
    }
}

import Testing
@testable import Reference

@Suite struct CountrySetsTests {
    @Test func allSetsArePresent() {
        #expect(CountrySets.ids == ["eu", "eu_territories_with_own_code", "eea", "eu_adequacy", "uk_adequacy",
                                    "ofac_comprehensive", "eu_high_risk_third_countries", "fatf_grey", "fatf_black", "doj_countries_of_concern",
                                    "five_eyes"])
        #expect(CountrySets.compiled == "2026-12-07")
    }

    @Test func membership() throws {
        let eea = try #require(CountrySets.set("eea"))
        #expect(eea.contains("NO"))
        #expect(!eea.contains("CH"))
        #expect(eea.members.count == 30)
        let eu = try #require(CountrySets.set("eu"))
        #expect(eu.members.count == 27)
        #expect(!eu.contains("NO"))
        #expect(eu.contains("GR"))
        #expect(!eu.contains("EL"))
        let adequacy = try #require(CountrySets.set("eu_adequacy"))
        #expect(adequacy.contains("GB"))
        #expect(adequacy.contains("US"))
        #expect(adequacy.isPartial("US"))
        #expect(!adequacy.isPartial("GB"))
        #expect(adequacy.scope["US"]?.scope == "conditional")
        #expect(adequacy.scope["GB"]?.details["valid_until"] == "2031-12-27")
        #expect(adequacy.nonISOMembers.first?.name == "European Patent Organisation")
        #expect(adequacy.asOf == "2026-08-05")
        let ofac = try #require(CountrySets.set("ofac_comprehensive"))
        #expect(ofac.contains("CU"))
        #expect(ofac.members == ["CU", "IR", "KP"])
        #expect(!ofac.contains("SY"))
        #expect(ofac.removed.first?.code == "SY")
        #expect(ofac.removed.first?.removedOn == "2025-07-01")
        #expect(ofac.nonISOMembers.count == 3)
        #expect(ofac.nonISOMembers.first?.details["iso_3166_2"] == "UA-43, UA-40")
        let uk = try #require(CountrySets.set("uk_adequacy"))
        // The Faroe Islands kept their EU adequacy decision into UK law (DPA 2018 Sch. 21 para. 4).
        #expect(uk.unconfirmed.isEmpty)
        #expect(uk.contains("FO"))
        #expect(uk.members.count == 45)
        #expect(uk.scope["KR"]?.note?.contains("PIPA") == true)
        let territories = try #require(CountrySets.set("eu_territories_with_own_code"))
        #expect(territories.parent["AX"] == "FI")
        #expect(CountrySets.set("five_eyes")?.members == ["AU", "CA", "GB", "NZ", "US"])
        #expect(CountrySets.set("eu_high_risk_third_countries")?.members.count == 26)
        let grey = try #require(CountrySets.set("fatf_grey"))
        #expect(grey.members.count == 22)
        #expect(grey.contains("IQ") && grey.contains("BA"))
        #expect(!grey.contains("DZ") && !grey.contains("NA"))  // left the list in June 2026
        #expect(grey.asOf == "2026-06-19")
        #expect(CountrySets.set("fatf_black")?.members == ["IR", "KP", "MM"])
        #expect(CountrySets.set("nope") == nil)
    }

    @Test func everySetHasSourceAndDate() {
        for set in CountrySets.all {
            #expect(set.source.hasPrefix("https://"), "\(set.id)")
            #expect(set.asOfDate != nil, "\(set.id)")
            #expect(!set.description.isEmpty)
            for m in set.members { #expect(Countries.isValid(m), "\(set.id): \(m)") }
        }
    }
}

import Testing
@testable import Reference

@Suite struct LanguagesTests {
    @Test func validCodes() {
        #expect(Languages.isValid("en"))
        #expect(Languages.isValid("fil"))
        #expect(Languages.isValid("gsw"))
        #expect(Languages.isValid("no"))
        #expect(Languages.isValid("nb"))
        #expect(Languages.isValid("cnr"))
        #expect(!Languages.isValid("eng"))   // has a two-letter code
        #expect(!Languages.isValid("ger"))
        #expect(!Languages.isValid("EN"))
        #expect(!Languages.isValid("en-US"))
        #expect(!Languages.isValid("und"))
        #expect(!Languages.isValid("mul"))
        #expect(!Languages.isValid(""))
        #expect(Languages.twoLetter.count == 185)
        #expect(Languages.all.count > 7000)
    }

    @Test func names() {
        #expect(Languages.name("en") == "English")
        #expect(Languages.name("fil") == "Filipino")
        #expect(Languages.name("gsw") == "Swiss German")
        #expect(Languages.name("nb") == "Norwegian Bokmål")
        #expect(Languages.name("eng") == nil)
    }

    @Test(arguments: [
        ("eng", "en"), ("ger", "de"), ("deu", "de"), ("EN", "en"), ("en-US", "en"), ("en_GB", "en"),
        ("iw", "he"), ("English", "en"), ("filipino", "fil"), ("jp", "ja"), ("cz", "cs"), ("dk", "da"),
        ("gr", "el"), ("kr", "ko"), ("vn", "vi"), ("cn", "zh"), ("tagalog", "tl"), ("FIL", "fil"),
    ])
    func suggestions(input: String, expected: String) {
        #expect(Languages.suggestion(for: input) == expected)
    }

    @Test func resolveError() {
        let e = #expect(throws: ReferenceError.self) { try Languages.resolve("eng") }
        #expect(e?.suggestion == "en")
        #expect(e?.message == "'eng' is not a BCP 47 language code; did you mean 'en' (English)?")
        let none = #expect(throws: ReferenceError.self) { try Languages.resolve("qqq") }
        #expect(none?.suggestion == nil)
    }

    @Test func officialLanguages() {
        #expect(Languages.officialLanguages("US") == ["en"])
        #expect(Languages.officialLanguages("CA") == ["en", "fr"])
        #expect(Languages.officialLanguages("PH") == ["en", "fil"])
        #expect(Languages.officialLanguages("CH") == ["de", "gsw", "fr", "it"])
        #expect(Languages.officialLanguages("IN") == ["hi", "en"])
        #expect(Languages.officialLanguages("AQ") == [])
        #expect(Languages.officialLanguages("ZZZ") == [])
        #expect(Languages.officialLanguages("no") == [])
    }

    /// Norway: CLDR lists `nb,no,nn`; the function returns the macrolanguage once.
    @Test func norwayFoldsIntoTheMacrolanguage() {
        #expect(Languages.officialLanguages("NO") == ["no"])
        #expect(Languages.officialLanguageDetails("NO").map(\.cldrCode) == ["nb", "no", "nn"])
        #expect(Languages.macrolanguage(of: "nb") == "no")
        #expect(Languages.macrolanguage(of: "nn") == "no")
        #expect(Languages.macrolanguage(of: "en") == nil)
        // A plan writing `no`, `nb` or `nn` satisfies a Norwegian market.
        for spoken in ["no", "nb", "nn", "nb-NO"] {
            #expect(Languages.officialLanguages("NO").allSatisfy { Languages.languageSatisfies(spoken, $0) }, "\(spoken)")
        }
        #expect(!Languages.languageSatisfies("sv", "no"))
        #expect(!Languages.languageSatisfies("nb", "nn"))  // Bokmål and Nynorsk are distinct written standards
        #expect(Languages.languageSatisfies("en-GB", "en"))
        #expect(!Languages.languageSatisfies("en", "fr"))
    }

    /// Script subtags are dropped: `sr,sr_Latn` is one language.
    @Test func scriptSubtagsAreStripped() {
        #expect(Languages.officialLanguages("RS") == ["sr"])
        #expect(Languages.officialLanguages("ME") == ["sr"])
        #expect(Languages.officialLanguages("BA") == ["bs", "hr", "sr"])
        #expect(Languages.officialLanguages("TW") == ["zh"])
        #expect(Languages.officialLanguages("HK") == ["zh", "en"])
        #expect(Languages.officialLanguages("AZ") == ["az"])
        let details = Languages.officialLanguageDetails("US")
        #expect(details.count == 1)
        #expect(details.first?.deFacto == true)
        #expect(details.first?.populationPercent == 96)
    }

    @Test func everyOfficialLanguageIsAValidCode() {
        for country in Countries.all {
            for code in Languages.officialLanguages(country.alpha2) {
                #expect(Languages.isValid(code), "\(country.alpha2): \(code)")
            }
        }
    }

    @Test func primarySubtag() {
        #expect(Languages.primarySubtag(of: "zh-Hant-TW") == "zh")
        #expect(Languages.primarySubtag(of: "sr_Latn") == "sr")
        #expect(Languages.primarySubtag(of: "fil") == "fil")
    }
}

import Foundation

/// A language with a valid BCP 47 primary language subtag: an ISO 639-1 code, or an
/// ISO 639-3 code where no ISO 639-1 code exists (`fil`, `gsw`).
public struct Language: Sendable, Hashable, Identifiable {
    /// The BCP 47 primary language subtag (`en`, `fil`).
    public let code: String
    /// The ISO 639-2/T (= 639-3) three-letter code (`eng`, `fil`).
    let alpha3: String
    /// The ISO 639-2/B code where it differs from `alpha3` (`ger` for `de`).
    let alpha3Bibliographic: String?
    /// English name (ISO 639-3 reference name).
    public let name: String
    /// True for ISO 639-3 macrolanguages (`no`, `zh`, `ar`).
    let isMacrolanguage: Bool
    /// Hand-compiled notes from `reference/languages.tsv` (common confusions).
    public let notes: String?

    init(code: String, alpha3: String, alpha3Bibliographic: String?, name: String, isMacrolanguage: Bool, notes: String?) {
        self.code = code
        self.alpha3 = alpha3
        self.alpha3Bibliographic = alpha3Bibliographic
        self.name = name
        self.isMacrolanguage = isMacrolanguage
        self.notes = notes
    }

    public var id: String { code }
}

/// An official language of a territory as CLDR lists it (raw, with script subtags).
struct OfficialLanguage: Sendable, Hashable {
    /// CLDR's code as written, possibly with a script (`sr_Latn`, `zh_Hant`).
    let cldrCode: String
    /// The primary language subtag (`sr`, `zh`).
    public let code: String
    /// True for `de_facto_official`, false for `official`.
    let deFacto: Bool
    /// Share of the population using it, in percent, as CLDR gives it.
    let populationPercent: Double
}

/// Language codes, names and official languages.
///
/// Codes are case-sensitive lower case, as BCP 47 writes them. Two-letter codes come from
/// `reference/languages.tsv` (185 ISO 639-1 codes, including the deprecated `bh` and `sh`,
/// which iso-codes 4.15.0 still lists); three-letter codes from
/// `reference/iso639-3-no-alpha2.tsv` (ISO 639-3 without an ISO 639-1 code, minus the
/// special codes `mis`, `mul`, `und`, `zxx`). A three-letter code of a language that has a
/// two-letter one (`eng`, `ger`) is invalid; the error suggests the two-letter code.
public enum Languages {
    // `twoLetter`, the ISO 639-1 languages in code order, is generated (Generated/LanguageTable.swift).

    static let threeLetter: [Language] = {
        var result: [Language] = []
        result.reserveCapacity(7800)
        for parts in TableText.rows(threeLetterData) {
            guard parts.count == 3 else { continue }
            result.append(Language(code: parts[0], alpha3: parts[0], alpha3Bibliographic: nil,
                                   name: parts[2], isMacrolanguage: parts[1] == "M", notes: nil))
        }
        return result
    }()

    /// The two-letter languages by code: the only table a plan that uses two-letter codes
    /// needs, so the 7,900 three-letter ones are read only when a three-letter code appears.
    static let twoLetterByCode: [String: Language] =
        Dictionary(twoLetter.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    static let threeLetterByCode: [String: Language] =
        Dictionary(threeLetter.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// The language with exactly this code; the three-letter table only for three-byte codes.
    static func lookup(_ code: String) -> Language? {
        if let language = twoLetterByCode[code] { return language }
        return code.utf8.count == 3 ? threeLetterByCode[code] : nil
    }

    /// Three-letter codes (639-2/T and /B) of languages that have a two-letter code.
    static let twoLetterByAlpha3: [String: String] = {
        var result: [String: String] = [:]
        for l in twoLetter {
            result[l.alpha3] = l.code
            if let b = l.alpha3Bibliographic { result[b] = l.code }
        }
        return result
    }()

    static let byLowercasedName: [String: String] = {
        var result: [String: String] = [:]
        for l in threeLetter { result[l.name.lowercased()] = l.code }
        for l in twoLetter { result[l.name.lowercased()] = l.code }  // two-letter names win
        for (name, code) in [("filipino", "fil"), ("farsi", "fa"), ("castilian", "es"), ("flemish", "nl"),
                             ("mandarin", "zh"), ("bangla", "bn"), ("norwegian", "no"), ("swiss german", "gsw")] {
            result[name] = code
        }
        return result
    }()

    /// Obsolete ISO 639-1 codes still emitted by old software, with their replacement.
    static let obsoleteCodes: [String: String] = ["iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"]

    /// All valid primary language subtags: the two-letter languages, then the three-letter ones.
    public static let all: [Language] = twoLetter + threeLetter

    /// The language with this exact code (`"en"`, `"fil"`), or nil (`"eng"`, `"EN"`, `"en-US"`).
    public static func language(_ code: String) -> Language? { lookup(code) }

    /// True when `code` is a valid BCP 47 primary language subtag exactly as written.
    static func isValid(_ code: String) -> Bool { lookup(code) != nil }

    /// The English name of a language code, or nil when the code is not valid.
    public static func name(_ code: String) -> String? { lookup(code)?.name }

    /// The language for `code`, or an error saying what to write instead.
    public static func resolve(_ code: String) throws(ReferenceError) -> Language {
        if let l = lookup(code) { return l }
        let shown = "'\(code)'"
        if let s = suggestion(for: code) {
            throw ReferenceError("\(shown) is not a BCP 47 language code; did you mean '\(s)' (\(name(s) ?? s))?",
                                 suggestion: s)
        }
        throw ReferenceError("\(shown) is not a BCP 47 language code (ISO 639-1, or ISO 639-3 where no ISO 639-1 code exists)")
    }

    /// The code the user probably meant: lower case (`EN` → `en`), the primary subtag of a
    /// longer tag (`en-US` → `en`), the two-letter form of a three-letter code (`eng` → `en`,
    /// `ger` → `de`), a replaced code (`iw` → `he`), a language name (`English` → `en`), or
    /// the main language of a country code used by mistake (`jp` → `ja`, `cz` → `cs`).
    public static func suggestion(for code: String) -> String? {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower != code, lookup(lower) != nil { return lower }
        let primary = primarySubtag(of: lower)
        if primary != lower, !primary.isEmpty {
            if lookup(primary) != nil { return primary }
            return suggestion(for: primary)
        }
        if let two = twoLetterByAlpha3[lower] { return two }
        if let replacement = obsoleteCodes[lower] { return replacement }
        if let byName = byLowercasedName[lower] { return byName }
        if lower.count == 2, let country = Countries.country(lower.uppercased()),
           let first = officialLanguages(country.alpha2).first, first != lower {
            return first
        }
        return nil
    }

    /// The primary language subtag of a BCP 47 tag or CLDR/POSIX locale id:
    /// `en-US` → `en`, `sr_Latn` → `sr`, `zh-Hant-TW` → `zh`. No validation.
    static func primarySubtag(of tag: String) -> String {
        String(tag.prefix { $0 != "-" && $0 != "_" })
    }

    // MARK: Official languages

    // `officialByCountry`, CLDR's entries per territory, is generated (Generated/OfficialLanguageTable.swift).

    /// Macrolanguages whose individual members CLDR may list beside them.
    /// Only Norwegian occurs in the data: `no` = {`nb` Bokmål, `nn` Nynorsk}.
    static let macrolanguageMembers: [String: [String]] = ["no": ["nb", "nn"]]

    static let macrolanguageOfMember: [String: String] = {
        var result: [String: String] = [:]
        for (macro, members) in macrolanguageMembers { for m in members { result[m] = macro } }
        return result
    }()

    /// The macrolanguage a code belongs to, if it is a member of one we model (`nb` → `no`).
    static func macrolanguage(of code: String) -> String? { macrolanguageOfMember[code] }

    /// The official and de facto official languages of a country (`official_languages()` in
    /// rules), per Unicode CLDR 41, in the file's order (by population share); regional
    /// official languages are not included. Empty for an unknown code or a territory
    /// without one (AQ).
    ///
    /// Normalisation, so that a rule like
    /// `official_languages(m).all(l, engagement.languages.exists(x, x.code == l))` asks for
    /// each language once:
    /// - Script subtags are dropped and duplicates removed: CLDR's `sr,sr_Latn` (RS) → `["sr"]`,
    ///   `zh_Hant` (TW) → `["zh"]`, `bs,bs_Cyrl,hr,sr,sr_Latn` (BA) → `["bs", "hr", "sr"]`.
    /// - When CLDR lists a macrolanguage together with its members, the members fold into
    ///   the macrolanguage at the first position. Norway's `nb,no,nn` → `["no"]`: a Norwegian
    ///   market asks for Norwegian, not for three variants. A plan that writes `nb` or `nn`
    ///   satisfies it only through `languageSatisfies` (`x.code == "no"` is false for `nb`),
    ///   so rule functions comparing languages should use that.
    ///
    /// The raw CLDR entries are available from `officialLanguageDetails`.
    public static func officialLanguages(_ countryCode: String) -> [String] {
        guard let entries = officialByCountry[countryCode] else { return [] }
        let listed = Set(entries.map(\.code))
        var result: [String] = []
        for entry in entries {
            var code = entry.code
            if let macro = macrolanguageOfMember[code], listed.contains(macro) { code = macro }
            if !result.contains(code) { result.append(code) }
        }
        return result
    }

    /// CLDR's raw entries for a territory, in file order (script subtags kept). CLDR also
    /// covers a few non-ISO territories (`XK`, `AC`, `IC`, …).
    static func officialLanguageDetails(_ countryCode: String) -> [OfficialLanguage] {
        officialByCountry[countryCode] ?? []
    }

    /// True when a person working in `spoken` meets a requirement for `required`: the same
    /// primary subtag, or one is a member of the other's macrolanguage (`nb` and `nn`
    /// satisfy `no`, and `no` satisfies `nb`/`nn`: in practice "Norwegian" is one working
    /// language). Region and script subtags are ignored (`en-GB` satisfies `en`).
    static func languageSatisfies(_ spoken: String, _ required: String) -> Bool {
        let a = primarySubtag(of: spoken), b = primarySubtag(of: required)
        if a == b { return true }
        return macrolanguageOfMember[a] == b || macrolanguageOfMember[b] == a
    }
}

import Foundation
import Spelling

/// One ISO 3166-1 country or territory (Debian iso-codes 4.15.0-1).
public struct Country: Sendable, Hashable, Identifiable {
    /// ISO 3166-1 alpha-2 code, upper case (`PH`).
    public let alpha2: String
    /// ISO 3166-1 alpha-3 code (`PHL`).
    let alpha3: String
    /// ISO 3166-1 numeric code, zero-padded (`608`).
    let numeric: String
    /// The ISO English short name (`Korea, Republic of`).
    public let name: String
    /// A friendlier common name where the ISO name is awkward (`South Korea`), else nil.
    let commonName: String?
    /// The country's IANA zones from tzdata's `zone.tab` (empty for BV and HM).
    public let timeZones: [String]
    /// Hand-compiled notes from `reference/countries.tsv` (pitfalls, set memberships).
    public let notes: String?

    init(alpha2: String, alpha3: String, numeric: String, name: String, commonName: String?,
         timeZones: [String], notes: String?) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.numeric = numeric
        self.name = name
        self.commonName = commonName
        self.timeZones = timeZones
        self.notes = notes
    }

    public var id: String { alpha2 }

    /// The name to show a reader: `commonName` when the file gives one, else the ISO
    /// short name. So `PH` → "Philippines", `KR` → "South Korea", `VN` → "Vietnam",
    /// `IR` → "Iran", `US` → "United States", `GB` → "United Kingdom".
    public var displayName: String { commonName ?? name }

    /// The zone a plan defaults to: the country's only `zone.tab` zone, or nil when it
    /// has several (US, RU, BR, …) or none.
    public var defaultTimeZone: String? { timeZones.count == 1 ? timeZones[0] : nil }
}

/// What a code that is not an ISO 3166-1 alpha-2 code is, when it is a known one.
public struct NonISOCountryCode: Sendable, Hashable {
    /// The kinds of non-ISO codes users write.
    public enum Kind: String, Sendable, Hashable {
        /// Another spelling of an ISO country (`UK` → `GB`, `EL` → `GR`).
        case alias
        /// A user-assigned code (`XK`, Kosovo).
        case userAssigned = "user-assigned"
        /// An "exceptionally reserved" code that is not a country (`EU`, `IC`, `EA`).
        case exceptionallyReserved = "exceptionally-reserved"
        /// A code withdrawn from ISO 3166-1 (`YU`, `ZR`, …).
        case withdrawn
    }
    public let code: String
    public let kind: Kind
    /// What the code stands for ("Netherlands Antilles, withdrawn 2010").
    let meaning: String
    /// The ISO code to use instead, when there is exactly one.
    let replacement: String?
    /// The ISO codes that cover it now, when there are several (AN → BQ, CW, SX).
    let successors: [String]
}

/// Lookup of ISO 3166-1 countries. Codes are case-sensitive upper-case alpha-2.
public enum Countries {
    // `all`, every entry in alpha-2 order, is generated (Generated/CountryTable.swift).

    static let byAlpha2: [String: Country] = Dictionary(all.map { ($0.alpha2, $0) }, uniquingKeysWith: { a, _ in a })
    static let byAlpha3: [String: Country] = Dictionary(all.map { ($0.alpha3, $0) }, uniquingKeysWith: { a, _ in a })
    static let byNumeric: [String: Country] = Dictionary(all.map { ($0.numeric, $0) }, uniquingKeysWith: { a, _ in a })
    static let byLowercasedName: [String: Country] = {
        var result: [String: Country] = [:]
        for c in all {
            result[c.name.lowercased()] = result[c.name.lowercased()] ?? c
            if let common = c.commonName { result[common.lowercased()] = result[common.lowercased()] ?? c }
        }
        // Common English names a user types that neither ISO nor common_name spell.
        for (name, code) in [("uk", "GB"), ("great britain", "GB"), ("britain", "GB"), ("england", "GB"),
                             ("usa", "US"), ("united states of america", "US"), ("america", "US"),
                             ("russia", "RU"), ("holland", "NL"), ("czech republic", "CZ"),
                             ("ivory coast", "CI"), ("turkey", "TR"), ("dr congo", "CD"),
                             ("vatican", "VA"), ("palestine", "PS"), ("micronesia", "FM")] {
            if let c = byAlpha2[code] { result[name] = result[name] ?? c }
        }
        return result
    }()

    /// The country with this exact upper-case alpha-2 code (`"PH"`), or nil.
    public static func country(_ alpha2: String) -> Country? { byAlpha2[alpha2] }

    /// The country with this exact upper-case alpha-3 code (`"PHL"`), or nil.
    public static func country(alpha3: String) -> Country? { byAlpha3[alpha3] }

    /// True when `code` is an ISO 3166-1 alpha-2 code exactly as written (`"no"` is not).
    public static func isValid(_ code: String) -> Bool { byAlpha2[code] != nil }

    /// The display name of a country (`country_name()` in rules): `Country.displayName`,
    /// or nil for an unknown code. `countryName("PH")` → "Philippines".
    public static func countryName(_ code: String) -> String? { byAlpha2[code]?.displayName }

    /// The default IANA zone of a country: its only `zone.tab` zone, else nil.
    public static func defaultTimeZone(_ code: String) -> String? { byAlpha2[code]?.defaultTimeZone }

    /// The country for `code`, or an error that says what the code is and what to write.
    public static func resolve(_ code: String) throws(ReferenceError) -> Country {
        if let c = byAlpha2[code] { return c }
        throw problem(code)
    }

    /// The problem with a code that is not a valid alpha-2 code (see `resolve`).
    static func problem(_ code: String) -> ReferenceError {
        let shown = "'\(code)'"
        if let known = nonISOCode(code) {
            return nonISOProblem(known, shown: shown)
        }
        if let s = suggestion(for: code) {
            if let known = nonISOCode(s), known.replacement == nil {
                return nonISOProblem(known, shown: shown)
            }
            let name = byAlpha2[s]?.displayName ?? s
            return ReferenceError("\(shown) is not an ISO 3166-1 alpha-2 country code; did you mean '\(s)' (\(name))?",
                                  suggestion: s)
        }
        return ReferenceError("\(shown) is not an ISO 3166-1 alpha-2 country code")
    }

    private static func nonISOProblem(_ known: NonISOCountryCode, shown: String) -> ReferenceError {
        var message = "\(shown) is not an ISO 3166-1 alpha-2 code: \(known.meaning)"
        if let r = known.replacement {
            message += "; did you mean '\(r)' (\(byAlpha2[r]?.displayName ?? r))?"
        } else if !known.successors.isEmpty {
            message += "; use one of " + known.successors.map { "'\($0)'" }.joined(separator: ", ")
        }
        return ReferenceError(message, suggestion: known.replacement)
    }

    /// The alpha-2 code the user probably meant: the upper-case form (`ph` → `PH`), an
    /// alias (`UK` → `GB`), the alpha-2 of an alpha-3 or numeric code (`USA` → `US`,
    /// `840` → `US`), or a country name (`Germany` → `DE`). Nil when nothing fits.
    public static func suggestion(for code: String) -> String? {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if trimmed != code, byAlpha2[trimmed] != nil { return trimmed }
        let upper = trimmed.uppercased()
        if upper != code, byAlpha2[upper] != nil { return upper }
        if let known = nonISOCode(upper) { return known.replacement ?? (upper != code ? upper : nil) }
        if let c = byAlpha3[upper] { return c.alpha2 }
        if let c = byNumeric[trimmed] { return c.alpha2 }
        if let c = byLowercasedName[trimmed.lowercased()] { return c.alpha2 }
        if trimmed.count > 4 {
            let names = byLowercasedName.keys
            if let name = ClosestMatch.find(to: trimmed.lowercased(), among: names, limit: max(1, trimmed.count / 5)) {
                return byLowercasedName[name]?.alpha2
            }
        }
        return nil
    }

    /// Known codes that are not ISO 3166-1 alpha-2 but that users write, with what to use
    /// instead (from reference/README.md and ISO 3166-3 for the withdrawn codes).
    static let nonISOCodes: [NonISOCountryCode] = [
        .init(code: "UK", kind: .alias, meaning: "the United Kingdom's code is GB ('UK' is only exceptionally reserved)", replacement: "GB", successors: []),
        .init(code: "EL", kind: .alias, meaning: "EU usage for Greece; the ISO code is GR", replacement: "GR", successors: []),
        .init(code: "XI", kind: .alias, meaning: "Northern Ireland for EU VAT purposes; it is part of GB", replacement: "GB", successors: []),
        .init(code: "XK", kind: .userAssigned, meaning: "Kosovo, a user-assigned code; Kosovo has no ISO 3166-1 code", replacement: nil, successors: []),
        .init(code: "EU", kind: .exceptionallyReserved, meaning: "the European Union, an exceptionally reserved code, not a country; use the set 'eu'", replacement: nil, successors: []),
        .init(code: "IC", kind: .exceptionallyReserved, meaning: "the Canary Islands, an exceptionally reserved code; they are part of ES", replacement: "ES", successors: []),
        .init(code: "EA", kind: .exceptionallyReserved, meaning: "Ceuta and Melilla, an exceptionally reserved code; they are part of ES", replacement: "ES", successors: []),
        .init(code: "AN", kind: .withdrawn, meaning: "Netherlands Antilles, withdrawn 2010", replacement: nil, successors: ["BQ", "CW", "SX"]),
        .init(code: "CS", kind: .withdrawn, meaning: "Serbia and Montenegro, withdrawn 2006 (earlier Czechoslovakia, withdrawn 1993)", replacement: nil, successors: ["RS", "ME", "CZ", "SK"]),
        .init(code: "YU", kind: .withdrawn, meaning: "Yugoslavia, withdrawn 2003", replacement: nil, successors: ["RS", "ME"]),
        .init(code: "SU", kind: .withdrawn, meaning: "USSR, withdrawn 1992", replacement: nil, successors: []),
        .init(code: "DD", kind: .withdrawn, meaning: "German Democratic Republic, withdrawn 1990", replacement: "DE", successors: []),
        .init(code: "TP", kind: .withdrawn, meaning: "East Timor, withdrawn 2002", replacement: "TL", successors: []),
        .init(code: "ZR", kind: .withdrawn, meaning: "Zaire, withdrawn 1997", replacement: "CD", successors: []),
        .init(code: "BU", kind: .withdrawn, meaning: "Burma, withdrawn 1989", replacement: "MM", successors: []),
        .init(code: "FX", kind: .withdrawn, meaning: "France, Metropolitan, withdrawn 1997", replacement: "FR", successors: []),
    ]

    static let nonISOByCode: [String: NonISOCountryCode] = Dictionary(nonISOCodes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// The entry for a known non-ISO code (exact, upper case), or nil.
    public static func nonISOCode(_ code: String) -> NonISOCountryCode? { nonISOByCode[code] }
}

import Spelling

/// One ISO 3166-2 subdivision (Debian iso-codes): `UA-43` Avtonomna Respublika Krym.
public struct Region: Sendable, Hashable {
    /// `UA-43`: the country's alpha-2 code, a hyphen, up to three letters or digits.
    public let code: String
    /// The ISO name, in the local language's romanisation (`Avtonomna Respublika Krym`).
    public let name: String
    /// The ISO subdivision category (`Republic`, `Region`, `Autonomous region`).
    public let type: String

    /// The country the region belongs to (`UA`).
    public var country: String { String(code.prefix(2)) }
}

/// Lookup of ISO 3166-2 regions. Codes are case-sensitive (`CN-XJ`).
public enum Regions {
    /// Every region, by code; parsed from the generated table on first use.
    static let byCode: [String: Region] = Dictionary(
        TableText.rows(regionData).filter { $0.count == 3 }.map { ($0[0], Region(code: $0[0], name: $0[1], type: $0[2])) },
        uniquingKeysWith: { a, _ in a })

    /// The region with this code, or nil.
    public static func region(_ code: String) -> Region? { byCode[code] }

    /// The region `code` of `country`, or an error that says what to write: a region of
    /// another country, a lower-case or unprefixed code (`xj` → `CN-XJ`), a name
    /// (`Xinjiang`), or the closest code of the country.
    public static func resolve(_ code: String, in country: String) throws(ReferenceError) -> Region {
        if let region = byCode[code], region.country == country { return region }
        let shown = "'\(code)'"
        if let region = byCode[code] {
            throw ReferenceError("\(shown) is a region of \(region.country), not of \(country)")
        }
        let mine = codes(in: country)
        guard !mine.isEmpty else { throw ReferenceError("\(country) has no ISO 3166-2 regions") }
        let upper = code.uppercased()
        for candidate in [upper, "\(country)-\(upper)"] where byCode[candidate]?.country == country {
            throw ReferenceError("\(shown) is not an ISO 3166-2 code; did you mean '\(candidate)' (\(byCode[candidate]?.name ?? ""))?",
                                 suggestion: candidate)
        }
        let lowered = code.lowercased()
        let named = lowered.count >= 4 ? mine.filter { byCode[$0]?.name.lowercased().contains(lowered) == true } : []
        if named.count == 1, let byName = named.first {
            throw ReferenceError("\(shown) is not an ISO 3166-2 code; did you mean '\(byName)' (\(byCode[byName]?.name ?? ""))?",
                                 suggestion: byName)
        }
        if let close = ClosestMatch.find(to: upper, among: mine, limit: 1) {
            throw ReferenceError("\(shown) is not an ISO 3166-2 region of \(country); did you mean '\(close)' (\(byCode[close]?.name ?? ""))?",
                                 suggestion: close)
        }
        throw ReferenceError("\(shown) is not an ISO 3166-2 region of \(country) (codes look like '\(mine[0])')")
    }

    /// The codes of a country's regions, sorted.
    static func codes(in country: String) -> [String] {
        byCode.keys.filter { $0.hasPrefix(country + "-") }.sorted()
    }
}

/// The built-in named sets of regions from `reference/region-sets.yaml` (each a
/// `CountrySet` whose members are ISO 3166-2 codes).
public enum RegionSets {}

/// A territory with its own ISO 3166-1 code that belongs to another state: Puerto Rico
/// to the US, Réunion to France, Åland to Finland (`reference/territories.tsv`).
struct Territory: Sendable, Hashable {
    public let code: String
    /// The state it belongs to.
    let sovereign: String
    /// Whether a company of the sovereign state works there "at home": false for a
    /// territory with its own legal regime (Hong Kong and Macao for China).
    let domestic: Bool
    /// What it is, with its ISO 3166-2 entry where it has one.
    let note: String
}

/// Home and territories: which codes count as the same country for offshoring.
public enum Territories {
    static let byCode: [String: Territory] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// The territory entry for a code, or nil for a sovereign state (or unlisted code).
    static func territory(_ code: String) -> Territory? { byCode[code] }

    /// Whether work in `country` is at home for a company of `home`: the same code, or
    /// a territory of `home` that shares its legal order (`PR` for `US`), or `home`
    /// itself when `home` is such a territory's sovereign's territory (`US` for `PR`).
    public static func isDomestic(_ country: String, home: String) -> Bool {
        if country == home { return true }
        if let t = byCode[country], t.domestic, t.sovereign == home { return true }
        if let h = byCode[home], h.domestic, h.sovereign == country { return true }
        return false
    }

    /// The domestic territories of `state` (`US` → AS, GU, MP, PR, UM, VI).
    static func domesticTerritories(of state: String) -> [String] {
        all.filter { $0.sovereign == state && $0.domestic }.map(\.code)
    }
}

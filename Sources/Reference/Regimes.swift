/// Legal regimes: whose law binds a company (sanctions, data protection, export control).
/// A regime is `eu` (the EU's law, in the member states and the EU territories with their
/// own code), `eea` (the EEA's: the EU plus Iceland, Liechtenstein and Norway — GDPR
/// applies in all of them), `uk`, or a country's own law by its lower-case ISO 3166-1
/// code (`us`, `jp`, `ch`, `in`). A plan's company gets the regimes of its country by
/// default and may list more (an EU subsidiary of a US group: `[eu, eea, us]`).
public enum Regimes {
    /// The regimes a company based in `country` is bound by unless the plan says more:
    /// `DE` → `eu, eea`; `NO` → `eea`; `GB` → `uk`; `US` and its territories → `us`;
    /// any other country → its lower-case code.
    public static func defaults(for country: String) -> [String] {
        let eu = CountrySets.set("eu")?.contains(country) == true
            || CountrySets.set("eu_territories_with_own_code")?.contains(country) == true
        if eu { return ["eu", "eea"] }
        if CountrySets.set("eea")?.contains(country) == true { return ["eea"] }
        if country == "GB" { return ["uk"] }
        if let territory = Territories.territory(country), territory.domestic, territory.sovereign == "US" { return ["us"] }
        return [country.lowercased()]
    }

    /// Whether `id` names a regime: `eu`, `eea`, `uk`, or a lower-case ISO 3166-1 code.
    static func isKnown(_ id: String) -> Bool {
        named.contains(id) || (id.count == 2 && id == id.lowercased() && Countries.isValid(id.uppercased()) && id != "gb")
    }

    /// `ids` with what each implies: EU law is EEA law too (`eu` brings `eea`), so a rule
    /// on the GDPR can ask for `eea` alone.
    public static func implied(by ids: [String]) -> [String] {
        ids.flatMap { $0 == "eu" ? ["eu", "eea"] : [$0] }
    }

    /// `id` when it names a regime, else an error with the fix (`EU` → `eu`, `gb` → `uk`).
    public static func resolve(_ id: String) throws(ReferenceError) -> String {
        if isKnown(id) { return id }
        let shown = "'\(id)'"
        let lower = id.lowercased()
        if lower == "gb" || lower == "uk" {
            throw ReferenceError("\(shown) is not a regime id; the United Kingdom's is 'uk'", suggestion: "uk")
        }
        if isKnown(lower) {
            throw ReferenceError("\(shown) is not a regime id; did you mean '\(lower)'?", suggestion: lower)
        }
        throw ReferenceError("\(shown) is not a regime: use eu, eea, uk, or a country's lower-case ISO 3166-1 code (us, jp, ch)")
    }

    /// The regimes that are not a single country's code.
    static let named: [String] = ["eu", "eea", "uk"]

    /// Every regime id, for did-you-mean and completion.
    public static var all: [String] {
        named + Countries.all.map { $0.alpha2.lowercased() }.filter { $0 != "gb" }
    }
}

/// The tz database's own names (`reference/tz-names.tsv`): its canonical zones, the links
/// it documents (`US/Eastern` → `America/New_York`), and the countries each zone serves
/// (zone.tab and zone1970.tab). A name outside this list is not a zone here, even when
/// the system's time zone library resolves it (`SystemV/EST5`).
extension TimeZones {
    struct NameEntry: Sendable {
        /// The zone a link names; nil for a canonical zone.
        let target: String?
        /// ISO 3166-1 alpha-2 codes of the countries the zone serves (empty: none, e.g. `Etc/GMT-5`).
        let countries: [String]
    }

    // `names`, every name with its entry, is generated (Generated/TimeZoneNameTable.swift).

    /// Whether `identifier` is a tzdb zone or documented link name (case-sensitive).
    static func isTZDBName(_ identifier: String) -> Bool { names[identifier] != nil }

    /// The canonical zone `identifier` names (itself for a zone), or nil for an unknown name.
    static func canonical(_ identifier: String) -> String? {
        guard let entry = names[identifier] else { return nil }
        return entry.target ?? identifier
    }

    /// The countries whose clocks the zone keeps (through a link: its target's), by
    /// tzdata's zone.tab and zone1970.tab; empty for a zone of no country (`UTC`,
    /// `Etc/GMT-5`) or an unknown name.
    public static func countries(ofZone identifier: String) -> [String] {
        guard let zone = canonical(identifier) else { return [] }
        return names[zone]?.countries ?? []
    }
}

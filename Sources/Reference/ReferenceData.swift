import Foundation

/// Where the built-in facts come from, for `--version` output and report footers.
enum ReferenceData {
    /// One data source and its version.
    public struct Source: Sendable, Hashable {
        let what: String
        public let source: String
        let version: String
    }

    /// The sources of the generated tables (see `reference/README.md`), plus the time zone
    /// data Foundation uses at run time on this machine.
    public static var sources: [Source] {
        [
            Source(what: "countries (ISO 3166-1)", source: "Debian iso-codes", version: "4.15.0-1"),
            Source(what: "country time zones", source: "tzdata zone.tab", version: "2026f"),
            Source(what: "languages (ISO 639-1, ISO 639-3)", source: "Debian iso-codes", version: "4.15.0-1"),
            Source(what: "official languages", source: "Unicode CLDR supplementalData territoryInfo", version: "41"),
            Source(what: "CEFR levels", source: "Council of Europe CEFR global scale", version: "2001/2020"),
            Source(what: "named country sets", source: "reference/country-sets.yaml", version: CountrySets.compiled),
            Source(what: "time zone rules (run time)", source: "Foundation", version: TimeZones.dataVersion),
        ]
    }
}

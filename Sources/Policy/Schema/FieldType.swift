/// The type of one field in one of Shore's file formats. The loaders check values by
/// it, and `shore schema` turns it into JSON Schema: one definition serves both.
public indirect enum FieldType: Sendable {
    case string
    case bool
    case integer
    case number
    /// `YYYY-MM-DD`.
    case date
    /// `HH:MM-HH:MM`, crossing midnight allowed.
    case hours
    /// ISO 3166-1 alpha-2.
    case country
    /// BCP 47 primary language subtag.
    case language
    /// ISO 3166-2 region code (`CN-XJ`).
    case region
    /// ISO 4217 currency code.
    case currency
    /// A legal regime: `eu`, `eea`, `uk`, or a lower-case ISO 3166-1 code.
    case regime
    /// IANA time zone.
    case timeZone
    /// A1 … C2 or native.
    case cefrLevel
    /// A name from the rule set's classification scale.
    case classification
    /// One of a fixed list of words.
    case oneOf([String])
    case list(FieldType)
    case object(SchemaObject)
    /// A mapping with free-form keys and values (`attributes`).
    case freeMap
    /// A mapping from names to values of one type (`sets`, `overrides`).
    case map(FieldType)
    /// A CEL expression.
    case cel
    /// A message template with `{{ CEL }}` placeholders.
    case template
    /// A value that may be one of several types (e.g. a path or an inline plan).
    case anyOf([FieldType])

    /// How the type reads in an error message: "a country code (ISO 3166-1 alpha-2)".
    public var expectation: String {
        switch self {
        case .string, .cel, .template: "text"
        case .bool: "true or false"
        case .integer: "a whole number"
        case .number: "a number"
        case .date: "a date (YYYY-MM-DD)"
        case .hours: "hours as HH:MM-HH:MM"
        case .country: "a country code (ISO 3166-1 alpha-2, e.g. GB)"
        case .language: "a language code (ISO 639-1, e.g. en; three letters where none exists, e.g. fil)"
        case .timeZone: "an IANA time zone (e.g. Europe/Berlin)"
        case .region: "an ISO 3166-2 region code (e.g. CN-XJ)"
        case .currency: "an ISO 4217 currency code (e.g. EUR)"
        case .regime: "a regime (eu, eea, uk, or a lower-case country code such as us)"
        case .cefrLevel: "a CEFR level (A1, A2, B1, B2, C1, C2 or native)"
        case .classification: "a data classification"
        case .oneOf(let words): "one of " + words.joined(separator: ", ")
        case .list: "a list"
        case .object, .freeMap, .map: "a mapping"
        case .anyOf(let types): types.map(\.expectation).joined(separator: " or ")
        }
    }
}

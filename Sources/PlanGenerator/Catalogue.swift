/// What generated plans are made of: countries with their cities, zones and cost per
/// head, weighted choices of markets, hours, provider kinds, data and controls.
enum Catalogue {
    struct Country {
        let cities: [(String, String)]
        /// Annual cost of one head, USD.
        let costPerHead: Int
    }

    /// Location countries and how often they occur; the embargoed ones (CU, IR, KP) are
    /// rare on purpose, about 0.1 % of locations together.
    static let countryWeights: [(String, Double)] = [
        ("US", 14), ("IN", 20), ("PH", 13), ("MX", 8), ("PL", 7), ("CA", 5), ("GB", 4), ("KE", 3), ("IE", 3),
        ("PT", 3), ("CO", 3), ("BR", 3), ("NO", 2), ("AR", 2), ("VN", 2), ("UA", 2), ("RO", 2), ("DE", 2),
        ("EG", 1), ("ZA", 1), ("CN", 1), ("CU", 0.04), ("IR", 0.04), ("KP", 0.02),
    ]

    static let countries: [String: Country] = [
        "US": Country(cities: [("New York", "America/New_York"), ("Austin", "America/Chicago"),
                               ("Denver", "America/Denver"), ("Seattle", "America/Los_Angeles")], costPerHead: 150_000),
        "IN": Country(cities: [("Bengaluru", "Asia/Kolkata"), ("Hyderabad", "Asia/Kolkata"),
                               ("Pune", "Asia/Kolkata"), ("Chennai", "Asia/Kolkata")], costPerHead: 30_000),
        "PH": Country(cities: [("Manila", "Asia/Manila"), ("Cebu City", "Asia/Manila")], costPerHead: 22_000),
        "MX": Country(cities: [("Mexico City", "America/Mexico_City"), ("Guadalajara", "America/Mexico_City"),
                               ("Monterrey", "America/Monterrey")], costPerHead: 35_000),
        "PL": Country(cities: [("Warsaw", "Europe/Warsaw"), ("Kraków", "Europe/Warsaw"), ("Wrocław", "Europe/Warsaw")],
                      costPerHead: 55_000),
        "CA": Country(cities: [("Toronto", "America/Toronto"), ("Vancouver", "America/Vancouver")], costPerHead: 110_000),
        "GB": Country(cities: [("London", "Europe/London"), ("Manchester", "Europe/London")], costPerHead: 95_000),
        "KE": Country(cities: [("Nairobi", "Africa/Nairobi")], costPerHead: 18_000),
        "IE": Country(cities: [("Dublin", "Europe/Dublin")], costPerHead: 90_000),
        "PT": Country(cities: [("Lisbon", "Europe/Lisbon"), ("Porto", "Europe/Lisbon")], costPerHead: 45_000),
        "CO": Country(cities: [("Bogotá", "America/Bogota"), ("Medellín", "America/Bogota")], costPerHead: 30_000),
        "BR": Country(cities: [("São Paulo", "America/Sao_Paulo")], costPerHead: 38_000),
        "NO": Country(cities: [("Oslo", "Europe/Oslo"), ("Bergen", "Europe/Oslo")], costPerHead: 120_000),
        "AR": Country(cities: [("Buenos Aires", "America/Argentina/Buenos_Aires")], costPerHead: 32_000),
        "VN": Country(cities: [("Ho Chi Minh City", "Asia/Ho_Chi_Minh")], costPerHead: 20_000),
        "UA": Country(cities: [("Kyiv", "Europe/Kyiv"), ("Lviv", "Europe/Kyiv")], costPerHead: 35_000),
        "RO": Country(cities: [("Bucharest", "Europe/Bucharest"), ("Cluj-Napoca", "Europe/Bucharest")], costPerHead: 40_000),
        "DE": Country(cities: [("Berlin", "Europe/Berlin")], costPerHead: 110_000),
        "EG": Country(cities: [("Cairo", "Africa/Cairo")], costPerHead: 16_000),
        "ZA": Country(cities: [("Cape Town", "Africa/Johannesburg")], costPerHead: 30_000),
        "CN": Country(cities: [("Shenzhen", "Asia/Shanghai")], costPerHead: 40_000),
        "CU": Country(cities: [("Havana", "America/Havana")], costPerHead: 15_000),
        "IR": Country(cities: [("Tehran", "Asia/Tehran")], costPerHead: 15_000),
        "KP": Country(cities: [("Pyongyang", "Asia/Pyongyang")], costPerHead: 15_000),
    ]

    /// The language spoken where the first location is, when it is not English.
    static let localLanguage: [String: String] = [
        "IN": "hi", "PH": "tl", "MX": "es", "PL": "pl", "CA": "fr", "KE": "sw", "PT": "pt", "CO": "es", "BR": "pt",
        "NO": "no", "AR": "es", "VN": "vi", "UA": "uk", "RO": "ro", "DE": "de", "EG": "ar", "ZA": "af", "CN": "zh",
        "CU": "es", "IR": "fa", "KP": "ko",
    ]

    static let markets: [(String, Double)] = [
        ("US", 40), ("CA", 10), ("GB", 10), ("MX", 6), ("DE", 6), ("FR", 5), ("ES", 4), ("BR", 4), ("AU", 4),
        ("IE", 2), ("NO", 2), ("PL", 2),
    ]

    static let marketLanguages: [String: [String]] = [
        "US": ["en"], "CA": ["en", "fr"], "GB": ["en"], "MX": ["es"], "DE": ["de"], "FR": ["fr"], "ES": ["es"],
        "BR": ["pt"], "AU": ["en"], "IE": ["en", "ga"], "NO": ["no"], "PL": ["pl"],
    ]

    static let hours: [(String, Double)] = [
        ("09:00-17:00", 35), ("08:00-17:00", 20), ("10:00-19:00", 14), ("21:00-06:00", 14), ("14:00-23:00", 9),
        ("07:00-15:30", 5), ("18:00-03:00", 3),
    ]

    static let kinds: [(String, Double)] = [
        ("agency", 30), ("contractor", 30), ("freelancer", 10), ("captive", 20), ("in-house", 10),
    ]

    /// Services and the prefix of their engagement ids.
    static let services: [(name: String, short: String)] = [
        ("customer-support", "cs"), ("software-maintenance", "maint"), ("design", "design"), ("accounts-payable", "ap"),
        ("ml-data-labeling", "labeling"), ("qa-testing", "qa"), ("it-helpdesk", "helpdesk"), ("payroll", "payroll"),
        ("content-moderation", "moderation"), ("claims-processing", "claims"), ("data-engineering", "dataeng"),
        ("sales-development", "sdr"),
    ]

    static let customerFacing: Set<String> = ["customer-support", "content-moderation", "sales-development", "claims-processing"]

    static let data: [String: [String]] = [
        "public": ["marketing assets", "product images", "public docs"],
        "internal": ["source code", "runbooks", "test data", "chat transcripts"],
        "confidential": ["contact records", "supplier invoices", "payroll records", "claims files"],
        "restricted": ["card numbers", "health records", "bank details"],
    ]

    static let classificationWeights: [(String, Double)] = [
        ("public", 25), ("internal", 35), ("confidential", 30), ("restricted", 10),
    ]

    static let subjects = ["US", "US", "US", "CA", "DE", "FR", "GB", "MX", "BR", "IN", "NO", "PL"]

    static let levels: [(String, Double)] = [("B1", 8), ("B2", 22), ("C1", 40), ("C2", 18), ("native", 12)]

    /// Contract controls and the chance an engagement has each.
    static let controls: [(String, Double)] = [
        ("iso27001", 0.55), ("soc2", 0.25), ("audit-rights", 0.6), ("sla", 0.75), ("dpa", 0.35), ("nda", 0.5),
        ("pci-dss", 0.05),
    ]

    static let words = ["Contact", "Code", "Data", "Support", "Digital", "Global", "Shore", "Bridge", "Nexus",
                        "Summit", "Harbor", "Pixel", "Atlas", "Vertex", "Orbit", "Delta", "Cedar", "Pine"]
    static let suffixes = ["Co", "Works", "Labs", "Services", "Partners", "Group", "Solutions", "Ltd"]
    static let firstNames = ["Ingrid", "Ana", "Ravi", "Maria", "Jan", "Amina", "Luis", "Mei", "Olu", "Sofia"]
    static let lastNames = ["Solberg", "Kowalski", "Sharma", "Santos", "Reyes", "Otieno", "Nguyen", "Silva"]
}

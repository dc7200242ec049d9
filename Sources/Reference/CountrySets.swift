/// How far a set's coverage of one member reaches (e.g. an adequacy decision that
/// covers only some recipients).
struct ScopeNote: Sendable, Hashable {
    /// `full`, `partial` or `conditional` where the file says so, else nil.
    let scope: String?
    /// Free-text explanation.
    let note: String?
    /// Other fields as written (`decision`, `adopted`, `valid_until`).
    let details: [String: String]
}

/// A place in a set that has no ISO 3166-1 code (a region or an organisation); country
/// codes can never match it.
struct NonISOMember: Sendable, Hashable {
    public let name: String
    public let kind: String?
    /// Other fields as written (`decision`, `authority`, `iso_3166_2`, …; lists joined with ", ").
    let details: [String: String]
}

/// A country that used to be in a set.
struct RemovedMember: Sendable, Hashable {
    public let code: String
    /// ISO date, `YYYY-MM-DD`.
    let removedOn: String
    let note: String
}

/// A built-in named set of countries (`eu`, `eea`, `ofac_comprehensive`, …), with its
/// source and the date of the newest source supporting it.
public struct CountrySet: Sendable, Hashable, Identifiable {
    /// The name rules use (`eu_adequacy`).
    public let id: String
    public let description: String
    /// The primary source URL; cite it in output.
    public let source: String
    let otherSources: [String]
    /// Date (`YYYY-MM-DD`) of the newest dated source that supports the list as written.
    public let asOf: String
    /// Date of the latest change reflected in the list, when known.
    let effectiveSince: String?
    /// ISO 3166-1 alpha-2 members, in file order.
    public let members: [String]
    /// Members covered only for some recipients (`partial` in the file).
    public let partial: [String]
    /// Codes whose membership the compiler could not confirm (not in `members`).
    let unconfirmed: [String]
    /// Per-member scope notes.
    let scope: [String: ScopeNote]
    /// Regions and organisations without an ISO code (not in `members`).
    let nonISOMembers: [NonISOMember]
    /// Former members with the date and reason of removal.
    let removed: [RemovedMember]
    /// For territories: the member state each belongs to (`GF` → `FR`).
    let parent: [String: String]
    /// `members` as a set, for membership tests.
    let memberSet: Set<String>

    init(id: String, description: String, source: String, otherSources: [String], asOf: String,
         effectiveSince: String?, members: [String], partial: [String], unconfirmed: [String],
         scope: [String: ScopeNote], nonISOMembers: [NonISOMember], removed: [RemovedMember],
         parent: [String: String]) {
        self.id = id
        self.description = description
        self.source = source
        self.otherSources = otherSources
        self.asOf = asOf
        self.effectiveSince = effectiveSince
        self.members = members
        self.partial = partial
        self.unconfirmed = unconfirmed
        self.scope = scope
        self.nonISOMembers = nonISOMembers
        self.removed = removed
        self.parent = parent
        self.memberSet = Set(members)
    }

    /// True when `code` (exact alpha-2) is a member. Partial members count as members;
    /// check `isPartial` when that matters.
    public func contains(_ code: String) -> Bool { memberSet.contains(code) }

    /// `asOf` as a date.
    var asOfDate: CivilDate? { CivilDate.parse(asOf) }

    /// True when the member's coverage is partial or conditional.
    func isPartial(_ code: String) -> Bool { partial.contains(code) }
}

/// The built-in named sets from `reference/country-sets.yaml`.
public enum CountrySets {
    static let byID: [String: CountrySet] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The set with this id, or nil.
    static func set(_ id: String) -> CountrySet? { byID[id] }

    /// The ids of all sets, in file order.
    static var ids: [String] { all.map(\.id) }
}

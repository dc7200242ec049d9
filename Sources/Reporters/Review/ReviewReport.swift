import Policy
import SourceText

/// The pre-contract review of one plan (`shore review`): everything procurement, legal
/// and security read before signing, computed once from the same evaluation as
/// `shore check`. The Markdown, HTML and text renderers are pure functions of this value;
/// every string in it is raw plan or rule text, and each renderer escapes it for its format.
public struct ReviewReport: Sendable {
    /// The plan's id.
    let planID: String
    let title: String?
    /// The plan file, relative to the base folder given to `build` when it lies inside it.
    let planFile: String
    /// The plan's reference date, `YYYY-MM-DD`.
    let planDate: String
    let company: ReviewCompany
    let verdict: ReviewVerdict
    /// One row per engagement, in plan order.
    let sourcingMap: [SourcingMapRow]
    let headcountByCountry: ShareChart
    let spendByProvider: ShareChart
    let dataMatrix: ClassificationMatrix
    let timeline: WorkdayTimeline
    /// Engagements with findings, most severe first, then the plan-wide group (if any).
    let findingGroups: [FindingGroup]
    /// Engagements without any finding, in plan order.
    let clearEngagements: [String]
    public let waivers: WaiverSummary
    let checklist: SignOffChecklist
    /// Non-fatal notes about the inputs (warnings from loading rules or the plan).
    let inputNotes: [String]
    /// The `shore.yaml` overrides the evaluation ran with (a rule disabled, a severity
    /// changed); shown as "Policy changes" so a weakened policy is never silent.
    let policyChanges: [PolicyChange]
    /// What a large plan's tables and charts leave out and what stands in for it (one
    /// sentence each); empty when everything is shown.
    let summaries: [String]
}

/// The company that sources the work.
struct ReviewCompany: Sendable, Hashable {
    public let name: String
    public let country: String
    let countryName: String
    let timezone: String
    /// `HH:MM-HH:MM`, local.
    public let hours: String
}

/// How an engagement (or the plan) stands: worst failing finding.
enum ReviewMark: String, Sendable, Hashable, Comparable {
    case clear
    case warning
    case error

    private var rank: Int {
        switch self {
        case .clear: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: ReviewMark, b: ReviewMark) -> Bool { a.rank < b.rank }

    /// ✗ failing error, ! warning, ✓ clear.
    var symbol: String {
        switch self {
        case .error: "✗"
        case .warning: "!"
        case .clear: "✓"
        }
    }

    /// The word beside the symbol, so colour and symbol are never the only signal.
    var word: String {
        switch self {
        case .error: "failing"
        case .warning: "warning"
        case .clear: "clear"
        }
    }

    /// The mark of a set of findings: only failing errors and warnings count.
    static func of(_ findings: [Finding]) -> ReviewMark {
        let failing = findings.filter(\.isFailing)
        if failing.contains(where: { $0.severity == .error }) { return .error }
        if failing.contains(where: { $0.severity == .warning }) { return .warning }
        return .clear
    }
}

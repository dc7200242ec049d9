import Reference
import SourceText

/// An approved, expiring exception to one rule.
public struct Waiver: Sendable {
    public let rule: String
    public let plan: String?
    public let engagement: String?
    public let country: String?
    public let reason: String
    public let approvedBy: String
    public let ticket: String?
    public let expires: CivilDate
    /// Where the waiver is written.
    public let span: SourceSpan

    /// Whether the waiver still applies on `date` (it applies through its expiry day).
    func isActive(on date: CivilDate) -> Bool { date <= expires }
}

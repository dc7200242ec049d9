import Reference
import YAML

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
    public let node: YAMLNode

    /// Whether the waiver still applies on `date` (it applies through its expiry day).
    func isActive(on date: CivilDate) -> Bool { date <= expires }
}

import Policy

/// The answer at the top of the review.
///
/// - blocked: at least one failing error;
/// - needs attention: failing warnings, or a waiver that expires within 90 days of the
///   plan date (the work would be blocked again soon);
/// - clear: neither.
///
/// Failing `info` findings (such as unused waivers) are counted but do not change it.
/// The verdict does not depend on `--fail-on`; the exit code does.
struct ReviewVerdict: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case blocked
        case needsAttention = "needs attention"
        case clear
    }

    let outcome: Outcome
    let failingErrors: Int
    public let failingWarnings: Int
    public let failingInfos: Int
    let waived: Int
    let waiversExpiringSoon: Int
    let waiversExpired: Int

    /// How many days ahead a waiver counts as expiring soon.
    static let expiringWindowDays = 90

    init(findings: [Finding], waivers: WaiverSummary) {
        let failing = findings.filter(\.isFailing)
        failingErrors = failing.count { $0.severity == .error }
        failingWarnings = failing.count { $0.severity == .warning }
        failingInfos = failing.count { $0.severity == .info }
        waived = findings.count { !$0.isFailing }
        waiversExpiringSoon = waivers.expiringSoon.count
        waiversExpired = waivers.expired.count
        if failingErrors > 0 {
            outcome = .blocked
        } else if failingWarnings > 0 || waiversExpiringSoon > 0 {
            outcome = .needsAttention
        } else {
            outcome = .clear
        }
    }

    /// `BLOCKED`, `NEEDS ATTENTION`, `CLEAR`.
    var headline: String { outcome.rawValue.uppercased() }

    /// The mark that goes with the outcome.
    var mark: ReviewMark {
        switch outcome {
        case .blocked: .error
        case .needsAttention: .warning
        case .clear: .clear
        }
    }

    /// `7 failing errors, 2 warnings, 0 info; 1 waived; 0 waivers expiring within 90 days, 1 expired`.
    var counts: String {
        "\(Self.plural(failingErrors, "failing error")), \(Self.plural(failingWarnings, "warning")), "
            + "\(failingInfos) info; \(waived) waived; "
            + "\(Self.plural(waiversExpiringSoon, "waiver")) expiring within \(Self.expiringWindowDays) days, "
            + "\(waiversExpired) expired"
    }

    /// One sentence for the reader: why this verdict.
    var reason: String {
        switch outcome {
        case .blocked:
            "Do not sign: failing errors must be fixed or waived first."
        case .needsAttention:
            failingWarnings > 0
                ? "Can proceed, but the warnings below need an owner and a decision."
                : "Can proceed, but a waiver expires soon: plan its renewal or the fix."
        case .clear:
            "No failing errors or warnings, and no waiver expires within \(Self.expiringWindowDays) days."
        }
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}

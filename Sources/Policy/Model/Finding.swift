import SourceText

/// What a finding is about.
public enum FindingKind: String, Sendable, CaseIterable, Codable {
    /// The rule's `assert` was false.
    case violation
    /// The rule's `when`, `assert` (or message) failed at run time: not a pass (fail closed).
    case evaluationError = "evaluation-error"
    /// A waiver has expired and no longer applies.
    case waiverExpired = "waiver-expired"
    /// A waiver matched no finding.
    case waiverUnused = "waiver-unused"
}

/// Whether a finding counts against the gate.
public enum FindingStatus: String, Sendable, CaseIterable, Codable {
    case failing
    case waived
}

/// The waiver that waived a finding. A class, so the (rare) waiver costs a finding
/// one reference rather than five fields.
public final class WaiverReference: Sendable, Hashable {
    public let reason: String
    public let approvedBy: String
    public let ticket: String?
    public let expires: String
    public let location: SourceSpan

    init(reason: String, approvedBy: String, ticket: String?, expires: String, location: SourceSpan) {
        self.reason = reason
        self.approvedBy = approvedBy
        self.ticket = ticket
        self.expires = expires
        self.location = location
    }

    public static func == (a: WaiverReference, b: WaiverReference) -> Bool {
        (a.reason, a.approvedBy, a.ticket, a.expires, a.location) == (b.reason, b.approvedBy, b.ticket, b.expires, b.location)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(reason)
        hasher.combine(approvedBy)
        hasher.combine(expires)
        hasher.combine(location)
    }
}

/// One sub-expression of a failed assert and its value: `location.country` ↦ `"PH"`.
public struct Because: Sendable, Hashable {
    public let expression: String
    public let value: String
    public init(expression: String, value: String) {
        self.expression = expression
        self.value = value
    }
}

/// One result of checking a plan: a violated rule (or an evaluation error, or a
/// waiver problem), precisely located, with its subject and a stable fingerprint.
public struct Finding: Sendable, Hashable {
    public let rule: String
    public let ruleTitle: String?
    public var severity: Severity
    public let kind: FindingKind
    public var status: FindingStatus
    public let message: String
    public let plan: String
    /// The most specific place in the plan (the field the assert is about, where known).
    public let location: SourceSpan?
    /// The subject's path in the plan: `engagements[0].locations[0]`.
    public let path: String?
    public let engagement: String?
    public let country: String?
    public let provider: String?
    public let remediation: String?
    public let references: [String]
    public var waiver: WaiverReference?
    /// Stable across edits elsewhere in the plan: built from the rule, kind, plan id and
    /// the ids of the subject, never from lines or list positions.
    public let fingerprint: String
    /// For a failed assert, the values behind it.
    public let because: [Because]

    /// The plan file.
    public var file: String? { location?.path }

    public var isFailing: Bool { status == .failing }
}

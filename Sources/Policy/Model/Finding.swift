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

/// What every finding of one rule on one plan shares, held once: a finding keeps one
/// reference to it instead of five fields of its own.
final class FindingRule: Sendable, Hashable {
    let rule: String
    let ruleTitle: String?
    let plan: String
    let remediation: String?
    let references: [String]
    /// What the fingerprints of the rule's violations and evaluation errors on the plan
    /// start with (rule id, kind, plan id), hashed once.
    private let violationStart: Fingerprint, errorStart: Fingerprint

    init(rule: String, ruleTitle: String?, plan: String, remediation: String?, references: [String]) {
        self.rule = rule
        self.ruleTitle = ruleTitle
        self.plan = plan
        self.remediation = remediation
        self.references = references
        violationStart = Fingerprint(rule, FindingKind.violation.rawValue, plan)
        errorStart = Fingerprint(rule, FindingKind.evaluationError.rawValue, plan)
    }

    /// The fingerprint of a finding of `kind` of this rule on this plan, its subject's
    /// parts still to be added.
    func fingerprintStart(_ kind: FindingKind) -> Fingerprint {
        switch kind {
        case .violation: violationStart
        case .evaluationError: errorStart
        default: Fingerprint(rule, kind.rawValue, plan)
        }
    }

    static func == (a: FindingRule, b: FindingRule) -> Bool {
        a === b || (a.rule, a.ruleTitle, a.plan, a.remediation) == (b.rule, b.ruleTitle, b.plan, b.remediation)
            && a.references == b.references
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(plan)
    }
}

/// One result of checking a plan: a violated rule (or an evaluation error, or a
/// waiver problem), precisely located, with its subject and a stable fingerprint.
///
/// Compact, because a large plan has hundreds of thousands: what a rule's findings
/// share is one `FindingRule`, the location is its file and four 32-bit numbers, the
/// path is numbers (`PlanPath`), and the fingerprint is kept as its 64-bit number.
public struct Finding: Sendable, Hashable {
    // Stored in this order so the one-byte fields fill the path's spare bytes.
    private let shared: FindingRule
    public let message: String
    private let sourceFile: FindingFile?
    private let startLine: UInt32, startColumn: UInt32, endLine: UInt32, endColumn: UInt32
    /// The subject's path in the plan, as numbers (`path` is its text).
    public let planPath: PlanPath?
    public var severity: Severity
    public let kind: FindingKind
    public var status: FindingStatus
    public let engagement: String?
    public let country: String?
    public let provider: String?
    public var waiver: WaiverReference?
    private let fingerprintValue: UInt64
    /// For a failed assert, the values behind it.
    public let because: [Because]

    init(_ shared: FindingRule, severity: Severity, kind: FindingKind, status: FindingStatus, message: String,
         location: SourceSpan?, path: PlanPath?, engagement: String?, country: String?, provider: String?,
         waiver: WaiverReference?, fingerprint: UInt64, because: [Because]) {
        self.shared = shared
        self.severity = severity
        self.kind = kind
        self.status = status
        self.message = message
        sourceFile = location.map { FindingFile(file: $0.file) }
        startLine = UInt32(truncatingIfNeeded: location?.start.line ?? 0)
        startColumn = UInt32(truncatingIfNeeded: location?.start.column ?? 0)
        endLine = UInt32(truncatingIfNeeded: location?.end.line ?? 0)
        endColumn = UInt32(truncatingIfNeeded: location?.end.column ?? 0)
        planPath = path
        self.engagement = engagement
        self.country = country
        self.provider = provider
        self.waiver = waiver
        self.fingerprintValue = fingerprint
        self.because = because
    }

    public var rule: String { shared.rule }
    public var ruleTitle: String? { shared.ruleTitle }
    public var plan: String { shared.plan }
    public var remediation: String? { shared.remediation }
    public var references: [String] { shared.references }

    /// The most specific place in the plan (the field the assert is about, where known).
    public var location: SourceSpan? {
        sourceFile.map { source in
            SourceSpan(file: source.file, start: SourcePosition(line: Int(startLine), column: Int(startColumn)),
                       end: SourcePosition(line: Int(endLine), column: Int(endColumn)))
        }
    }

    /// Where `location` starts, without making the span: (line, column).
    public var start: (line: Int, column: Int)? {
        sourceFile == nil ? nil : (Int(startLine), Int(startColumn))
    }

    /// The subject's path in the plan: `engagements[0].locations[0]`.
    public var path: String? { planPath?.text }

    /// Stable across edits elsewhere in the plan: built from the rule, kind, plan id and
    /// the ids of the subject, never from lines or list positions. 16 hex digits.
    public var fingerprint: String { Fingerprint.hex(fingerprintValue) }

    /// The fingerprint as its 64-bit number (`fingerprint` is its 16 hex digits).
    public var fingerprintNumber: UInt64 { fingerprintValue }

    /// The plan file.
    public var file: String? { sourceFile?.file.path }

    public var isFailing: Bool { status == .failing }
}

/// A finding's file, equal to another by path as `SourceSpan` compares them.
private struct FindingFile: Sendable, Hashable {
    let file: SourceFile

    static func == (a: FindingFile, b: FindingFile) -> Bool { a.file === b.file || a.file.path == b.file.path }

    func hash(into hasher: inout Hasher) { hasher.combine(file.path) }
}

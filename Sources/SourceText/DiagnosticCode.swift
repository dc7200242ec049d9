/// The stable name of one kind of input problem, e.g. `plan.unknown-country`.
///
/// Every code Shore reports is declared once, as a static constant in `Codes/` (one file
/// per area: `plan.*`, `rules.*`, `yaml.*` …), with the severity it is usually reported
/// at, what it means and an example message; `docs/diagnostics.md` is generated from
/// these declarations. Code branches compare constants (`d.code == .rulesNone`), never
/// strings, so renaming a code is a compile error rather than a silent miss.
public struct DiagnosticCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The name written in every output (`error[plan.unknown-country]`, JSON, SARIF …).
    public let rawValue: String
    /// The severity the code is usually reported at.
    public let severity: Severity
    /// What the code means, in one sentence.
    let summary: String
    /// A message Shore writes with this code.
    let example: String

    init(_ rawValue: String, _ severity: Severity, _ summary: String, example: String) {
        self.rawValue = rawValue
        self.severity = severity
        self.summary = summary
        self.example = example
    }

    /// An error code.
    init(_ rawValue: String, _ summary: String, example: String) {
        self.init(rawValue, .error, summary, example: example)
    }

    /// The area before the first dot: `plan`, `rules`, `yaml` …
    public var area: String { String(rawValue.prefix { $0 != "." }) }

    public var description: String { rawValue }

    public static func == (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }

    /// Every declared code, sorted by name.
    public static let all: [DiagnosticCode] = (
        yamlCodes + ioCodes + planCodes + rulesCodes + lintCodes + testCodes + waiverCodes + configCodes
            + evalCodes + explainCodes + initCodes + outputCodes + runCodes + baselineCodes
    ).sorted()

    /// The declared code named `rawValue`, nil when Shore has no such code.
    public static func named(_ rawValue: String) -> DiagnosticCode? {
        all.first { $0.rawValue == rawValue }
    }
}

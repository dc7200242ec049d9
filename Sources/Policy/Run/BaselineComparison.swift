/// How a run compares with its `--baseline`: the findings it reports are the new ones;
/// `known` were in the baseline and are not reported; `fixed` were in the baseline
/// (for a plan checked now) and are no longer found.
public struct BaselineComparison: Sendable {
    public let new: Int
    public let known: Int
    public let fixed: [BaselineFinding]

    init(new: Int, known: Int, fixed: [BaselineFinding]) {
        self.new = new
        self.known = known
        self.fixed = fixed
    }
}

/// A finding as a baseline file records it.
public struct BaselineFinding: Sendable, Hashable {
    public let fingerprint: String
    public let rule: String
    public let message: String
    public let plan: String?
    public let file: String?
    public let line: Int?

    public init(fingerprint: String, rule: String, message: String, plan: String?, file: String?, line: Int?) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.message = message
        self.plan = plan
        self.file = file
        self.line = line
    }
}

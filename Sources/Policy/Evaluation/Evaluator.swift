import CEL
import Reference
import SourceText
import YAML

/// Settings for evaluating rules.
public struct EvaluationOptions: Sendable {
    /// Most CEL steps one expression may take on one item; past it the evaluation is an
    /// error (and so an `evaluation-error` finding), never a hang.
    public var budget: Int
    /// Split a large plan's engagements over the machine's cores.
    var parallel: Bool
    /// When the whole run must stop (`shore check --timeout`): checked between items;
    /// past it the evaluation stops and the run reports `run.timeout`.
    var deadline: ContinuousClock.Instant?
    /// The run date waivers are judged on, and whether a plan's own waivers count.
    public var waivers: WaiverPolicy

    public init(budget: Int = 100_000, parallel: Bool = true, deadline: ContinuousClock.Instant? = nil,
                waivers: WaiverPolicy = WaiverPolicy()) {
        self.budget = budget
        self.parallel = parallel
        self.deadline = deadline
        self.waivers = waivers
    }

    /// Whether `deadline` has passed.
    var isPastDeadline: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }
}

/// Checks plans against a rule set: every enabled rule on every item of its scope.
/// A rule that fails at run time is a finding of kind `evaluation-error` (fail closed).
public struct Evaluator: Sendable {
    public let rules: RuleSet
    public var options: EvaluationOptions

    public init(rules: RuleSet, options: EvaluationOptions = EvaluationOptions()) {
        self.rules = rules
        self.options = options
    }

    /// The findings of `plan`, with its own waivers and `waivers` applied, in plan order.
    public func check(_ plan: Plan, waivers: [Waiver] = []) -> [Finding] {
        checkWithinDeadline(plan, waivers: waivers).findings
    }

    /// `check`, and whether `options.deadline` stopped the evaluation before every rule
    /// ran on every item (then `findings` are incomplete and the run must not pass).
    public func checkWithinDeadline(_ plan: Plan, waivers: [Waiver] = []) -> (findings: [Finding], timedOut: Bool) {
        let programs = rules.programs.programs(rules.enabledRules, of: rules).map { $0.forPlan(plan.id) }
        let subjects = PlanSubjects(checking: plan)
        let budget = ItemBudget(base: options.budget, plan: plan)
        let deadline = options.deadline
        var results = Parallel.chunks(plan.engagements.count, threshold: options.parallel ? Parallel.threshold : .max) { range in
            // Each thread reads its own copies of what every rule touches, so the threads
            // do not contend on shared reference counts.
            Self.evaluate(programs.map { $0.copyForThread() }, subjects.copyForThread(),
                          engagements: range, budget: budget, deadline: deadline)
        }
        var timedOut = results.contains { $0.timedOut }
        let applicable = (options.waivers.allowPlanWaivers ? plan.waivers : [])
            + waivers.filter { $0.plan == nil || $0.plan == plan.id }
        // The chunks' findings are moved into one array (not copied: no reference counting
        // per finding), with room for the waivers' own findings (at most one each), so
        // appending them does not copy every finding into an array twice the size.
        var findings = MovableRun.joined(results.map(\.findings), reservingExtra: applicable.count)
        results = []
        // The evaluation's own objects are gone: what they left free goes back before the
        // findings are sorted.
        FreedMemory.giveBack(ifLarge: plan.source)
        var work = 0
        if !timedOut, !WaiverMatcher.apply(applicable, to: &findings, plan: plan, policy: options.waivers,
                                           loadedRules: Set(rules.rules.map(\.id)), deadline: deadline, work: &work) {
            timedOut = true
        }
        Self.putInPlanOrder(&findings)
        return (findings, timedOut)
    }

    /// Engagements whose CEL objects are built, checked and let go together.
    static let blockSize = 256

    /// Every program on every subject in `engagements`; stops (`timedOut`) once the
    /// deadline has passed, looking at the clock every 64 items. The engagements' objects
    /// are built `blockSize` engagements at a time and every program is run on a block
    /// before the next is built, so a thread holds one block's objects. A program's
    /// findings still come in subject order.
    static func evaluate(_ programs: [RuleProgram], _ subjects: PlanSubjects, engagements: Range<Int>, budget: ItemBudget,
                         deadline: ContinuousClock.Instant? = nil) -> (findings: MovableRun<Finding>, timedOut: Bool) {
        let findings = MovableRun<Finding>(capacity: 1_024)
        var items = 0
        // One buffer for every evaluation's variable values, refilled each time.
        var slots: [CELValue] = []
        slots.reserveCapacity(8)
        var memos = [RuleMemo](repeating: RuleMemo(), count: programs.count)
        var start = engagements.lowerBound
        repeat {
            let block = start..<min(engagements.upperBound, start + blockSize)
            let window = subjects.window(block)
            for (number, program) in programs.enumerated() {
                var timedOut = false
                window.forEach(program.rule.scope, engagements: block) { subject in
                    if timedOut { return }
                    if items & 63 == 0, let deadline, ContinuousClock.now >= deadline { timedOut = true; return }
                    items &+= 1
                    evaluate(program, window, subject, budget: budget.steps(program.rule.scope, item: subject.index), slots: &slots,
                             memo: &memos[number], into: findings)
                }
                if timedOut { return (findings, true) }
            }
            start = block.upperBound
        } while start < engagements.upperBound
        return (findings, false)
    }

    /// One rule on one item: its finding, or nil when it passes or does not apply.
    static func evaluate(_ program: RuleProgram, _ subjects: PlanSubjects, _ subject: Subject, budget: Int,
                         slots: inout [CELValue], memo: inout RuleMemo) -> Finding? {
        let findings = MovableRun<Finding>(capacity: 1)
        evaluate(program, subjects, subject, budget: budget, slots: &slots, memo: &memo, into: findings)
        return MovableRun.joined([findings]).first
    }

    /// One rule on one item: its finding, if any, appended to `findings` (made in place
    /// there, not copied in). `memo` keeps what this rule's findings share (`RuleMemo`).
    static func evaluate(_ program: RuleProgram, _ subjects: PlanSubjects, _ subject: Subject, budget: Int,
                         slots: inout [CELValue], memo: inout RuleMemo, into findings: MovableRun<Finding>) {
        if let when = program.when {
            switch when.evaluate(subjects, subject, budget: budget, slots: &slots) {
            case .bool(true): break
            case .bool(false): return
            case .error(let error): return findings.append(failure(program, subjects, subject, error: error, in: "when"))
            case let other:
                return findings.append(failure(program, subjects, subject,
                                               error: CELError("'when' gave \(other.literalDescription), not a boolean"), in: "when"))
            }
        }
        switch program.assert.evaluate(subjects, subject, budget: budget, slots: &slots) {
        case .bool(true):
            return
        case .bool(false):
            findings.append(violation(program, subjects, subject, budget: budget, slots: &slots, memo: &memo))
        case .error(let error):
            findings.append(failure(program, subjects, subject, error: error, in: "assert"))
        case let other:
            findings.append(failure(program, subjects, subject, error: CELError("'assert' gave \(other.literalDescription), not a boolean"), in: "assert"))
        }
    }

    static func violation(_ program: RuleProgram, _ subjects: PlanSubjects, _ subject: Subject, budget: Int,
                          slots: inout [CELValue], memo: inout RuleMemo) -> Finding {
        let rule = program.rule
        let message = program.message.map { Self.message($0, subjects, subject, budget: budget, slots: &slots, memo: &memo.messages) }
            ?? rule.title ?? rule.id
        let because = program.explanation.because(subjects, subject, budget: budget, slots: &slots, cache: &memo.because)
        return finding(program, subjects, subject, kind: .violation, message: message, because: because)
    }

    /// A message template's text for `subject`: each part's text worked out first, then
    /// the message with those bytes that this rule made before (`memo`), or a new one made
    /// at its exact length in one allocation.
    static func message(_ parts: [RuleProgram.MessagePart], _ subjects: PlanSubjects, _ subject: Subject, budget: Int,
                        slots: inout [CELValue], memo: inout MessageMemo) -> String {
        withUnsafeTemporaryAllocation(of: String.self, capacity: parts.count) { texts in
            var length = 0
            for (i, part) in parts.enumerated() {
                let text = switch part {
                case .text(let text): text
                case .value(let bound): ValueDisplay.message(bound.evaluate(subjects, subject, budget: budget, slots: &slots))
                }
                length += text.utf8.count
                texts.initializeElement(at: i, to: text)
            }
            defer { texts.deinitialize() }
            return memo.message(texts, length: length)
        }
    }

    static func failure(_ program: RuleProgram, _ subjects: PlanSubjects, _ subject: Subject, error: CELError, in field: String) -> Finding {
        finding(program, subjects, subject, kind: .evaluationError,
                message: "rule \(program.rule.id) could not be evaluated here (\(field)): \(error.message)", because: [])
    }

    static func finding(_ program: RuleProgram, _ subjects: PlanSubjects, _ subject: Subject,
                        kind: FindingKind, message: String, because: [Because]) -> Finding {
        let rule = program.rule
        let about = subjects.describe(subject)
        var focused: SourceSpan?
        for (variable, field) in program.focus {
            focused = program.focusPlace(subjects, subject, variable)?.span(of: field)
            if focused != nil { break }
        }
        let location = focused ?? about.place.span
        var fingerprint = program.findingRule.fingerprintStart(kind)
        fingerprint.add(about.engagement)
        fingerprint.add(about.country)
        fingerprint.add(about.provider)
        fingerprint.add(about.key)
        return Finding(
            program.findingRule, severity: rule.severity, kind: kind, status: .failing,
            message: message, location: location, path: about.path,
            engagement: about.engagement, country: about.country, provider: about.provider, waiver: nil,
            fingerprint: fingerprint.value,
            because: because)
    }

    /// Findings go by position in the plan file, then rule id, then kind. Small integer
    /// keys are sorted and the findings moved into place along the permutation's cycles:
    /// sorting the (large) findings themselves would copy each of them many times, and a
    /// second array would hold them all twice.
    static func putInPlanOrder(_ findings: inout [Finding]) {
        // A rule's findings come in runs, so a rule is looked at once per run.
        var rules = Set<String>()
        var lastRule: String?
        for i in findings.indices where findings[i].rule != lastRule {
            lastRule = findings[i].rule
            rules.insert(lastRule!)
        }
        let ruleRank = Dictionary(uniqueKeysWithValues: rules.sorted().enumerated().map { ($1, UInt64($0)) })
        let kindRank = Dictionary(uniqueKeysWithValues: FindingKind.allCases.sorted { $0.rawValue < $1.rawValue }
            .enumerated().map { ($1, UInt64($0)) })
        // Each finding's place as two words: line and column, then rule, kind and position.
        lastRule = nil
        var lastRank: UInt64 = 0
        let keys = findings.indices.map { i -> (UInt64, UInt64) in
            let rule = findings[i].rule
            if rule != lastRule {
                lastRule = rule
                lastRank = ruleRank[rule] ?? 0
            }
            let start = findings[i].start
            let place = UInt64(UInt32(truncatingIfNeeded: start?.line ?? 0)) << 32 | UInt64(UInt32(truncatingIfNeeded: start?.column ?? 0))
            return (place, lastRank << 40 | (kindRank[findings[i].kind] ?? 0) << 32 | UInt64(i))
        }
        let order = Self.sorted(keys).map { Int(truncatingIfNeeded: $0.1 & 0xFFFF_FFFF) }
        // Position p receives the finding at order[p]: each cycle of the permutation is
        // followed with moves (no copy, so no reference counting per finding).
        var placed = [Bool](repeating: false, count: findings.count)
        findings.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in buffer.indices where !placed[start] {
                let first = (base + start).move()
                var position = start
                while true {
                    placed[position] = true
                    let source = order[position]
                    if source == start {
                        (base + position).initialize(to: first)
                        break
                    }
                    (base + position).moveInitialize(from: base + source, count: 1)
                    position = source
                }
            }
        }
    }

    /// `keys` in ascending order; a long list is sorted in two halves at once, then merged.
    static func sorted(_ keys: [(UInt64, UInt64)]) -> [(UInt64, UInt64)] {
        guard keys.count >= Parallel.threshold * 8 else { return keys.sorted { $0 < $1 } }
        let middle = keys.count / 2
        let (low, high) = Parallel.both(concurrently: true, { keys[..<middle].sorted { $0 < $1 } }, { keys[middle...].sorted { $0 < $1 } })
        var merged: [(UInt64, UInt64)] = []
        merged.reserveCapacity(keys.count)
        var i = 0, j = 0
        while i < low.count && j < high.count {
            if high[j] < low[i] { merged.append(high[j]); j += 1 } else { merged.append(low[i]); i += 1 }
        }
        merged += low[i...]
        merged += high[j...]
        return merged
    }
}

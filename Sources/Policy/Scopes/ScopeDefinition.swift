import CEL

/// Everything Shore knows about one rule scope (`for:`), in one place: the variables it
/// binds, what one check is about, how it lists its subjects, what a finding says about
/// one (path, ids, fingerprint key), how `explain` labels it and how `eval --at` names
/// it. Every question about a scope is asked of its definition (`RuleScope.definition`);
/// adding a scope is a `RuleScope` case, its file in this folder, and its line in
/// `RuleScope.definition`. A class: every read of a scope's definition would otherwise
/// copy its closures, one reference count each.
final class ScopeDefinition: Sendable {
    /// The variables the scope binds besides `plan` and `company`, outermost first,
    /// with the CEL type rules see.
    let variables: [(name: String, type: CELType)]
    /// What one check is about, for the docs: "location of each engagement".
    let summary: String
    /// Calls `body` for each subject among the engagements in `range`; plan-wide scopes
    /// yield theirs in the range that starts at 0.
    let forEach: @Sendable (PlanSubjects, Range<Int>, (Subject) -> Void) -> Void
    /// The value of variable number `index` (of `variables`) for a subject.
    let value: @Sendable (PlanSubjects, Subject, Int) -> CELValue
    /// Where variable number `index`'s fields are written (for pointing a finding at
    /// `engagement.controls`), or nil.
    let place: @Sendable (PlanSubjects, Subject, Int) -> PlanPlace?
    /// What a finding carries about its subject.
    let describe: @Sendable (PlanSubjects, Subject) -> SubjectDescription
    /// How `explain` titles a subject: `tier1-support, PH, Manila`.
    let label: @Sendable (PlanSubjects, Subject) -> String
    /// The ids of the engagements a subject covers (`explain --engagement` selects by them).
    let engagements: @Sendable (PlanSubjects, Subject) -> [String]
    /// The names `eval --at` knows each subject by, in subject order (`tier1-support#0`).
    let itemNames: @Sendable (PlanSubjects) -> [String]

    init(variables: [(name: String, type: CELType)], summary: String,
         forEach: @escaping @Sendable (PlanSubjects, Range<Int>, (Subject) -> Void) -> Void,
         value: @escaping @Sendable (PlanSubjects, Subject, Int) -> CELValue,
         place: @escaping @Sendable (PlanSubjects, Subject, Int) -> PlanPlace?,
         describe: @escaping @Sendable (PlanSubjects, Subject) -> SubjectDescription,
         label: @escaping @Sendable (PlanSubjects, Subject) -> String,
         engagements: @escaping @Sendable (PlanSubjects, Subject) -> [String],
         itemNames: @escaping @Sendable (PlanSubjects) -> [String]) {
        self.variables = variables
        self.summary = summary
        self.forEach = forEach
        self.value = value
        self.place = place
        self.describe = describe
        self.label = label
        self.engagements = engagements
        self.itemNames = itemNames
    }

    /// The variable names.
    var variableNames: [String] { variables.map(\.name) }

    /// `forEach` for a plan-wide scope with `count` subjects (the plan itself, each
    /// country, each provider): all of them, once, in the range that starts at 0.
    static func planWide(_ scope: RuleScope, count: @escaping @Sendable (PlanSubjects) -> Int)
        -> @Sendable (PlanSubjects, Range<Int>, (Subject) -> Void) -> Void {
        { subjects, range, body in
            guard range.lowerBound == 0 else { return }
            for index in 0..<count(subjects) { body(Subject(scope: scope, index: index, part: 0)) }
        }
    }
}

/// What a finding says about its subject.
struct SubjectDescription {
    /// Where findings about this subject point (at it, or at one of its fields).
    let place: PlanPlace
    let path: PlanPath?
    let engagement: String?
    let country: String?
    let provider: String?
    /// The subject's own id inside its engagement (location country/city, data name,
    /// language code, subcontractor name), so two findings of one rule in one engagement
    /// differ.
    let key: String?
}

extension RuleScope {
    /// This scope's definition.
    var definition: ScopeDefinition {
        switch self {
        case .plan: .plan
        case .engagement: .engagement
        case .location: .location
        case .data: .data
        case .language: .language
        case .subcontractor: .subcontractor
        case .country: .country
        case .provider: .provider
        }
    }

    /// The variables a rule of this scope can use, beside `plan` and `company`.
    var variables: [String] { definition.variableNames }
}

extension ScopeDefinition {
    /// The `--at` names of the subjects, counted per engagement: `id#0`, `id#1`, … (of the
    /// engagements in `subjects.window`: every one for `PlanSubjects(plan)`, which `eval` uses).
    static func perEngagementNames(_ subjects: PlanSubjects, count: (EngagementObject) -> Int) -> [String] {
        subjects.engagements.flatMap { e in (0..<count(e)).map { "\(e.engagement.id)#\($0)" } }
    }
}

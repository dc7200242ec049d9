import CEL
import SourceText
import YAML

/// The item an expression is evaluated at (`shore eval --for SCOPE --at ID`).
public struct EvalTarget: Sendable, Equatable {
    var scope: RuleScope
    /// Engagement id (`ID` or `ID#N` for location, data and language; N counts from 0),
    /// country code for `country`, provider name for `provider`; nil for `plan`.
    public var at: String?
    public init(scope: RuleScope, at: String? = nil) {
        self.scope = scope
        self.at = at
    }
}

/// What evaluating an expression gave.
public struct EvalOutcome: Sendable {
    public let value: CELValue
    /// The checked type, or the value's runtime type where the checker says `dyn`.
    public let type: CELType
    /// The variables bound, for showing where the expression ran.
    public let item: String?
}

/// Why an expression could not be evaluated: its diagnostics.
public struct EvalFailure: Error, Sendable {
    public let diagnostics: [Diagnostic]
    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

/// Evaluates a CEL expression in the rules' environment: the rule author's REPL
/// (`shore eval`). Problems come back as diagnostics located in the expression text.
public enum ExpressionEvaluator {
    /// The pseudo file name expression diagnostics point into.
    public static let expressionPath = "<expression>"

    /// Evaluates `text` with `target`'s bindings from `plan` and the extra `variables`.
    public static func evaluate(_ text: String, environment: PolicyEnvironment, plan: Plan?, target: EvalTarget?,
                                variables: [String: CELValue] = [:],
                                options: EvaluationOptions = EvaluationOptions()) -> Result<EvalOutcome, EvalFailure> {
        let scope = target?.scope ?? .plan
        var env = environment.environment(for: scope)
        for (name, _) in variables { env.declareVariable(name, type: .dyn) }
        let source = SourceFile(path: expressionPath, text: text)

        let program: CELProgram
        do {
            let ast = try env.parse(text)
            do {
                program = env.program(try env.check(ast))
            } catch {
                return .failure(EvalFailure(error.issues.map { diagnostic(.evalCELType, $0, text: text, source: source, scope: scope, hasPlan: plan != nil) }))
            }
        } catch {
            return .failure(EvalFailure(error.issues.map { diagnostic(.evalCELSyntax, $0, text: text, source: source, scope: scope, hasPlan: plan != nil) }))
        }

        let unbound = program.variableNames.filter { variables[$0] == nil && environment.sets[$0] == nil }
        if plan == nil, let name = unbound.first {
            return .failure(EvalFailure([Diagnostic(.evalNeedsPlan, "'\(name)' comes from a plan, and no plan was given", at: nil,
                                        help: "pass `--plan FILE` (and `--for`/`--at` to choose the item), or bind it with `--var \(name)=JSON`")]))
        }
        var activation = CELActivation()
        for (name, set) in environment.sets { activation[name] = PlanValues.strings(set.members) }
        var item: String?
        var budget = options.budget
        if let plan {
            let subjects = PlanSubjects(plan)
            switch subject(subjects, target ?? EvalTarget(scope: .plan)) {
            case .failure(let diagnostic): return .failure(EvalFailure([diagnostic]))
            case .success(let subject):
                for name in ["plan", "company"] + scope.variables {
                    activation[name] = Binding(name, in: scope).flatMap { subjects.value($0, for: subject) }
                }
                item = subjects.describe(subject).path?.text ?? "plan"
                budget = ItemBudget(base: options.budget, plan: plan).steps(scope, item: subject.index)
            }
        }
        for (name, value) in variables { activation[name] = value }
        let value = program.evaluate(activation, budget: budget)
        let type: CELType = program.resultType == .dyn ? value.celType : program.resultType
        return .success(EvalOutcome(value: value, type: type, item: item))
    }

    /// The subject `target` names: `--at` is one of the scope's item names (an
    /// engagement id, `id#n` for a part of one, a country code, a provider), or may be
    /// left out when the scope has one subject.
    static func subject(_ subjects: PlanSubjects, _ target: EvalTarget) -> Result<Subject, Diagnostic> {
        let all = subjects.all(target.scope)
        guard let at = target.at else {
            if let first = all.first, target.scope == .plan || all.count == 1 { return .success(first) }
            return .failure(Diagnostic(.evalMissingAt, "`--for \(target.scope.rawValue)` needs `--at` to choose the item",
                                       at: nil, help: help(target.scope, subjects)))
        }
        let names = itemNames(target.scope, subjects)
        // An engagement id alone names its first part (`tier1-support` = `tier1-support#0`);
        // a country code in any case.
        let wanted = [at, at + "#0", at.uppercased()]
        if target.scope == .plan, let first = all.first { return .success(first) }
        guard let index = wanted.lazy.compactMap({ names.firstIndex(of: $0) }).first, index < all.count else {
            return .failure(Diagnostic(.evalUnknownItem, "the plan has no \(target.scope.rawValue) '\(at)'",
                                       at: nil, help: Suggestions.didYouMean(at, among: names) ?? help(target.scope, subjects)))
        }
        return .success(all[index])
    }

    static func help(_ scope: RuleScope, _ subjects: PlanSubjects) -> String {
        let names = itemNames(scope, subjects)
        return "choose one of: " + names.prefix(20).joined(separator: ", ") + (names.count > 20 ? ", …" : "")
    }

    /// What `--at` may name in `scope`: `tier1-support`, `tier1-support#1`, `PH`, a provider.
    static func itemNames(_ scope: RuleScope, _ subjects: PlanSubjects) -> [String] {
        scope.definition.itemNames(subjects)
    }

    static func diagnostic(_ code: DiagnosticCode, _ issue: CELIssue, text: String, source: SourceFile, scope: RuleScope, hasPlan: Bool) -> Diagnostic {
        let start = CELSourceText.lineColumn(of: issue.range.start, in: text)
        let end = CELSourceText.lineColumn(of: max(issue.range.start, issue.range.end), in: text)
        var help = issue.help
        if case .undeclaredReference(let name) = issue.kind, PolicyEnvironment.scopeVariables.contains(name) {
            let scopes = RuleScope.allCases.filter { ($0.variables + ["plan", "company"]).contains(name) }.map(\.rawValue)
            help = hasPlan
                ? "'\(name)' is bound with `--for \(scopes.joined(separator: "` or `--for "))`; this evaluation is `--for \(scope.rawValue)`"
                : "'\(name)' comes from a plan: pass `--plan FILE` (and `--for`/`--at` to choose the item)"
        }
        return Diagnostic(code, issue.message,
                          at: SourceSpan(file: source, start: SourcePosition(line: start.line, column: start.column),
                                         end: SourcePosition(line: end.line, column: end.column)),
                          help: help)
    }

    /// A `--var` value: JSON (or any YAML flow value), read with the YAML 1.2 core schema.
    public static func value(json text: String) -> Result<CELValue, Diagnostic> {
        let loaded = YAMLLoader().load(text: text, path: "<var>")
        if let problem = loaded.diagnostics.first(where: { $0.severity == .error }) { return .failure(problem) }
        guard let root = loaded.document?.root else { return .success(.null) }
        return .success(PlanValues.value(of: root))
    }
}

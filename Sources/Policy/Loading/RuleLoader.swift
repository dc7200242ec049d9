import CEL
import Reference
import SourceText
import YAML

/// What loading rules produced. `rules` is nil when any error was found: a run never
/// goes on with half its policy.
public struct RuleLoadResult: Sendable {
    public let rules: RuleSet?
    public let diagnostics: [Diagnostic]
    /// Every set defined in a rule file, and the rules that use each set (for lint).
    let setUsage: [String: [String]]
    /// The environment the rules compiled in (scale and sets), even when some rule had
    /// errors: what an editor completes against.
    public var environment: PolicyEnvironment?
    /// Rules that compiled, with unique ids (for lint's summary, also when `rules` is nil).
    var compiledRuleCount: Int = 0
}

/// Loads rule files (docs/rules-reference.md): reads every pack, gathers the classification scale
/// and the named sets, then compiles every rule's CEL against the plan schema; its last
/// stage, `RuleYAMLTrapStage`, explains expressions YAML took apart. Commands load rules
/// through `InputLoader`, which runs this.
public struct RuleLoader: Sendable {
    var yaml: YAMLLoader

    public init(yaml: YAMLLoader = YAMLLoader()) {
        self.yaml = yaml
    }

    /// Loads every rule file under `paths` (see `RuleFiles.find`).
    public func load(paths: [String]) -> RuleLoadResult {
        let files = RuleFiles.find(under: paths)
        if files.isEmpty {
            return RuleLoadResult(rules: nil, diagnostics: [RuleFiles.noneFound(under: paths)], setUsage: [:])
        }
        return load(sources: files.map(RuleSource.file))
    }

    /// Loads the given rule files.
    public func load(sources: [RuleSource]) -> RuleLoadResult {
        var diagnostics: [Diagnostic] = []
        var packs: [Pack] = []
        for source in sources {
            let loaded = source.load(yaml)
            diagnostics += loaded.diagnostics
            if let root = loaded.document?.root, let pack = readPack(root, into: &diagnostics) {
                packs.append(pack)
            }
        }
        let classifications = scale(packs, into: &diagnostics)
        let sets = namedSets(packs, into: &diagnostics)
        let environment = PolicyEnvironment(classifications: classifications, sets: sets)

        var rules: [Rule] = []
        var firstByID: [String: YAMLNode] = [:]
        var setUsage: [String: [String]] = [:]
        for pack in packs {
            for node in pack.ruleNodes {
                guard let rule = compileRule(node, pack: pack, environment: environment, into: &diagnostics) else { continue }
                if let earlier = firstByID[rule.id] {
                    diagnostics.append(Diagnostic(
                        .rulesDuplicateID, "the rule id '\(rule.id)' is defined twice", at: rule.span,
                        notes: [.init("first defined here", at: earlier["id"]?.span)],
                        help: "rule ids must be unique across every rule file loaded; rename one"))
                    continue
                }
                firstByID[rule.id] = rule.node
                for name in Self.identifiers(in: rule) where sets[name] != nil {
                    setUsage[name, default: []].append(rule.id)
                }
                rules.append(rule)
            }
        }
        if rules.isEmpty, !diagnostics.containsErrors, let first = packs.first {
            diagnostics.append(Self.noRules(first, files: packs.count))
        }
        diagnostics = RuleYAMLTrapStage.explain(diagnostics)
        let ruleSet = diagnostics.containsErrors ? nil
            : RuleSet(rules: rules, environment: environment, files: sources.map(\.path))
        return RuleLoadResult(rules: ruleSet, diagnostics: diagnostics.sortedByLocation(), setUsage: setUsage,
                              environment: environment, compiledRuleCount: rules.count)
    }

    /// `rules.empty`: the files loaded define no rule at all, so a check would pass every
    /// plan; that must not read as a clean result.
    private static func noRules(_ first: Pack, files: Int) -> Diagnostic {
        Diagnostic(.rulesEmpty, files == 1 ? "the rule file defines no rules" : "none of the \(files) rule files defines a rule",
                   at: first.rulesSpan,
                   help: "add a rule under `rules:` (`shore init` writes an example); a check without rules would pass every plan")
    }

    // MARK: Packs

    struct Pack {
        let id: String
        let classifications: (values: [String], node: YAMLNode)?
        let sets: [(name: String, members: [String], node: YAMLNode, key: YAMLNode)]
        let ruleNodes: [YAMLNode]
        /// The `rules` list, or the whole file when it has none.
        let rulesSpan: SourceSpan
    }

    private func readPack(_ root: YAMLNode, into diagnostics: inout [Diagnostic]) -> Pack? {
        guard let fields = FieldReader.open(root, as: RuleSchema.file, codes: .rules, into: &diagnostics) else { return nil }
        let id = fields.string("policy", into: &diagnostics) ?? "?"
        _ = fields.string("description", into: &diagnostics)
        var classifications: ([String], YAMLNode)?
        if let node = fields.value("classifications") {
            let values = fields.strings("classifications", into: &diagnostics)
            if values.isEmpty {
                diagnostics.append(Diagnostic(.rulesEmptyClassifications, "the classification scale is empty",
                                              at: node.span, help: "list the classes from lowest to highest"))
            } else if Set(values).count != values.count {
                diagnostics.append(Diagnostic(.rulesDuplicateClassification, "a class appears twice in the scale", at: node.span,
                                              help: "list each class once, from lowest to highest"))
            }
            classifications = (values, node)
        }
        var sets: [(String, [String], YAMLNode, YAMLNode)] = []
        if let node = fields.value("sets") {
            if node.kind != .mapping {
                fields.wrongType(node, "sets", expected: "a mapping of names to lists", into: &diagnostics)
            }
            for entry in node.entries {
                guard let name = entry.key.scalar else { continue }
                if !Self.isIdentifier(name) {
                    diagnostics.append(Diagnostic(
                        .rulesInvalidSetName, "the set name '\(name)' cannot be used as a CEL variable",
                        at: entry.key.span, help: "use letters, digits and _ and start with a letter, e.g. approved_countries"))
                }
                guard entry.value.kind == .sequence else {
                    fields.wrongType(entry.value, "sets.\(name)", expected: "a list", into: &diagnostics)
                    continue
                }
                let members = entry.value.items.compactMap { fields.text($0, "sets.\(name)", into: &diagnostics) }
                diagnostics += CountrySetMembers.problems(entry.value.items, setName: name)
                sets.append((name, members, entry.value, entry.key))
            }
        }
        let ruleNodes = fields.list("rules", into: &diagnostics)
        return Pack(id: id, classifications: classifications, sets: sets, ruleNodes: ruleNodes,
                    rulesSpan: fields.value("rules")?.span ?? root.span)
    }

    /// The one classification scale of the rule set (the default when no file gives one).
    private func scale(_ packs: [Pack], into diagnostics: inout [Diagnostic]) -> [String] {
        var chosen: ([String], YAMLNode)?
        for pack in packs {
            guard let given = pack.classifications else { continue }
            if let chosen, chosen.0 != given.values {
                diagnostics.append(Diagnostic(
                    .rulesConflictingClassifications,
                    "this classification scale differs from one given earlier; a rule set has one scale",
                    at: given.node.span, notes: [.init("the first scale", at: chosen.1.span)],
                    help: "give the same list in every file, or in one file only"))
            } else if chosen == nil {
                chosen = (given.values, given.node)
            }
        }
        return chosen?.0 ?? Classifications.defaultScale
    }

    /// Built-in sets, then each file's sets; a file's set may repeat a built-in set with
    /// the same members (noted), but not replace it with other members.
    private func namedSets(_ packs: [Pack], into diagnostics: inout [Diagnostic]) -> [String: NamedSet] {
        var sets = PolicyEnvironment.builtInSets
        var defined: [String: YAMLNode] = [:]
        for pack in packs {
            for set in pack.sets {
                if let earlier = defined[set.name] {
                    diagnostics.append(Diagnostic(
                        .rulesDuplicateSet, "the set '\(set.name)' is defined twice", at: set.key.span,
                        notes: [.init("first defined here", at: earlier.span)],
                        help: "sets are shared by every rule file; define each once"))
                    continue
                }
                defined[set.name] = set.key
                if let builtIn = sets[set.name], builtIn.node == nil {
                    if Set(builtIn.members) == Set(set.members) {
                        diagnostics.append(Diagnostic(
                            .rulesRedundantSet, "the set '\(set.name)' repeats the built-in set of that name",
                            at: set.key.span, severity: .info,
                            help: "remove it to use the built-in set (\(builtIn.source ?? "built in"), as of \(builtIn.asOf ?? "?"))"))
                    } else {
                        let missing = Set(builtIn.members).subtracting(set.members).sorted()
                        let extra = Set(set.members).subtracting(builtIn.members).sorted()
                        diagnostics.append(Diagnostic(
                            .rulesShadowedSet,
                            "the set '\(set.name)' would replace the built-in set of that name with other members",
                            at: set.key.span,
                            notes: [.init("not in the built-in set: \(extra.isEmpty ? "none" : extra.joined(separator: ", ")); missing from yours: \(missing.isEmpty ? "none" : missing.joined(separator: ", "))")],
                            help: "rename your set (e.g. 'my_\(set.name)'), or remove it to use the built-in one"))
                        continue
                    }
                }
                sets[set.name] = NamedSet(name: set.name, members: set.members, node: set.node, source: nil, asOf: nil)
            }
        }
        return sets
    }

    // MARK: Rules

    private func compileRule(_ node: YAMLNode, pack: Pack, environment: PolicyEnvironment,
                             into diagnostics: inout [Diagnostic]) -> Rule? {
        guard let fields = FieldReader.open(node, as: RuleSchema.rule, codes: .rules, into: &diagnostics) else { return nil }
        let id = fields.string("id", into: &diagnostics)
        let title = fields.string("title", into: &diagnostics)
        let description = fields.string("description", into: &diagnostics)
        let severity = fields.oneOf("severity", RuleSchema.severities, into: &diagnostics).flatMap(Severity.init(rawValue:))
        let scope = fields.oneOf("for", RuleScope.allCases.map(\.rawValue), into: &diagnostics).flatMap(RuleScope.init(rawValue:))
        let remediation = fields.string("remediation", into: &diagnostics)
        let references = fields.strings("references", into: &diagnostics)
        let tags = fields.strings("tags", into: &diagnostics)
        let enabled = fields.bool("enabled", into: &diagnostics) ?? true
        guard let scope else { return nil }

        let compiler = ExpressionCompiler(environment: environment.environment(for: scope), scope: scope)
        let before = diagnostics.count
        let when = fields.value("when").flatMap { compiler.compile($0, field: "when", expectBool: true, into: &diagnostics) }
        let assert = fields.value("assert").flatMap { compiler.compile($0, field: "assert", expectBool: true, into: &diagnostics) }
        let message = fields.value("message").flatMap { compiler.template($0, into: &diagnostics) }
        guard let id, let assert, diagnostics.count == before || !diagnostics[before...].containsErrors else { return nil }
        return Rule(id: id, title: title, description: description, severity: severity ?? .error, scope: scope,
                    when: when, assert: assert, message: message, remediation: remediation, references: references,
                    tags: tags, enabled: enabled, policy: pack.id, node: node)
    }

    /// The plain identifiers a rule's expressions read (sets and variables).
    static func identifiers(in rule: Rule) -> Set<String> {
        var names = Set<String>()
        var programs = [rule.assert.program] + (rule.when.map { [$0.program] } ?? [])
        if let message = rule.message {
            for case .expression(let program, _) in message.parts { programs.append(program) }
        }
        for program in programs {
            program.ast.expr.walk { expr in
                if case .ident(let name) = expr.kind { names.insert(name) }
            }
        }
        return names
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}

extension Array where Element == Diagnostic {
    fileprivate var containsErrors: Bool { contains { $0.severity == .error } }
}

extension ArraySlice where Element == Diagnostic {
    fileprivate var containsErrors: Bool { contains { $0.severity == .error } }
}

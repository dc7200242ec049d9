import CEL
import Reference

/// docs/plan-format.md and docs/rules-reference.md, generated from the file formats
/// (`PlanSchema`, `RuleSchema`, `WaiverSchema`) and the rules' CEL environment, so the
/// documentation cannot drift from what Shore accepts and what rules can read. A test
/// compares the committed files with these; `SHORE_UPDATE_DOCS=1 swift test --filter
/// FormatReferenceTests` rewrites them.
enum FormatReference {
    /// Every field of every plan object: type, whether required, default, validation,
    /// example; then the facts Shore derives.
    static func planFormat() -> String {
        var o = """
        # Plan format

        <!-- Generated from Sources/Policy/Schema by FormatReference.planFormat(); do not edit by hand. -->

        A sourcing plan is one YAML file: the company, the engagements (each a piece of sourced
        work: who does it, where, on which data, in which languages, under which controls and at
        what cost) and, optionally, waivers. `shore schema plan` prints the same format as JSON
        Schema for editors; `shore check` validates every plan against it and reports every
        problem at its line and column, with did-you-mean for misspelt keys and codes.

        YAML is read with the 1.2 core schema: `NO`, `yes` and `on` stay strings (Norway is
        `NO`), and only `true`/`false` are booleans. Unknown keys are errors. A derived fact
        (below each object) is computed by Shore; writing one in a plan is an error.

        A plan exported as JSON is read as it is (JSON is YAML), one line or many. A converter
        that follows YAML 1.1 (PyYAML's loaders do) turns a bare `NO` into `false` on the way:
        Shore then reports each as `plan.wrong-type`; quote the codes, or convert with a 1.2 reader.


        """
        for object in [PlanSchema.plan, PlanSchema.company, PlanSchema.engagement, PlanSchema.provider, PlanSchema.owner,
                       PlanSchema.location, PlanSchema.data, PlanSchema.language, PlanSchema.subcontractor,
                       PlanSchema.notification, PlanSchema.cost, WaiverSchema.waiver] {
            o += section(object, heading: object.name == PlanSchema.plan.name ? "The plan (top level)" : "`\(object.name)`")
        }
        o += """
        ## Views for `for: country` and `for: provider`

        Rules of these scopes see one item per country and per provider, built by Shore from
        the engagements (never written in a plan).


        """
        o += derivedTable(PlanSchema.countryView, heading: "`country`")
        o += derivedTable(PlanSchema.providerView, heading: "`provider` (summary)")
        return o
    }

    /// Rule files, scopes and their variables, every field rules can read with its CEL
    /// type, every function, and the built-in named sets with source and as-of date.
    static func rulesReference() -> String {
        var o = """
        # Rules reference

        <!-- Generated from Sources/Policy by FormatReference.rulesReference(); do not edit by hand. -->

        A rule file is YAML; each rule's `when`, `assert` and the `{{ … }}` placeholders of its
        `message` are CEL expressions, type-checked against the plan's schema when the rules
        load (so `location.contry` is an error at its line and column, before any plan is read).
        docs/authoring.md shows how to write, lint, test and explain rules.

        ## Files


        """
        for object in [RuleSchema.file, RuleSchema.rule, RuleSchema.testFile, RuleSchema.test, RuleSchema.expectation,
                       RuleSchema.config, RuleSchema.override, WaiverSchema.file] {
            o += section(object, heading: "`\(object.name)`", level: "###")
        }
        o += """
        ## Scopes and variables

        `for:` chooses what one check of the rule is about; the rule is checked once per item of
        its scope. Every scope also binds `plan` and `company`, and every named set as a
        `list(string)` variable.

        | `for:` | checked once per | variables |
        |---|---|---|

        """
        for scope in RuleScope.allCases {
            let variables = (["plan", "company"] + scope.variables).map { "`\($0)`: `\(PlanTypes.variables[$0].map(\.description) ?? "?")`" }
            o += "| `\(scope.rawValue)` | \(scope.definition.summary) | \(variables.joined(separator: ", ")) |\n"
        }
        o += "\n## Fields rules can read\n\nEach object type, its fields and their CEL types. `has(x.f)` is true when the plan sets an optional field.\n\n"
        for object in PlanTypes.objects {
            guard let type = object.ruleType else { continue }
            o += "### `\(type)`\n\n\(object.description)\n\n| field | CEL type | meaning |\n|---|---|---|\n"
            for field in object.fields + object.derivedFields {
                guard let name = field.ruleName else { continue }
                let derived = object.derivedFields.contains { $0.name == field.name } ? " *(derived)*" : ""
                o += "| `\(name)` | `\(PlanTypes.celType(of: field.type))` | \(cell(field.description))\(derived) |\n"
            }
            o += "\n"
        }
        o += functions()
        o += sets()
        return o
    }

    // MARK: Pieces

    static func section(_ object: SchemaObject, heading: String, level: String = "##") -> String {
        var o = "\(level) \(heading)\n\n\(object.description)\n\n"
        if !object.fields.isEmpty {
            o += "| key | type | required | meaning | example |\n|---|---|---|---|---|\n"
            for field in object.fields {
                o += "| `\(field.name)` | \(cell(typeText(field.type))) | \(field.required ? "yes" : "no") | \(cell(field.description)) | "
                    + (field.example.map { "`\(cell($0))`" } ?? "") + " |\n"
            }
            o += "\n"
        }
        if !object.derivedFields.isEmpty { o += "Derived by Shore:\n\n" + factsTable(object) }
        return o
    }

    static func derivedTable(_ object: SchemaObject, heading: String) -> String {
        "### \(heading)\n\n\(object.description)\n\n" + factsTable(object)
    }

    /// The derived facts of `object` as a table.
    static func factsTable(_ object: SchemaObject) -> String {
        "| fact | type | meaning |\n|---|---|---|\n"
            + object.derivedFields.map { "| `\($0.name)` | \(cell(typeText($0.type))) | \(cell($0.description)) |\n" }.joined() + "\n"
    }

    /// A field type for people: what the validator accepts.
    static func typeText(_ type: FieldType) -> String {
        switch type {
        case .list(let element): "list of " + typeText(element)
        case .object(let object): "`\(object.name)` mapping"
        case .map(let value): "mapping of names to " + typeText(value)
        case .freeMap: "free-form mapping"
        case .cel: "CEL expression"
        case .template: "message template with `{{ CEL }}` placeholders"
        default: type.expectation
        }
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func functions() -> String {
        let environment = PolicyEnvironment(classifications: Classifications.defaultScale, sets: [:]).environment(for: .plan)
        var o = "## Functions\n\n### Shore's own\n\n| function | meaning | example |\n|---|---|---|\n"
        for doc in DomainFunctions.documentation {
            o += "| `\(doc.signature)` | \(cell(doc.meaning)) | `\(cell(doc.example))` |\n"
        }
        o += """

        ### Macros

        | macro | meaning | example |
        |---|---|---|
        | `has(x.f)` | the optional field `f` is set | `has(engagement.cost)` |
        | `list.all(x, p)` | `p` holds for every element | `engagement.locations.all(l, l.headcount > 0)` |
        | `list.exists(x, p)` | `p` holds for at least one element | `engagement.data.exists(d, d.personal)` |
        | `list.exists_one(x, p)` | `p` holds for exactly one element | `engagement.locations.exists_one(l, l.country == 'IN')` |
        | `list.map(x, e)` | each element transformed | `engagement.locations.map(l, l.country)` |
        | `list.filter(x, p)` | the elements for which `p` holds | `engagement.data.filter(d, d.personal)` |

        ### CEL's standard library

        Every other function rules can call, with its overloads (`T` stands for any type;
        `a.f(b)` is a receiver call). Operators (`==`, `<`, `+`, `in`, `? :` …) work as in any
        CEL implementation.

        | function | overloads |
        |---|---|

        """
        let domain = Set(DomainFunctions.documentation.map(\.name))
        for name in environment.functions.keys.sorted() where !domain.contains(name) && isNamedFunction(name) {
            guard let decl = environment.functions[name] else { continue }
            let signatures = decl.overloads.map { overload -> String in
                let parameters = overload.parameters.map(\.description)
                if overload.isReceiver, let receiver = parameters.first {
                    return "\(receiver).\(name)(\(parameters.dropFirst().joined(separator: ", "))) → \(overload.result)"
                }
                return "\(name)(\(parameters.joined(separator: ", "))) → \(overload.result)"
            }
            o += "| `\(name)` | " + signatures.map { "`\(cell($0))`" }.joined(separator: "<br>") + " |\n"
        }
        return o + "\n"
    }

    /// Whether a declared function is called by name (not an operator like `_+_` or `!_`).
    static func isNamedFunction(_ name: String) -> Bool {
        guard let first = name.first else { return false }
        return first.isLetter
    }

    static func sets() -> String {
        var o = """
        ## Built-in named sets

        Each is a `list(string)` of ISO 3166-1 alpha-2 codes, usable in every rule
        (`location.country in eu_eea`); a rule file may define its own sets beside them.

        | set | what | members | source | as of |
        |---|---|--:|---|---|

        """
        for set in CountrySets.all {
            o += "| `\(set.id)` | \(cell(set.description)) | \(set.members.count) | \(cell(set.source)) | \(set.asOf) |\n"
        }
        o += """

        ### Region sets

        Lists of ISO 3166-2 region codes, for `location.region` and `subcontractor.region`
        (`location.region in crimea_sevastopol`). A partial member is covered only in part.

        | set | what | members | partial | source | as of |
        |---|---|---|---|---|---|

        """
        for set in RegionSets.all {
            o += "| `\(set.id)` | \(cell(set.description)) | \(set.members.joined(separator: ", ")) | "
                + "\(set.partial.joined(separator: ", ")) | \(cell(set.source)) | \(set.asOf) |\n"
        }
        o += "\nThe members of each set, with every source and note, are in `reference/` and in `rules/README.md`.\n"
        return o
    }
}

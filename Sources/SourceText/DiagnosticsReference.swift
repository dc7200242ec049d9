/// Writes docs/diagnostics.md from the declared `DiagnosticCode`s, so the list of codes
/// in the documentation is the list in the code.
enum DiagnosticsReference {
    /// Each area of codes with what its codes are about, in the order the document
    /// lists them.
    static let areas: [(name: String, about: String)] = [
        ("yaml", "A file that is not well-formed YAML, or that passes a reading limit (`YAMLLimits`)."),
        ("io", "An input path that cannot be read as a file."),
        ("plan", "A sourcing plan that does not fit the plan format (docs/plan-format.md) or contradicts itself."),
        ("rules", "A rule file that does not fit the rule format, or an expression that does not compile."),
        ("lint", "Rules that load but are probably not what their author meant (`shore lint`)."),
        ("test", "Rule tests (`*.test.yaml`) that cannot run, or that fail."),
        ("waiver", "A waiver that does not fit the waiver format, or that is not allowed."),
        ("config", "A shore.yaml that does not fit the configuration format."),
        ("eval", "`shore eval`: the expression or the item to evaluate it on."),
        ("explain", "`shore explain`: the rule or the part of the plan to explain."),
        ("init", "`shore init`: its options, and the folder it writes."),
        ("output", "`--output` and `--format`: where and how a report is written."),
        ("run", "The run as a whole."),
        ("baseline", "`--baseline`: the earlier JSON result findings are compared with."),
    ]

    /// A diagnostic as `shore check` shows it, for the introduction.
    static var example: String {
        let plan = SourceFile(path: "plans/acme.yaml", text: "plan: acme\ncompany: { name: Acme, country: UK }\n")
        let span = SourceSpan(file: plan, start: SourcePosition(line: 2, column: 33), end: SourcePosition(line: 2, column: 35))
        return DiagnosticRenderer().render(Diagnostic(.planUnknownCountry, DiagnosticCode.planUnknownCountry.example,
                                                      at: span, help: "write 'GB'"))
    }

    /// The whole document, ending in a newline.
    static func markdown() -> String {
        var out = """
            # Diagnostics

            Every problem Shore finds in its input (a plan, a rule file, shore.yaml, a command's
            options) is reported as a diagnostic with a stable code, written in every output:
            `\(DiagnosticCode.planUnknownCountry.severity)[\(DiagnosticCode.planUnknownCountry)]` in text, `code` in JSON, `ruleId` in SARIF, the
            annotation title for GitHub. Scripts and editors may rely on the codes; a code is
            never reused for another meaning.

            A diagnostic names its file, line and column where one is known, and most carry a
            `help:` line with the fix, e.g.

            ```
            \(example)```

            The severity below is the one the code is reported at; an error makes the run
            invalid (exit 2), a warning or info is shown and the run goes on. Findings about a
            plan (a rule that fails) are not diagnostics: see docs/authoring.md.

            This file is generated from the declarations in `Sources/SourceText/Codes/`
            (`SHORE_UPDATE_DOCS=1 swift test --filter DiagnosticsReferenceTests`); do not edit it
            by hand.


            """
        let byArea = Dictionary(grouping: DiagnosticCode.all, by: \.area)
        out += "| Area | Codes | About |\n| --- | ---: | --- |\n"
        for area in areas {
            out += "| [`\(area.name).*`](#\(area.name)) | \(byArea[area.name]?.count ?? 0) | \(area.about) |\n"
        }
        for area in areas {
            out += "\n## \(area.name)\n\n\(area.about)\n"
            for code in byArea[area.name] ?? [] {
                out += "\n### `\(code.rawValue)`\n\n"
                out += "\(code.severity.rawValue): \(code.summary)\n\n"
                out += "```\n\(code.severity.rawValue)[\(code.rawValue)]: \(code.example)\n```\n"
            }
        }
        return out
    }
}

import SourceText

/// `shore lint --format sarif`: the lint diagnostics as a minimal SARIF 2.1.0 log
/// (one run, one result per diagnostic, each code a rule). Kept apart from the check
/// reporters on purpose: lint reports problems with rule files, not findings.
public enum LintSARIF {
    public static func render(_ report: LintReport, version: String,
                              displayPath: (String) -> String = { $0 }) -> String {
        let codes = Array(Set(report.diagnostics.map(\.code))).sorted()
        let rules: [JSONText] = codes.map { code in
            .object([("id", .string(code.rawValue)), ("name", .string(code.rawValue))])
        }
        let results: [JSONText] = report.diagnostics.map { diagnostic in
            var members: [(String, JSONText)] = [
                ("ruleId", .string(diagnostic.code.rawValue)),
                ("level", .string(level(diagnostic.severity))),
                ("message", .object([("text", .string(diagnostic.message + (diagnostic.help.map { " (help: \($0))" } ?? "")))])),
            ]
            if let location = diagnostic.location {
                members.append(("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(displayPath(location.path)))])),
                    ("region", .object([
                        ("startLine", .int((location.start.line))), ("startColumn", .int((location.start.column))),
                        ("endLine", .int((location.end.line))), ("endColumn", .int((location.end.column))),
                    ])),
                ]))])])))
            }
            return .object(members)
        }
        let log: JSONText = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("shore lint")),
                    ("version", .string(version)),
                    ("rules", .array(rules)),
                ]))])),
                ("results", .array(results)),
            ])])),
        ])
        return log.rendered() + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }
}

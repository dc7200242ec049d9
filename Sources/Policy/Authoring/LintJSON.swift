import SourceText

/// `shore lint --format json`: a stable object with a summary and every diagnostic.
public enum LintJSON {
    public static func render(_ report: LintReport, displayPath: (String) -> String = { $0 }) -> String {
        let diagnostics: [JSONText] = report.diagnostics.map { d in
            var members: [(String, JSONText)] = [
                ("code", .string(d.code)), ("severity", .string(d.severity.rawValue)), ("message", .string(d.message)),
            ]
            if let location = d.location {
                members += [("file", .string(displayPath(location.path))),
                            ("line", .int(Int64(location.start.line))), ("column", .int(Int64(location.start.column))),
                            ("end_line", .int(Int64(location.end.line))), ("end_column", .int(Int64(location.end.column)))]
            }
            members += JSONText.optional("help", d.help.map(JSONText.string))
            if !d.notes.isEmpty {
                members.append(("notes", .array(d.notes.map { note in
                    .object([("message", .string(note.message))]
                            + JSONText.optional("file", note.location.map { .string(displayPath($0.path)) })
                            + JSONText.optional("line", note.location.map { .int(Int64($0.start.line)) })
                            + JSONText.optional("column", note.location.map { .int(Int64($0.start.column)) }))
                })))
            }
            return .object(members)
        }
        let root: JSONText = .object([
            ("version", .int(1)),
            ("summary", .object([
                ("files", .int(Int64(report.files.count))), ("rules", .int(Int64(report.ruleCount))),
                ("errors", .int(Int64(report.count(.error)))), ("warnings", .int(Int64(report.count(.warning)))),
                ("info", .int(Int64(report.count(.info)))),
            ])),
            ("diagnostics", .array(diagnostics)),
        ])
        return root.rendered() + "\n"
    }
}

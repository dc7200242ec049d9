import Policy
import SourceText

/// `shore lint --format json`: a stable object with a summary and every diagnostic.
struct LintJSONReporter: Reporter {
    let options: ReportOptions

    func write(_ report: LintReport, to sink: TextSink) {
        let displayPath = options.displayPath
        let diagnostics: [JSONText] = report.diagnostics.map { d in
            var members: [(String, JSONText)] = [
                ("code", .string(d.code.rawValue)), ("severity", .string(d.severity.rawValue)), ("message", .string(d.message)),
            ]
            if let location = d.location {
                members += [("file", .string(displayPath(location.path))),
                            ("line", .int((location.start.line))), ("column", .int((location.start.column))),
                            ("end_line", .int((location.end.line))), ("end_column", .int((location.end.column)))]
            }
            members += JSONText.optional("help", d.help.map(JSONText.string))
            if !d.notes.isEmpty {
                members.append(("notes", .array(d.notes.map { note in
                    .object([("message", .string(note.message))]
                            + JSONText.optional("file", note.location.map { .string(displayPath($0.path)) })
                            + JSONText.optional("line", note.location.map { .int(($0.start.line)) })
                            + JSONText.optional("column", note.location.map { .int(($0.start.column)) }))
                })))
            }
            return .object(members)
        }
        let root: JSONText = .object([
            ("version", .int(1)),
            ("summary", .object([
                ("files", .int((report.files.count))), ("rules", .int((report.ruleCount))),
                ("errors", .int((report.count(.error)))), ("warnings", .int((report.count(.warning)))),
                ("info", .int((report.count(.info)))),
            ])),
            ("diagnostics", .array(diagnostics)),
        ])
        sink.write(root.rendered() + "\n")
    }
}

import Policy
import SourceText

/// `shore lint --format sarif`: the lint diagnostics as a minimal SARIF 2.1.0 log
/// (one run, one result per diagnostic, each code a rule). Kept apart from the check
/// reporter on purpose: lint reports problems with rule files, not findings; levels,
/// locations and texts are written as check's are (`SARIFLog`).
struct LintSARIFReporter: Reporter {
    let options: ReportOptions

    func write(_ report: LintReport, to sink: TextSink) {
        let codes = Array(Set(report.diagnostics.map(\.code))).sorted()
        let rules: [JSONText] = codes.map { code in
            .object([("id", .string(code.rawValue)), ("name", .string(code.rawValue))])
        }
        let results: [JSONText] = report.diagnostics.map { diagnostic in
            var members: [(String, JSONText)] = [
                ("ruleId", .string(diagnostic.code.rawValue)),
                ("level", .string(SARIFLog.level(diagnostic.severity))),
                ("message", .object([("text", .string(SARIFLog.text(diagnostic)))])),
            ]
            if let location = diagnostic.location {
                members.append(("locations", .array([SARIFLog.physicalLocation(location, options: options)])))
            }
            return .object(members)
        }
        let log: JSONText = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string(SARIFLog.version)),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("shore lint")),
                    ("version", .string(options.toolVersion)),
                    ("rules", .array(rules)),
                ]))])),
                ("results", .array(results)),
            ])])),
        ])
        sink.write(log.rendered() + "\n")
    }
}

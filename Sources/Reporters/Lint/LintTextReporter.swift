import Policy
import SourceText

/// `shore lint` on a terminal: every diagnostic as the compiler-style text
/// `DiagnosticRenderer` draws (paths inside the working directory relative to it),
/// then `3 files, 12 rules: 1 error, 2 warnings, 0 info` or `…: no problems`.
struct LintTextReporter: Reporter {
    let options: ReportOptions

    func write(_ report: LintReport, to sink: TextSink) {
        let rendered = DiagnosticRenderer(colored: options.colored).render(report.diagnostics)
        sink.write(DisplayPath.relativeText(rendered, to: options.workingDirectory) + Self.summary(report) + "\n")
    }

    static func summary(_ report: LintReport) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let counts = "\(plural(report.count(.error), "error")), \(plural(report.count(.warning), "warning")), \(report.count(.info)) info"
        return "\(plural(report.files.count, "file")), \(plural(report.ruleCount, "rule")): "
            + (report.diagnostics.isEmpty ? "no problems" : counts)
    }
}

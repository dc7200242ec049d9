import Policy
import SourceText

/// `--format github`: GitHub Actions workflow commands, which the runner turns into
/// annotations on the pull request's diff.
///
/// One line per input diagnostic, then one per failing finding (waived findings are not
/// annotated): `::error file=F,line=L,col=C,title=RULE::message` — `::warning` for
/// warnings, `::notice` for info. Property values and messages are escaped as the
/// runner expects, so no value can end the command early or start a new one, and
/// control and bidi characters show as visible escapes. The `shore.yaml` overrides in
/// force and a baseline run's counts follow as `::notice` lines. Paths are
/// shown relative to `ReportOptions.workingDirectory`, since GitHub wants
/// repository-relative paths.
struct GitHubReporter: Reporter {
    let options: ReportOptions

    func write(_ report: CheckReport, to sink: TextSink) {
        Self.write(report, options: options, to: sink)
    }

    static func write(_ report: CheckReport, options: ReportOptions, to sink: TextSink) {
        for diagnostic in report.diagnostics {
            var message = diagnostic.message
            if let help = diagnostic.help { message += "\nhelp: \(help)" }
            sink.write(command(diagnostic.severity, location: diagnostic.location, title: diagnostic.code.rawValue,
                               message: message, options: options) + "\n")
        }
        for finding in report.allFindings where finding.isFailing {
            sink.write(command(finding.severity, location: finding.location, title: finding.rule,
                               message: finding.message, options: options) + "\n")
        }
        for change in report.policyChanges {
            sink.write(command(.info, location: nil, title: "Policy change",
                               message: change.summary + " (shore.yaml)", options: options) + "\n")
        }
        if let baseline = report.baseline {
            sink.write(command(.info, location: nil, title: "Baseline",
                               message: SummaryText.baselineCounts(baseline), options: options) + "\n")
        }
    }

    static func command(_ severity: Severity, location: SourceSpan?, title: String, message: String,
                        options: ReportOptions) -> String {
        var properties: [String] = []
        if let location {
            properties.append("file=" + WorkflowCommandEscaping.property(options.displayPath(location.path)))
            properties.append("line=\(location.start.line)")
            properties.append("col=\(location.start.column)")
        }
        properties.append("title=" + WorkflowCommandEscaping.property(title))
        return "::\(name(severity)) " + properties.joined(separator: ",") + "::" + WorkflowCommandEscaping.data(message)
    }

    static func name(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }
}

import Policy

/// The formats `shore check` writes. JSON is the stable machine contract; every other
/// format derives from the same `CheckReport`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case junit
    case github
    case markdown
}

/// Settings shared by reporters.
public struct ReportOptions: Sendable {
    /// ANSI colours in text output.
    var colored: Bool
    /// Shore's version, written into SARIF and JUnit.
    var toolVersion: String
    /// When set, file paths inside this directory are shown relative to it (the CLI passes
    /// its working directory, so SARIF and GitHub annotations get repository-relative
    /// paths even though plans are loaded by absolute path). Nil: paths as given.
    var workingDirectory: String?
    /// The project's home page, written as SARIF's `tool.driver.informationUri` when set.
    var informationUri: String?

    public init(colored: Bool = false, toolVersion: String = ShoreVersion.current,
                workingDirectory: String? = nil, informationUri: String? = nil) {
        self.colored = colored
        self.toolVersion = toolVersion
        self.workingDirectory = workingDirectory
        self.informationUri = informationUri
    }
}

/// Shore's version.
public enum ShoreVersion {
    public static let current = "0.1.0"
}

/// Renders a check report in a format. Pure: the same report gives the same text.
public enum ReportRenderer {
    /// Writes the report to `sink` piece by piece (finding by finding), so a large
    /// report is streamed to its file rather than held as one string.
    public static func write(_ report: CheckReport, as format: OutputFormat, options: ReportOptions = ReportOptions(),
                             to sink: TextSink) {
        switch format {
        case .text: TextReporter.write(report, options: options, to: sink)
        case .json: JSONReporter.write(report, options: options, to: sink)
        case .sarif: SARIFReporter.write(report, options: options, to: sink)
        case .junit: JUnitReporter.write(report, options: options, to: sink)
        case .github: GitHubReporter.write(report, options: options, to: sink)
        case .markdown: MarkdownReporter.write(report, options: options, to: sink)
        }
    }

    /// The whole report as one string.
    public static func render(_ report: CheckReport, as format: OutputFormat, options: ReportOptions = ReportOptions()) -> String {
        let sink = StringSink()
        write(report, as: format, options: options, to: sink)
        return sink.text
    }
}

import Policy

/// Every format Shore writes. Each command writes some of them (its `ReportFormats`):
/// `check` all but HTML, `review` Markdown, HTML and text, `lint` text, JSON and SARIF.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case junit
    case github
    case markdown
    case html

    /// The file extensions that name each format (`--output report.sarif`); a command
    /// knows those of the formats it writes.
    static let byExtension: [String: OutputFormat] = [
        "json": .json, "sarif": .sarif, "sarif.json": .sarif, "xml": .junit,
        "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html, "txt": .text, "text": .text,
    ]
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

/// Renders a check report in a format (`CheckReport.formats`).
public enum ReportRenderer {
    /// Writes the report to `sink` piece by piece (finding by finding), so a large
    /// report is streamed to its file rather than held as one string.
    public static func write(_ report: CheckReport, as format: OutputFormat, options: ReportOptions = ReportOptions(),
                             to sink: TextSink) {
        CheckReport.formats.reporter(format, options: options)?.write(report, to: sink)
    }

    /// The whole report as one string.
    public static func render(_ report: CheckReport, as format: OutputFormat, options: ReportOptions = ReportOptions()) -> String {
        let sink = StringSink()
        write(report, as: format, options: options, to: sink)
        return sink.text
    }
}

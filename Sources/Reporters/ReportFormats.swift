import Policy
import SourceText

/// The formats one kind of report is written in, and the reporter for each. One rule
/// for every command that writes a report file: the `--output` file's extension names
/// the format when it is a known one; an explicit `--format` must agree with it; an
/// extension the command does not know is an error unless `--format` says what to
/// write. No extension (or stdout): `--format`, else `fallback`.
public struct ReportFormats<Report>: Sendable {
    /// The formats, in the order `--format` lists them.
    public let formats: [OutputFormat]
    /// What to write when neither `--format` nor the output's extension says.
    public let fallback: OutputFormat
    private let reporters: @Sendable (OutputFormat, ReportOptions) -> (any Reporter<Report>)?

    init(_ formats: [OutputFormat], fallback: OutputFormat,
         reporters: @escaping @Sendable (OutputFormat, ReportOptions) -> (any Reporter<Report>)?) {
        self.formats = formats
        self.fallback = fallback
        self.reporters = reporters
    }

    /// The reporter writing `format`, or nil when this report is not written in it.
    public func reporter(_ format: OutputFormat, options: ReportOptions = ReportOptions()) -> (any Reporter<Report>)? {
        formats.contains(format) ? reporters(format, options) : nil
    }

    /// The extensions `--output` may have, and the format each names.
    public var extensions: [String: OutputFormat] {
        OutputFormat.byExtension.filter { formats.contains($0.value) }
    }

    /// The format to write, or the coded error (`output.format-conflict`,
    /// `output.unknown-extension`) explaining why none can be chosen.
    public func resolve(explicit: OutputFormat?, output: String?) -> Result<OutputFormat, Diagnostic> {
        let known = extensions
        guard let output, output != "-", let ext = Self.fileExtension(output, known: known) else {
            return .success(explicit ?? fallback)
        }
        let listed = known.sorted { $0.key < $1.key }.map { ".\($0.key) (\($0.value.rawValue))" }.joined(separator: ", ")
        guard let inferred = known[ext] else {
            if let explicit { return .success(explicit) }
            return .failure(Diagnostic(
                .outputUnknownExtension, "cannot tell which format to write to \(output): '.\(ext)' is not an extension this command writes",
                at: nil, help: "use one of \(listed), or name the format with --format"))
        }
        if let explicit, explicit != inferred {
            return .failure(Diagnostic(
                .outputFormatConflict, "--format \(explicit.rawValue) conflicts with the output \(output), whose extension means \(inferred.rawValue)",
                at: nil, help: "drop --format (the extension decides), or name the file with the format's extension"))
        }
        return .success(inferred)
    }

    /// The lower-cased extension of the file name (`sarif.json` when `known` has it),
    /// or nil when the name has none.
    static func fileExtension(_ path: String, known: [String: OutputFormat]) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1, !(parts.count == 2 && parts[0].isEmpty), let last = parts.last, !last.isEmpty else { return nil }
        if parts.count > 2, known[parts[parts.count - 2] + "." + last] != nil {
            return parts[parts.count - 2] + "." + last
        }
        return String(last)
    }
}

/// A report with a fixed set of formats (what a command's `--format` accepts).
public protocol FormattedReport {
    static var formats: ReportFormats<Self> { get }
}

extension CheckReport: FormattedReport {
    /// `shore check`: JSON is the stable machine contract; every other format derives
    /// from the same report.
    public static let formats = ReportFormats<CheckReport>([.text, .json, .sarif, .junit, .github, .markdown], fallback: .text) {
        format, options in
        switch format {
        case .text: TextReporter(options: options)
        case .json: JSONReporter(options: options)
        case .sarif: SARIFReporter(options: options)
        case .junit: JUnitReporter(options: options)
        case .github: GitHubReporter(options: options)
        case .markdown: MarkdownReporter(options: options)
        case .html: nil
        }
    }
}

extension ReviewReport: FormattedReport {
    /// `shore review`: for people, so no machine formats.
    public static let formats = ReportFormats<ReviewReport>([.markdown, .html, .text], fallback: .markdown) { format, _ in
        switch format {
        case .markdown: ReviewMarkdownRenderer()
        case .html: ReviewHTMLRenderer()
        case .text: ReviewTextRenderer()
        case .json, .sarif, .junit, .github: nil
        }
    }

    /// The review in `format` (one of `ReviewReport.formats`; empty for any other).
    public func render(as format: OutputFormat) -> String {
        Self.formats.reporter(format)?.render(self) ?? ""
    }
}

extension LintReport: FormattedReport {
    /// `shore lint`: problems with rule files, for a terminal, a script or code scanning.
    public static let formats = ReportFormats<LintReport>([.text, .json, .sarif], fallback: .text) { format, options in
        switch format {
        case .text: LintTextReporter(options: options)
        case .json: LintJSONReporter(options: options)
        case .sarif: LintSARIFReporter(options: options)
        case .junit, .github, .markdown, .html: nil
        }
    }
}

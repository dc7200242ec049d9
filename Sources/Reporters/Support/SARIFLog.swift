import Policy
import SourceText

/// The parts of SARIF 2.1.0 that every Shore log writes the same way — `check`'s
/// (`SARIFReporter`) and `lint`'s (`LintSARIFReporter`): levels, locations and the text
/// of a diagnostic.
enum SARIFLog {
    static let version = "2.1.0"

    /// SARIF's `level` for a severity (`info` is a `note`).
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A diagnostic's message with its help appended: `… (help: …)`.
    static func text(_ diagnostic: Diagnostic) -> String {
        diagnostic.message + (diagnostic.help.map { " (help: \($0))" } ?? "")
    }

    /// `{physicalLocation: {artifactLocation: {uri}, region}}` for a span, its path shown
    /// as `options.displayPath` and written as a URI reference.
    static func physicalLocation(_ span: SourceSpan, options: ReportOptions) -> JSONText {
        .object([("physicalLocation", .object([
            ("artifactLocation", artifactLocation(span.path, options: options)),
            ("region", region(span)),
        ]))])
    }

    /// `{uri}` for a file: its display path as a URI reference.
    static func artifactLocation(_ path: String, options: ReportOptions) -> JSONText {
        .object([("uri", .string(URIReference.fromPath(options.displayPath(path))))])
    }

    /// SARIF's `endColumn` is the column after the region, as `SourceSpan.end` is.
    static func region(_ span: SourceSpan) -> JSONText {
        let end = span.end >= span.start ? span.end : span.start
        return .object([
            ("startLine", .int(max(1, span.start.line))),
            ("startColumn", .int(max(1, span.start.column))),
            ("endLine", .int(max(1, end.line))),
            ("endColumn", .int(max(1, end.column))),
        ])
    }
}

import ArgumentParser
import Reporters

/// `--format` of a command that writes `Report`: one of the formats it is written in
/// (`Report.formats`), which the command's help and errors list.
struct FormatArgument<Report: FormattedReport>: ExpressibleByArgument, Sendable {
    let format: OutputFormat

    init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Report.formats.formats.contains(format) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Report.formats.formats.map { $0.rawValue } }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

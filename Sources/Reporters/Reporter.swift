/// Writes one kind of report — a check's findings, a lint run, a review, an
/// explanation — in one format, piece by piece to a `TextSink`. Pure: the same report
/// gives the same sequence of writes. Each command picks its reporter from its
/// `ReportFormats` and streams it to stdout or the `--output` file.
public protocol Reporter<Report> {
    associatedtype Report
    func write(_ report: Report, to sink: TextSink)
}

extension Reporter {
    /// The whole report as one string.
    public func render(_ report: Report) -> String {
        let sink = StringSink()
        write(report, to: sink)
        return sink.text
    }
}

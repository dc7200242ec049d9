/// Where a reporter writes its text, piece by piece, so a large report is streamed to
/// its file instead of being built as one string first. Reporters stay pure: the same
/// report gives the same sequence of writes.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

/// Keeps everything written in memory (`ReportRenderer.render`, tests).
public final class StringSink: TextSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }
}

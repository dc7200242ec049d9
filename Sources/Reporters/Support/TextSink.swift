/// Where a reporter writes its text, piece by piece, so a large report is streamed to
/// its file instead of being built as one string first. Reporters stay pure: the same
/// report gives the same sequence of writes.
public protocol TextSink: AnyObject {
    func write(_ text: String)
    /// Writes UTF-8 bytes (whole characters). Reporters that build an item as bytes
    /// hand it over this way; a sink that keeps text as a string gets it decoded.
    func write(utf8 bytes: UnsafeBufferPointer<UInt8>)
}

extension TextSink {
    public func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        write(String(decoding: bytes, as: UTF8.self))
    }
}

/// Keeps everything written in memory (`ReportRenderer.render`, tests).
public final class StringSink: TextSink {
    public private(set) var text = ""

    public init() {}

    public func write(_ text: String) {
        self.text += text
    }
}

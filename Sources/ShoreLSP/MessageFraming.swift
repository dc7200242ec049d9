/// Splits a byte stream into JSON-RPC messages framed by `Content-Length` headers
/// (the base protocol of LSP). Bad framing never stops the stream: a header block
/// without a usable length, or one that is too long, is reported and skipped.
public struct MessageFramer: Sendable {
    /// What the next piece of the stream turned out to be.
    public enum Frame: Sendable, Equatable {
        case message([UInt8])
        /// A header block that could not be used (reported to the client as a parse error).
        case badHeader(String)
    }

    /// The largest body accepted: a 256 MiB file, escaped as JSON, fits.
    var maxBodyBytes = 320 << 20
    /// The largest header block accepted.
    var maxHeaderBytes = 8 << 10

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of an over-long body still to be thrown away.
    private var skipping = 0

    public init() {}

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        if skipping > 0 {
            let dropped = min(skipping, buffer.count - start)
            start += dropped
            skipping -= dropped
            if skipping > 0 { return nil }
        }
        guard let (headerEnd, bodyStart) = headerBlockEnd() else {
            if buffer.count - start > maxHeaderBytes {
                start = buffer.count
                return .badHeader("a header block longer than \(maxHeaderBytes) bytes")
            }
            return nil
        }
        var header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        if header.hasSuffix("\r") { header.removeLast() }
        var length: Int?
        for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            if parts[0].trimmingSpaces.lowercased() == "content-length" {
                length = Int(parts[1].trimmingSpaces)
            }
        }
        guard let length, length >= 0 else {
            start = bodyStart
            return .badHeader("no valid Content-Length header in \(header.debugDescription)")
        }
        if length > maxBodyBytes {
            start = bodyStart
            skipping = length
            return .badHeader("a message of \(length) bytes, more than the limit of \(maxBodyBytes)")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return .message(body)
    }

    /// The end of the header block and the start of the body (a blank line; `\r\n`
    /// expected, a bare `\n` accepted).
    private func headerBlockEnd() -> (Int, Int)? {
        var index = start
        while index < buffer.count {
            if buffer[index] == 0x0A {
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { return (index, index + 2) }
                if index + 2 < buffer.count, buffer[index + 1] == 0x0D, buffer[index + 2] == 0x0A { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }

    /// `Content-Length: N` and the body, ready to write.
    static func frame(_ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        return Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" || text.last == "\r" { text = text.dropLast() }
        return text
    }
}

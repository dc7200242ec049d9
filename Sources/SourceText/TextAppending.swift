/// Where rendered text is written, a piece at a time: a reporter's output buffer, or the
/// bytes of a string being built. One renderer serves both, and writing into a buffer
/// builds no string per piece.
public protocol TextAppending {
    mutating func append(_ text: String)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func append(byte: UInt8)
}

extension TextAppending {
    /// `byte` written `count` times.
    @inlinable
    public mutating func append(byte: UInt8, count: Int) {
        for _ in 0..<max(0, count) { append(byte: byte) }
    }

    /// The decimal digits of `value`.
    @inlinable
    public mutating func append(decimal value: Int) {
        if value < 0 { append(byte: 0x2D) }
        let magnitude = value.magnitude
        var power: UInt = 1
        while magnitude / power >= 10 { power *= 10 }
        while power > 0 {
            append(byte: 0x30 + UInt8(magnitude / power % 10))
            power /= 10
        }
    }
}

/// Text built as UTF-8 bytes, then made a string once.
struct TextBytes: TextAppending {
    var bytes: [UInt8] = []

    mutating func append(_ text: String) { bytes += text.utf8 }
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes += bytes }
    mutating func append(byte: UInt8) { bytes.append(byte) }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

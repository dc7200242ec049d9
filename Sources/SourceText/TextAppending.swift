/// Where rendered text is written, a piece at a time: a reporter's output buffer, or the
/// bytes of a string being built. One renderer serves both, and writing into a buffer
/// builds no string per piece.
public protocol TextAppending {
    mutating func append(_ text: String)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func append(byte: UInt8)
    /// The decimal digits of `value` (a buffer may write them faster than byte by byte).
    mutating func append(int value: Int)
}

extension TextAppending {
    /// `byte` written `count` times.
    @inlinable
    public mutating func append(byte: UInt8, count: Int) {
        for _ in 0..<max(0, count) { append(byte: byte) }
    }

    /// The decimal digits of `value`, a byte at a time.
    @inlinable
    public mutating func append(int value: Int) {
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

extension Int {
    /// How many characters the number takes in decimal, a minus sign included
    /// (`String(self).count`): the width of a line number's gutter.
    @inlinable
    public var decimalWidth: Int {
        var width = self < 0 ? 2 : 1
        var rest = magnitude
        while rest >= 10 { rest /= 10; width += 1 }
        return width
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

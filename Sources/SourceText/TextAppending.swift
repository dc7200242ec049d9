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
    mutating func append(byte: UInt8, count: Int) {
        for _ in 0..<max(0, count) { append(byte: byte) }
    }

    /// The decimal digits of `value`.
    mutating func append(decimal value: Int) {
        if value < 0 { append(byte: 0x2D) }
        var digits: [UInt8] = []
        var rest = value.magnitude
        repeat {
            digits.append(0x30 + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        for digit in digits.reversed() { append(byte: digit) }
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

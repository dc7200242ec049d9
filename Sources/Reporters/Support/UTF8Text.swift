/// A reusable buffer of UTF-8 bytes in which a reporter builds one item of its output
/// (a finding, a result) before handing it to its `TextSink` in one write. Text is
/// appended as bytes: no intermediate strings, and escaping scans bytes, copying runs
/// that need no escape whole.
struct UTF8Text {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// What is buffered, as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands what is buffered to `sink` and empties the buffer, keeping its capacity.
    mutating func flush(to sink: TextSink) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { sink.write(utf8: $0) }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// `count` spaces.
    mutating func appendSpaces(_ count: Int) {
        for _ in 0..<max(0, count) { bytes.append(0x20) }
    }

    /// The decimal digits of `value`, as `String(value)` writes them.
    mutating func append(int value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { digits in
            repeat {
                digits[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: digits[(20 - count)...])
        }
    }

    /// `JSONText.quote(text)`: the same escapes, found on the bytes. Only `"`, `\`,
    /// bytes below 0x20, 0x7F and the lead bytes 0xC2, 0xD8 and 0xE2 (of the C1 controls,
    /// U+061C and the U+20xx line separators and bidi controls) can start an escape.
    mutating func appendJSONQuoted(_ text: String) {
        bytes.append(0x22)
        if text.utf8.withContiguousStorageIfAvailable({ appendJSONEscaped($0) }) == nil {
            var copy = text
            copy.withUTF8 { appendJSONEscaped($0) }
        }
        bytes.append(0x22)
    }

    private mutating func appendJSONEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        let count = source.count
        var runStart = 0
        var index = 0
        while index < count {
            let byte = source[index]
            if byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C {
                index += 1
                continue
            }
            var length = 1
            var scalar = UInt32(byte)
            if byte >= 0x80 {
                // A multi-byte character: escaped only if it is one of the listed scalars.
                let next = index + 1 < count ? source[index + 1] : 0
                let third = index + 2 < count ? source[index + 2] : 0
                switch byte {
                case 0xC2 where next >= 0x80 && next <= 0x9F:
                    length = 2; scalar = UInt32(next)
                case 0xD8 where next == 0x9C:
                    length = 2; scalar = 0x061C
                case 0xE2 where next == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xA8 && third <= 0xAE)):
                    length = 3; scalar = 0x2000 + UInt32(third - 0x80)
                case 0xE2 where next == 0x81 && third >= 0xA6 && third <= 0xA9:
                    length = 3; scalar = 0x2040 + UInt32(third - 0x80)
                default:
                    index += 1
                    continue
                }
            }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
            appendJSONEscape(scalar)
            index += length
            runStart = index
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count])) }
    }

    private mutating func appendJSONEscape(_ scalar: UInt32) {
        bytes.append(0x5C)
        switch scalar {
        case 0x22: bytes.append(0x22)
        case 0x5C: bytes.append(0x5C)
        case 0x0A: bytes.append(0x6E)
        case 0x0D: bytes.append(0x72)
        case 0x09: bytes.append(0x74)
        case 0x08: bytes.append(0x62)
        case 0x0C: bytes.append(0x66)
        default:
            bytes.append(0x75)
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                for shift in stride(from: 12, through: 0, by: -4) {
                    bytes.append(digits[Int((scalar >> UInt32(shift)) & 0xF)])
                }
            }
        }
    }
}

import SourceText
/// A reusable buffer of UTF-8 bytes in which a reporter builds one item of its output
/// (a finding, a result) before handing it to its `TextSink` in one write. Text is
/// appended as bytes: no intermediate strings, and escaping scans bytes, copying runs
/// that need no escape whole. A class over its own storage (no copy-on-write checks
/// per byte); one reporter owns one buffer, and one thread writes it at a time
/// (`ParallelRendering` hands each of its buffers to one thread per round).
final class UTF8Text: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes buffered from offset `start` on.
    func bytes(from start: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// What is buffered, as a string.
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Hands what is buffered to `sink` and empties the buffer, keeping its capacity.
    func flush(to sink: TextSink) {
        guard count > 0 else { return }
        sink.write(utf8: UnsafeBufferPointer(start: base, count: count))
        count = 0
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var copy = text
            copy.withUTF8 { append($0) }
        }
    }

    func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// `count` spaces.
    func appendSpaces(_ spaces: Int) {
        guard spaces > 0 else { return }
        reserve(spaces)
        (base + count).update(repeating: 0x20, count: spaces)
        count += spaces
    }

    /// The decimal digits of `value`, as `String(value)` writes them.
    func append(int value: Int) {
        if value < 0 { append(byte: 0x2D) }
        var magnitude = value.magnitude
        let digits = value.decimalWidth - (value < 0 ? 1 : 0)
        reserve(digits)
        var position = count + digits - 1
        repeat {
            base[position] = 0x30 + UInt8(magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }

    /// `JSONText.quote(text)`: the same escapes, found on the bytes. Only `"`, `\`,
    /// bytes below 0x20, 0x7F and the lead bytes 0xC2, 0xD8 and 0xE2 (of the C1 controls,
    /// U+061C and the U+20xx line separators and bidi controls) can start an escape.
    func appendJSONQuoted(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ appendJSONQuoted(bytes: $0) }) == nil {
            var copy = text
            copy.withUTF8 { appendJSONQuoted(bytes: $0) }
        }
    }

    /// True when none of the eight bytes of `word` is below 0x20, a quote, a backslash, 0x7F or
    /// above it: the bytes are copied as they are (a word-at-a-time test).
    @inline(__always)
    static func needsNoEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        if word & highs != 0 { return false }
        if (word &- ones &* 0x20) & ~word & highs != 0 { return false }
        return !hasZeroByte(word ^ (ones &* 0x22)) && !hasZeroByte(word ^ (ones &* 0x5C)) && !hasZeroByte(word ^ (ones &* 0x7F))
    }

    // MARK: Writing in place (the JSON fast paths)

    /// Makes room for `extra` more bytes and lets `body` write them where the text ends;
    /// `body` returns how many it wrote (at most `extra`). One capacity check for a whole
    /// run of small pieces.
    @inline(__always)
    func appendInPlace(reserving extra: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        reserve(extra)
        count += body(base + count)
    }

    /// `appendJSONQuoted` of UTF-8 bytes, written in place. While no byte needs an
    /// escape the bytes are copied eight at a time as they are checked; from the first
    /// that might, room is made for the worst case (six bytes for each left) and the rest
    /// is escaped byte by byte, runs of plain words still copied whole.
    func appendJSONQuoted(bytes source: UnsafeBufferPointer<UInt8>) {
        let length = source.count
        // Eight bytes to spare: a short text's last word is stored whole.
        reserve(length + 10)
        var out = base + count
        out[0] = 0x22
        var written = 1
        var index = 0
        if let from = source.baseAddress {
            while index + 8 <= length {
                let word = UnsafeRawPointer(from + index).loadUnaligned(as: UInt64.self)
                guard Self.needsNoEscape(word) else { break }
                UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                index += 8
                written += 8
            }
            if index < length, index + 8 > length {
                // The last few bytes as one word: the text's last eight when it has them
                // (overlapping bytes already copied), else the bytes padded with spaces.
                let word: UInt64
                if length >= 8 {
                    word = UnsafeRawPointer(from + length - 8).loadUnaligned(as: UInt64.self)
                } else {
                    var padded: UInt64 = 0x2020_2020_2020_2020
                    withUnsafeMutableBytes(of: &padded) { bytes in
                        for i in 0..<length { bytes[i] = from[i] }
                    }
                    word = padded
                }
                if Self.needsNoEscape(word) {
                    let at = length >= 8 ? 1 + length - 8 : 1
                    UnsafeMutableRawPointer(out + at).storeBytes(of: word, as: UInt64.self)
                    written = 1 + length
                    index = length
                }
            }
            if index < length {
                count += written
                written = 0
                reserve(6 * (length - index) + 1)
                out = base + count
                written += Self.writeJSONEscaped(from, index, length, to: out)
            }
        }
        out[written] = 0x22
        count += written + 1
    }

    /// Writes `source[index..<length]` escaped at `out` (which has room for six bytes
    /// each) and returns how many bytes it wrote. Only `"`, `\`, bytes below 0x20, 0x7F
    /// and the lead bytes 0xC2, 0xD8 and 0xE2 (of the C1 controls, U+061C and the U+20xx
    /// line separators and bidi controls) can start an escape.
    private static func writeJSONEscaped(_ source: UnsafePointer<UInt8>, _ start: Int, _ length: Int,
                                         to out: UnsafeMutablePointer<UInt8>) -> Int {
        var index = start
        var written = 0
        while index < length {
            if index + 8 <= length {
                let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                if needsNoEscape(word) {
                    UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                    index += 8
                    written += 8
                    continue
                }
            }
            let byte = source[index]
            if byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C {
                out[written] = byte
                written += 1
                index += 1
                continue
            }
            var consumed = 1
            var scalar = UInt32(byte)
            if byte >= 0x80 {
                // A multi-byte character: escaped only if it is one of the unsafe scalars.
                let next = index + 1 < length ? source[index + 1] : 0
                let third = index + 2 < length ? source[index + 2] : 0
                guard let unsafe = VisibleText.unsafeScalar(lead: byte, next: next, third: third) else {
                    out[written] = byte
                    written += 1
                    index += 1
                    continue
                }
                consumed = unsafe.length
                scalar = unsafe.value
            }
            written += writeJSONEscape(scalar, to: out + written)
            index += consumed
        }
        return written
    }

    /// The escape of `scalar` (`\n`, `\"`, `\u0085`) at `out`; returns its length.
    @inline(__always)
    private static func writeJSONEscape(_ scalar: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = 0x5C
        let short: UInt8
        switch scalar {
        case 0x22: short = 0x22
        case 0x5C: short = 0x5C
        case 0x0A: short = 0x6E
        case 0x0D: short = 0x72
        case 0x09: short = 0x74
        case 0x08: short = 0x62
        case 0x0C: short = 0x66
        default:
            out[1] = 0x75
            for position in 0..<4 {
                let digit = UInt8(truncatingIfNeeded: scalar >> UInt32(12 - 4 * position)) & 0xF
                out[2 + position] = digit < 10 ? 0x30 + digit : 0x57 + digit
            }
            return 6
        }
        out[1] = short
        return 2
    }

    /// `value` as 16 lower-case hex digits, most significant first (a fingerprint).
    func append(hex value: UInt64) {
        reserve(16)
        let out = base + count
        for i in 0..<16 {
            let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * i)) & 0xF
            out[i] = digit &+ (digit < 10 ? 0x30 : 0x57)
        }
        count += 16
    }
}

/// Source snippets (`DiagnosticRenderer.appendSnippet`) are written straight into the buffer.
extension UTF8Text: TextAppending {}

import SourceText
import Testing

/// Byte scanners (the JSON writer, the terminal check) find unsafe characters from their
/// UTF-8 bytes with `VisibleText.unsafeScalar`: it must name exactly the scalars that
/// `isUnsafe` names.
@Suite("Visible text")
struct VisibleTextTests {
    /// Every non-ASCII scalar, encoded: found by its bytes exactly when it is unsafe, with
    /// its own value and length.
    @Test func theByteTestFindsExactlyTheUnsafeScalars() {
        var mismatches: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(Character(scalar)).utf8)
            let found = VisibleText.unsafeScalar(lead: bytes[0], next: bytes.count > 1 ? bytes[1] : 0,
                                                 third: bytes.count > 2 ? bytes[2] : 0)
            let expected: (value: UInt32, length: Int)? = VisibleText.isUnsafe(scalar) ? (value, bytes.count) : nil
            if found?.value != expected?.value || found?.length != expected?.length {
                mismatches.append(String(value, radix: 16))
            }
        }
        #expect(mismatches.isEmpty, "U+\(mismatches.prefix(10).joined(separator: ", U+"))")
    }

    /// A text cut off after a lead byte (0 stands for the missing bytes) holds no unsafe scalar.
    @Test func aCutOffSequenceIsNotTakenForOne() {
        #expect(VisibleText.unsafeScalar(lead: 0xE2, next: 0x80, third: 0) == nil)
        #expect(VisibleText.unsafeScalar(lead: 0xC2, next: 0, third: 0) == nil)
        #expect(VisibleText.unsafeScalar(lead: 0xE2, next: 0x80, third: 0x8E)?.value == 0x200E)
    }
}

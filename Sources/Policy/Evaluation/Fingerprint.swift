/// Stable fingerprints: 64-bit FNV-1a over the parts, as 16 hex digits. The same on
/// every machine and run (Swift's `Hasher` is seeded per process, so it cannot serve).
enum Fingerprint {
    /// The 64-bit hash of the parts, as a finding keeps it.
    static func value(_ parts: [String?]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in (part ?? "\u{0}").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F  // unit separator between parts
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A fingerprint as written: 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for i in 0..<16 {
                let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * i)) & 0xF
                buffer[i] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 16
        }
    }
}

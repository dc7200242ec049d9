/// Stable fingerprints: 64-bit FNV-1a over the parts, as 16 hex digits. The same on
/// every machine and run (Swift's `Hasher` is seeded per process, so it cannot serve).
struct Fingerprint {
    /// The hash so far.
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds one part (nil hashes as a NUL), then the unit separator between parts.
    mutating func add(_ part: String?) {
        var hash = value
        if var part {
            part.withUTF8 { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            }
        } else {
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
    }

    /// The hash of no parts.
    init() {}

    /// The hash of `parts`, to which more can be added.
    init(_ parts: String?...) {
        for part in parts { add(part) }
    }

    /// The 64-bit hash of the parts, as a finding keeps it.
    static func value(_ parts: String?...) -> UInt64 {
        var fingerprint = Fingerprint()
        for part in parts { fingerprint.add(part) }
        return fingerprint.value
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

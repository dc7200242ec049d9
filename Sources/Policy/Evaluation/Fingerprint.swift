/// Stable fingerprints: 64-bit FNV-1a over the parts, as 16 hex digits. The same on
/// every machine and run (Swift's `Hasher` is seeded per process, so it cannot serve).
enum Fingerprint {
    static func of(_ parts: [String?]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in (part ?? "\u{0}").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F  // unit separator between parts
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

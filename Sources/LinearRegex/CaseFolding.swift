/// Simple (one-to-one) case folding over Unicode scalar values.
///
/// Two scalars are equal under case-insensitive matching when they have the
/// same `key`: the single-scalar lowercase mapping of the single-scalar
/// uppercase mapping. This puts `k`, `K` and KELVIN SIGN (U+212A) in one
/// orbit, likewise `s`, `S` and LONG S (U+017F), and `σ`, `ς`, `Σ`.
/// Full mappings that expand to several scalars (e.g. `ß` → "SS") are
/// ignored, as simple case folding requires.
enum CaseFolding {
    /// The single-scalar uppercase mapping of `c`, or `c` itself.
    static func upper(_ c: UInt32) -> UInt32 {
        if c < 0x80 {
            return (c >= 0x61 && c <= 0x7A) ? c - 0x20 : c
        }
        guard let scalar = Unicode.Scalar(c) else { return c }
        return single(scalar.properties.uppercaseMapping) ?? c
    }

    /// The single-scalar lowercase mapping of `c`, or `c` itself.
    static func lower(_ c: UInt32) -> UInt32 {
        if c < 0x80 {
            return (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c
        }
        guard let scalar = Unicode.Scalar(c) else { return c }
        return single(scalar.properties.lowercaseMapping) ?? c
    }

    /// The canonical representative of `c`'s case orbit.
    static func key(_ c: UInt32) -> UInt32 {
        if c < 0x80 {
            return (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c
        }
        return lower(upper(c))
    }

    /// Whether case-insensitive matching could treat `c` differently from
    /// an exact comparison. Conservative: every non-ASCII scalar counts.
    static func mayHaveCase(_ c: UInt32) -> Bool {
        if c >= 0x80 { return true }
        return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    private static func single(_ s: String) -> UInt32? {
        var it = s.unicodeScalars.makeIterator()
        guard let first = it.next(), it.next() == nil else { return nil }
        return first.value
    }
}

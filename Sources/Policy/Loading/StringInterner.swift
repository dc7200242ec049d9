/// One copy of each repeated text of a plan: a large plan names the same time zone,
/// service, provider or data item thousands of times, and each `String` read from the
/// YAML is a fresh allocation. A text is shared only with one of the same bytes (never
/// one merely canonically equivalent), so what is written is what is reported. Text of
/// up to 15 UTF-8 bytes is stored inline in a `String` and passes through. One per
/// thread, never shared. Lists are shared the same way: a large plan repeats a few
/// combinations of controls, markets and data subjects, each list its own allocation.
final class StringInterner {
    private var known: Set<String> = []
    /// Lists by a hash of their bytes (FNV-1a: cheaper than `Hasher` on these short lists).
    private var knownLists: [UInt64: [String]] = [:]

    /// `text`, or the string with the same bytes seen before.
    func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        let (_, member) = known.insert(text)
        return Self.sameBytes(member, text) ? member : text
    }

    /// True when `a` and `b` are the same UTF-8 bytes (compared in place).
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in a.count == b.count && a.elementsEqual(b) } }
    }

    func intern(_ text: String?) -> String? { text.map(intern) }

    /// `texts`, or the list with the same texts (each of the same bytes) seen before.
    func intern(_ texts: [String]) -> [String] {
        guard !texts.isEmpty else { return texts }
        let texts = texts.contains { $0.utf8.count > 15 } ? texts.map(intern) : texts
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for var text in texts {
            text.withUTF8 { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        if let known = knownLists[hash] {
            return known.count == texts.count && zip(known, texts).allSatisfy(Self.sameBytes) ? known : texts
        }
        knownLists[hash] = texts
        return texts
    }
}

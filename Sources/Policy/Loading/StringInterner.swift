import CEL

/// One copy of each repeated text of a plan: a large plan names the same time zone,
/// service, provider or data item thousands of times, and each `String` read from the
/// YAML is a fresh allocation. A text is shared only with one of the same bytes (never
/// one merely canonically equivalent), so what is written is what is reported. Text of
/// up to 15 UTF-8 bytes is stored inline in a `String` and passes through. One per
/// thread, never shared. Lists are shared the same way: a large plan repeats a few
/// combinations of controls, markets and data subjects, each list its own allocation.
final class StringInterner {
    private var known: Set<String> = []
    /// Lists by the FNV-1a hash of their texts (`Fingerprint`: cheaper than `Hasher` on
    /// these short lists).
    private var knownLists: [UInt64: [String]] = [:]

    /// `text`, or the string with the same bytes seen before.
    func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        let (_, member) = known.insert(text)
        return sameScalars(member, text) ? member : text
    }

    func intern(_ text: String?) -> String? { text.map(intern) }

    /// `texts`, or the list with the same texts (each of the same bytes) seen before.
    func intern(_ texts: [String]) -> [String] {
        guard !texts.isEmpty else { return texts }
        let texts = texts.contains { $0.utf8.count > 15 } ? texts.map(intern) : texts
        var hash = Fingerprint()
        for text in texts { hash.add(text) }
        if let known = knownLists[hash.value] {
            return known.count == texts.count && zip(known, texts).allSatisfy(sameScalars) ? known : texts
        }
        knownLists[hash.value] = texts
        return texts
    }
}

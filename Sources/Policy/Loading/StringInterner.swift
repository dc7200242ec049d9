/// One copy of each repeated text of a plan: a large plan names the same time zone,
/// service, provider or data item thousands of times, and each `String` read from the
/// YAML is a fresh allocation. A text is shared only with one of the same bytes (never
/// one merely canonically equivalent), so what is written is what is reported. Text of
/// up to 15 UTF-8 bytes is stored inline in a `String` and passes through. One per
/// thread, never shared. Lists are shared the same way: a large plan repeats a few
/// combinations of controls, markets and data subjects, each list its own allocation.
final class StringInterner {
    private var known: Set<String> = []
    private var knownLists: Set<[String]> = []

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
        let (_, member) = knownLists.insert(texts)
        return member.count == texts.count && zip(member, texts).allSatisfy(Self.sameBytes) ? member : texts
    }
}

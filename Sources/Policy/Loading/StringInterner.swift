/// One copy of each repeated text of a plan: a large plan names the same time zone,
/// service, provider or data item thousands of times, and each `String` read from the
/// YAML is a fresh allocation. A text is shared only with one of the same bytes (never
/// one merely canonically equivalent), so what is written is what is reported. Text of
/// up to 15 UTF-8 bytes is stored inline in a `String` and passes through. One per
/// thread, never shared.
final class StringInterner {
    private var known: Set<String> = []

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

    func intern(_ texts: [String]) -> [String] {
        texts.contains { $0.utf8.count > 15 } ? texts.map(intern) : texts
    }
}

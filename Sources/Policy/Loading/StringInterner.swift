/// One copy of each repeated text of a plan: a large plan names the same time zone,
/// service, provider or data item thousands of times, and each `String` read from the
/// YAML is a fresh allocation. Texts are the same only when their bytes are (never
/// merely canonically equivalent), so what is written is what is reported. Text of up
/// to 15 UTF-8 bytes is stored inline in a `String` and passes through. One per
/// thread, never shared.
final class StringInterner {
    /// A string compared and hashed by its UTF-8 bytes.
    private struct Bytes: Hashable {
        let text: String

        static func == (a: Bytes, b: Bytes) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
        }
    }

    private var known: Set<Bytes> = []

    /// `text`, or the string with the same bytes seen before.
    func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        let (_, member) = known.insert(Bytes(text: text))
        return member.text
    }

    func intern(_ text: String?) -> String? { text.map(intern) }

    func intern(_ texts: [String]) -> [String] {
        texts.contains { $0.utf8.count > 15 } ? texts.map(intern) : texts
    }
}

import Spelling

/// Suggests the closest candidate to a misspelled name (edit distance, ignoring case).
enum DidYouMean {
    /// The best candidate within a distance of about a third of the name's length, or nil
    /// (also when two are equally close: `ClosestMatch`).
    static func suggest(_ name: String, among candidates: some Sequence<String>) -> String? {
        let lowered = name.lowercased()
        return ClosestMatch.find(to: name, among: candidates, limit: max(1, name.unicodeScalars.count / 3 + 1)) {
            EditDistance.between(lowered, $1.lowercased())
        }
    }

    static func help(_ name: String, among candidates: some Sequence<String>) -> String? {
        suggest(name, among: candidates).map { "did you mean '\($0)'?" }
    }
}

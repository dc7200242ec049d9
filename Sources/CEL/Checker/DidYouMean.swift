import Spelling

/// Suggests the closest candidate to a misspelled name (edit distance, ignoring case).
enum DidYouMean {
    /// The best candidate within a distance of about a third of the name's length, or nil.
    static func suggest(_ name: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, name.unicodeScalars.count / 3 + 1)
        var best: (String, Int)?
        for c in candidates {
            let d = EditDistance.between(name.lowercased(), c.lowercased())
            guard d <= limit else { continue }
            if let b = best, d > b.1 || (d == b.1 && c >= b.0) { continue }
            best = (c, d)
        }
        return best?.0
    }

    static func help(_ name: String, among candidates: some Sequence<String>) -> String? {
        suggest(name, among: candidates).map { "did you mean '\($0)'?" }
    }
}

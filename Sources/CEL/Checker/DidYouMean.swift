/// Suggests the closest candidate to a misspelled name (Levenshtein distance).
enum DidYouMean {
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = prev
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The best candidate within a distance of about a third of the name's length, or nil.
    static func suggest(_ name: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, name.unicodeScalars.count / 3 + 1)
        var best: (String, Int)?
        for c in candidates {
            let d = distance(name.lowercased(), c.lowercased())
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

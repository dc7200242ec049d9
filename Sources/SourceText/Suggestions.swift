/// "Did you mean …?" — the closest candidates to a misspelled name.
public enum Suggestions {
    /// The candidate closest to `name` by edit distance (adjacent swaps count as one
    /// edit; case differences are cheap), or nil when nothing is close enough.
    public static func closest<S: Sequence>(to name: String, among candidates: S) -> String?
    where S.Element == String {
        let limit = max(1, min(3, name.count / 3 + 1))
        var best: (String, Int)?
        for candidate in candidates {
            if candidate == name { continue }
            let distance = editDistance(name, candidate)
            if distance <= limit, best.map({ distance < $0.1 }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// `did you mean 'x'?` for the closest candidate, or nil.
    public static func didYouMean<S: Sequence>(_ name: String, among candidates: S) -> String?
    where S.Element == String {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// Optimal-string-alignment distance; a change of letter case alone costs nothing
    /// extra beyond one edit for the whole word.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        if a.lowercased() == b.lowercased() { return 1 }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}

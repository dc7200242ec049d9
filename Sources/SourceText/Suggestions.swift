import Spelling

/// "Did you mean …?" — the closest candidates to a misspelled name.
public enum Suggestions {
    /// The candidate closest to `name` by edit distance (adjacent swaps count as one
    /// edit; case differences are cheap), or nil when nothing is close enough or two
    /// candidates are equally close (`ClosestMatch`).
    public static func closest<S: Sequence>(to name: String, among candidates: S) -> String?
    where S.Element == String {
        ClosestMatch.find(to: name, among: candidates, limit: max(1, min(3, name.count / 3 + 1)), distance: editDistance)
    }

    /// `did you mean 'x'?` for the closest candidate, or nil.
    public static func didYouMean<S: Sequence>(_ name: String, among candidates: S) -> String?
    where S.Element == String {
        closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// Optimal-string-alignment distance; a change of letter case alone costs nothing
    /// extra beyond one edit for the whole word.
    static func editDistance(_ a: String, _ b: String) -> Int {
        if !a.isEmpty, !b.isEmpty, a != b, a.lowercased() == b.lowercased() { return 1 }
        return EditDistance.between(a, b)
    }
}

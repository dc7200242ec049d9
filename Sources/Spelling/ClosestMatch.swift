/// The one rule for choosing a "did you mean …?" suggestion, used by every suggestion in
/// Shore (field names and words in files, rule ids, CEL identifiers and fields, codes
/// and names in the reference data). Callers choose how far a suggestion may be and how
/// distance is measured (case rules); the choice among candidates is made here.
public enum ClosestMatch {
    /// The candidate nearest to `name` by `distance`, at most `limit` away, skipping
    /// candidates equal to `name`.
    ///
    /// Tie rule: when two different candidates are equally near and nearer than every
    /// other, the guess is ambiguous and there is no suggestion. So a suggestion never
    /// depends on the order the candidates come in (a set's, a dictionary's keys), and
    /// `DATA-004` is not "corrected" to one of `DATA-001`, `DATA-002`, `DATA-003`.
    public static func find(to name: String, among candidates: some Sequence<String>, limit: Int,
                            distance: (String, String) -> Int = EditDistance.between) -> String? {
        var best: String?
        var bestDistance = limit + 1
        var tied = false
        for candidate in candidates where candidate != name {
            let d = distance(name, candidate)
            if d < bestDistance {
                (best, bestDistance, tied) = (candidate, d, false)
            } else if d == bestDistance, candidate != best {
                tied = true
            }
        }
        return tied ? nil : best
    }
}

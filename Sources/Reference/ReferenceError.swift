/// A problem with a code or value checked against the reference data.
///
/// `message` is a complete, user-facing sentence (it already contains any
/// "did you mean …?"); `suggestion` is the replacement value alone, when there is
/// exactly one, so callers can offer a fix.
public struct ReferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A user-facing sentence describing the problem.
    public var message: String
    /// The single value the input should probably have been, if there is one.
    public var suggestion: String?

    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String { message }
}

/// Helpers shared by the did-you-mean logic.
enum Fuzzy {
    /// Edit distance with adjacent transpositions (optimal string alignment) over Unicode
    /// scalars; inputs are short codes and names.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }

    /// The candidate closest to `input` if it is within `limit` edits and unambiguous.
    static func closest(to input: String, in candidates: some Sequence<String>, limit: Int) -> String? {
        var best: String?
        var bestDistance = limit + 1
        var tie = false
        for candidate in candidates {
            let d = distance(input, candidate)
            if d < bestDistance {
                best = candidate; bestDistance = d; tie = false
            } else if d == bestDistance && candidate != best {
                tie = true
            }
        }
        return tie ? nil : best
    }

    static func isASCIILetters(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }
}

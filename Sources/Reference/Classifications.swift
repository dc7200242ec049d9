/// Data classification scales.
public enum Classifications {
    /// The default scale, low to high, used when no rule file declares `classifications`:
    /// `public`, `internal`, `confidential`, `restricted`.
    public static let defaultScale: [String] = ["public", "internal", "confidential", "restricted"]

    /// The rank of `name` in `scale` (0 for the lowest), or nil when it is not in it.
    public static func level(of name: String, in scale: [String] = defaultScale) -> Int? {
        scale.firstIndex(of: name)
    }
}

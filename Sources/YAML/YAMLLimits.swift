/// Bounds that keep a hostile YAML file from exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes (default 256 MiB).
    public var maxFileBytes: Int
    /// Deepest nesting of collections (default 256). libyaml itself has no limit and
    /// slows down quadratically with depth, so the loader stops reading at the limit.
    public var maxDepth: Int
    /// Most nodes that aliases may add when expanded (default 1,000,000): an alias
    /// bomb (`a: &a [x, x]`, `b: &b [*a, *a]`, …) ends here, in milliseconds.
    var maxAliasExpansion: Int

    public init(maxFileBytes: Int = 256 << 20, maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    public static let `default` = YAMLLimits()
}

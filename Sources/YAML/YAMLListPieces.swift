import SourceText
import Synchronization

/// The items of a large file's long top-level list, cut into pieces and kept apart
/// instead of joined into the file's document (`YAMLLoader.load(path:keepingApart:)`).
///
/// A piece is parsed when its reader takes it, on the reader's thread, and the reader
/// lets it go when done: parsing a piece and turning its items into a model run together
/// on every core, and only the pieces being read have a tree at all. The items were
/// counted when the file was cut, so `count` and `firstItems` are known before any piece
/// is parsed.
///
/// A piece can turn out not to stand alone (a multi-line scalar that held a line like an
/// item, an alias to an anchor in another piece, a syntax error): `finish()` then says
/// so, and the caller reads the whole file sequentially instead. A piece is taken once,
/// so the list can be read once: visible in this package only, where the plan loader is
/// its one reader.
package final class YAMLListPieces: Sendable {
    /// The root key whose list this is; in the file's document it holds null.
    package let key: String
    /// Items in all pieces (as counted when the file was cut).
    package let count: Int
    /// The number of items before each piece.
    package let firstItems: [Int]
    /// The number of items in each piece.
    package let itemCounts: [Int]
    /// The number of pieces.
    package var pieceCount: Int { itemCounts.count }
    private let parse: @Sendable (Int) -> YAMLTreeBuilder
    /// Alias expansion in the rest of the file, counted with the pieces' against the limit.
    private let otherAliasExpansion: Int
    private let maxAliasExpansion: Int
    /// Whether each piece has been taken (to be parsed by its taker).
    private let taken: Mutex<[Bool]>
    private let parsed: Mutex<[Parsed?]>
    private let watchingTrees = Atomic(false)

    /// What one piece's parse found.
    private struct Parsed: Sendable {
        let diagnostics: [Diagnostic]
        let aliasExpansion: Int
        /// Read, a sequence of the items counted for it, with no alias it cannot resolve.
        let standsAlone: Bool
        /// The piece's tree, while anything holds it (when watched).
        weak var tree: YAMLDocument?
    }

    /// Pieces with `itemCounts` items each; `parse(i)` parses piece `i`.
    init(key: String, itemCounts: [Int], aliasExpansion: Int, limits: YAMLLimits,
         parse: @escaping @Sendable (Int) -> YAMLTreeBuilder) {
        self.key = key
        self.itemCounts = itemCounts
        var first: [Int] = []
        var total = 0
        for count in itemCounts {
            first.append(total)
            total += count
        }
        self.count = total
        self.firstItems = first
        self.parse = parse
        self.otherAliasExpansion = aliasExpansion
        self.maxAliasExpansion = limits.maxAliasExpansion
        self.taken = Mutex(Array(repeating: false, count: itemCounts.count))
        self.parsed = Mutex(Array(repeating: nil, count: itemCounts.count))
    }

    /// Piece `i`'s document, its root a sequence of items, parsed now on the caller's
    /// thread, and handed out once: the caller then holds the only reference. Nil when
    /// already taken, or when the piece does not stand alone.
    package func take(_ i: Int) -> YAMLDocument? {
        claim(i) ? parsePiece(i) : nil
    }

    /// Marks piece `i` taken; false when it already was.
    private func claim(_ i: Int) -> Bool {
        taken.withLock { taken in
            defer { taken[i] = true }
            return !taken[i]
        }
    }

    /// Once the reader is done: the problems the pieces' parses found, in file order, each
    /// piece no reader took parsed now so that its problems are reported too; and whether
    /// every piece stood alone. When one did not (`standAlone` false), what was read from
    /// the pieces is not the file's list: read the whole file sequentially instead.
    package func finish() -> (diagnostics: [Diagnostic], standAlone: Bool) {
        for i in 0..<pieceCount where claim(i) { _ = parsePiece(i) }
        return parsed.withLock { all in
            let aliasExpansion = all.reduce(otherAliasExpansion) { $0 + ($1?.aliasExpansion ?? 0) }
            let standAlone = all.allSatisfy { $0?.standsAlone == true } && aliasExpansion <= maxAliasExpansion
            return (all.flatMap { $0?.diagnostics ?? [] }, standAlone)
        }
    }

    /// From now on, each piece's tree is watched, so that `treeIsHeld` can tell. Only for
    /// tests: a weakly referenced object's reference counts take a slower way, and a
    /// tree's nodes count references to it all the time.
    package func watchTrees() {
        watchingTrees.store(true, ordering: .relaxed)
    }

    /// Whether piece `i`'s tree, watched (`watchTrees`), is still held somewhere: a
    /// reader lets it go once its items are read, so after the reading none should be.
    package func treeIsHeld(_ i: Int) -> Bool {
        parsed.withLock { $0[i]?.tree != nil }
    }

    /// Piece `i` parsed, what the parse found recorded; its document when it stands alone.
    private func parsePiece(_ i: Int) -> YAMLDocument? {
        let builder = parse(i)
        let document = builder.pieceDocument()
        let standsAlone = builder.readAlone
            && document?.root.map { $0.kind == .sequence && $0.count == itemCounts[i] } == true
        parsed.withLock {
            $0[i] = Parsed(diagnostics: builder.diagnostics, aliasExpansion: builder.aliasExpansion, standsAlone: standsAlone,
                           tree: watchingTrees.load(ordering: .relaxed) ? document : nil)
        }
        return standsAlone ? document : nil
    }
}

import Synchronization

/// The items of a large file's long top-level list, parsed in pieces and kept apart
/// instead of joined into the file's document (`YAMLLoader.load(path:keepingApart:)`):
/// a reader that turns items into a model of its own takes one piece at a time and lets
/// it go when done, so the whole list's tree is never held at once. A piece is taken once,
/// so the list can be read once: visible in this package only, where the plan loader is
/// its one reader.
package final class YAMLListPieces: Sendable {
    /// The root key whose list this is; in the file's document it holds null.
    package let key: String
    /// Items in all pieces.
    package let count: Int
    /// The number of items before each piece.
    package let firstItems: [Int]
    private let pieces: Mutex<[YAMLDocument?]>
    /// The number of pieces.
    package let pieceCount: Int

    init(key: String, pieces: [YAMLDocument]) {
        self.key = key
        var first: [Int] = []
        var total = 0
        for piece in pieces {
            first.append(total)
            total += piece.root?.count ?? 0
        }
        self.count = total
        self.firstItems = first
        self.pieces = Mutex(pieces)
        self.pieceCount = pieces.count
    }

    /// Piece `i`'s document, its root a sequence of items, handed out once: the caller
    /// then holds the only reference. Nil when already taken.
    package func take(_ i: Int) -> YAMLDocument? {
        pieces.withLock { pieces in
            defer { pieces[i] = nil }
            return pieces[i]
        }
    }

    /// The first item, in list order, for which `found` gives a value, looked for in the
    /// pieces not yet taken.
    package func first<T>(_ found: (YAMLNode) -> T?) -> T? {
        for piece in 0..<pieceCount {
            guard let document = pieces.withLock({ $0[piece] }), let root = document.root else { continue }
            for item in 0..<root.count {
                if let value = found(root.item(at: item)) { return value }
            }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// The number of pieces.
    package let pieceCount: Int
    /// The number of items in each piece.
    package let itemCounts: [Int]
    private let parse: @Sendable (Int) -> YAMLTreeBuilder
    /// Alias expansion in the rest of the file, counted with the pieces' against the limit.
    private let otherAliasExpansion: Int
    private let maxAliasExpansion: Int
    private let slots: Mutex<[Slot]>
    private let parsed: Mutex<[Parsed?]>

    private enum Slot {
        case waiting
        case parsed(YAMLDocument?)
        case taken

        var isWaiting: Bool { if case .waiting = self { true } else { false } }
    }

    /// What one piece's parse found.
    private struct Parsed: Sendable {
        let diagnostics: [Diagnostic]
        let aliasExpansion: Int
        /// Read, a sequence of the items counted for it, with no alias it cannot resolve.
        let standsAlone: Bool
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
        self.pieceCount = itemCounts.count
        self.parse = parse
        self.otherAliasExpansion = aliasExpansion
        self.maxAliasExpansion = limits.maxAliasExpansion
        self.slots = Mutex(Array(repeating: .waiting, count: itemCounts.count))
        self.parsed = Mutex(Array(repeating: nil, count: itemCounts.count))
    }

    /// Piece `i`'s document, its root a sequence of items, parsed now unless `first` has
    /// parsed it, and handed out once: the caller then holds the only reference. Nil when
    /// already taken, or when the piece does not stand alone.
    package func take(_ i: Int) -> YAMLDocument? {
        let slot = slots.withLock { slots in
            defer { slots[i] = .taken }
            return slots[i]
        }
        switch slot {
        case .waiting: return parsePiece(i)
        case .parsed(let document): return document
        case .taken: return nil
        }
    }

    /// The first item, in list order, for which `found` gives a value, looked for in the
    /// pieces not yet taken; a piece looked in is kept for its reader (`lookedIn`).
    package func first<T>(_ found: (YAMLNode) -> T?) -> T? {
        for piece in 0..<pieceCount {
            guard let root = lookedIn(piece)?.root else { continue }
            for item in 0..<root.count {
                if let value = found(root.item(at: item)) { return value }
            }
        }
        return nil
    }

    /// Piece `i`'s document, unless taken, parsed now if it was waiting — and with it, at
    /// the same time, the next waiting pieces, one per other core, so the machine is not
    /// left idle while one piece is parsed. All are kept for their readers. A reader that
    /// takes a piece meanwhile waits for the lock.
    private func lookedIn(_ i: Int) -> YAMLDocument? {
        slots.withLock { slots in
            if slots[i].isWaiting {
                let batch = Array((i..<pieceCount).filter { slots[$0].isWaiting }
                    .prefix(max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
                let documents = Concurrently.map(batch.count) { parsePiece(batch[$0]) }
                for (piece, document) in zip(batch, documents) { slots[piece] = .parsed(document) }
            }
            guard case .parsed(let document) = slots[i] else { return nil }
            return document
        }
    }

    /// Once the reader is done: the problems the pieces' parses found, in file order, each
    /// piece no reader took parsed now so that its problems are reported too; and whether
    /// every piece stood alone. When one did not (`standAlone` false), what was read from
    /// the pieces is not the file's list: read the whole file sequentially instead.
    package func finish() -> (diagnostics: [Diagnostic], standAlone: Bool) {
        for i in 0..<pieceCount {
            let waiting = slots.withLock { slots in
                guard slots[i].isWaiting else { return false }
                slots[i] = .taken
                return true
            }
            if waiting { _ = parsePiece(i) }
        }
        return parsed.withLock { all in
            let aliasExpansion = all.reduce(otherAliasExpansion) { $0 + ($1?.aliasExpansion ?? 0) }
            let standAlone = all.allSatisfy { $0?.standsAlone == true } && aliasExpansion <= maxAliasExpansion
            return (all.flatMap { $0?.diagnostics ?? [] }, standAlone)
        }
    }

    /// Piece `i` parsed, what the parse found recorded; its document when it stands alone.
    private func parsePiece(_ i: Int) -> YAMLDocument? {
        let builder = parse(i)
        let document = builder.pieceDocument()
        let standsAlone = document?.root.map { $0.kind == .sequence && $0.count == itemCounts[i] } == true
            && !builder.diagnostics.contains { $0.code == .yamlUnknownAlias }
        parsed.withLock {
            $0[i] = Parsed(diagnostics: builder.diagnostics, aliasExpansion: builder.aliasExpansion, standsAlone: standsAlone)
        }
        return standsAlone ? document : nil
    }
}

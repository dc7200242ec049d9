import SourceText
import YAML

/// A plan's engagement nodes: the plan's own `engagements:` list, or a large file's list
/// read in pieces apart from the rest of the file (`YAMLListPieces`), each piece let go
/// once its engagements are read, so the whole list's tree is never held at once.
enum EngagementNodes {
    case list([YAMLNode])
    case pieces(YAMLListPieces)

    static let none = EngagementNodes.list([])

    var count: Int {
        switch self {
        case .list(let nodes): nodes.count
        case .pieces(let pieces): pieces.count
        }
    }

    /// `read` of each part of the engagements, in parallel for a large plan, the parts'
    /// results in plan order: `read` is given how many engagements its part has and a
    /// function that calls `each` with every engagement's node and index in the plan. A
    /// piece of a large file is taken, read and let go by the thread that reads it.
    func readInParts<T: Sendable>(
        _ read: @Sendable (_ count: Int, _ nodes: (_ each: (YAMLNode, Int) -> Void) -> Void) -> T
    ) -> [T] {
        switch self {
        case .list(let nodes):
            return Parallel.chunks(nodes.count) { range in
                // This part's own handle on the document: no reference-count contention
                // with the other parts' threads.
                let handle = nodes.first?.document.sharingStorage()
                return read(range.count) { each in
                    for index in range { each(handle.map { nodes[index].rebased(onto: $0) } ?? nodes[index], index) }
                }
            }
        case .pieces(let pieces):
            // A part per piece: each is parsed by the thread that takes it, then read.
            return Concurrently.map(pieces.pieceCount) { p in
                read(pieces.itemCounts[p]) { each in
                    guard let piece = pieces.take(p), let root = piece.root else { return }
                    let first = pieces.firstItems[p]
                    for i in 0..<root.count { each(root.item(at: i), first + i) }
                }
            }
        }
    }
}

import Synchronization

/// `x in list` where the list is not a literal (Shore's named sets arrive as variables):
/// one per call site, it indexes each long list of strings it sees as a hashed set, up
/// to `maximumLists` of them, and answers for those lists from then on; other lists are
/// scanned as before.
///
/// A list is recognized by the identity of its storage: array storage never changes
/// while referenced, and the index keeps the lists it was built from, so the same
/// storage address means the same contents. Several lists per call site because the
/// same named set arrives in several storages: each parallel chunk of a check evaluates
/// with its own copy (so threads do not contend on one reference count), and an index
/// of only the first copy answered for one chunk in eight.
///
/// The indexed lists are published through one atomic, replaced whole when a list is
/// added (the replaced ones are kept until the index goes), so concurrent evaluations
/// read it without taking a lock.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
final class MembershipIndex: Sendable {
    /// Shorter lists are scanned: hashing the needle costs about as much as comparing nine strings.
    static let minimumCount = 9
    /// Lists indexed per call site; more are scanned.
    static let maximumLists = 32

    /// An indexed list and its members (nil when it holds a value that is not a string).
    final class Snapshot: Sendable {
        let list: [CELValue]
        let members: Set<ScalarString>?

        init(_ list: [CELValue]) {
            self.list = list
            var set: Set<ScalarString>? = Set(minimumCapacity: list.count)
            for e in list {
                guard case .string(let s) = e else { set = nil; break }
                set?.insert(ScalarString(s))
            }
            members = set
        }

        func isStorage(of other: [CELValue]) -> Bool {
            list.withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        }
    }

    /// The lists indexed so far, and the set they replaced (kept alive for readers that
    /// still hold it).
    final class Published: Sendable {
        let snapshots: [Snapshot]
        let replaced: Published?

        init(_ snapshots: [Snapshot], replacing replaced: Published?) {
            self.snapshots = snapshots
            self.replaced = replaced
        }
    }

    private let published = Atomic<Unmanaged<Published>?>(nil)

    deinit { published.load(ordering: .acquiring)?.release() }

    /// Whether `s` is in `l`, or nil when `l` is not indexed (scan it instead).
    func contains(_ s: String, in l: [CELValue]) -> Bool? {
        guard l.count >= Self.minimumCount else { return nil }
        let current = published.load(ordering: .acquiring)
        let snapshots = current?.takeUnretainedValue().snapshots ?? []
        for snapshot in snapshots where snapshot.isStorage(of: l) {
            return snapshot.members.map { $0.contains(ScalarString(s)) }
        }
        guard snapshots.count < Self.maximumLists else { return nil }
        // A list not seen yet: index it and publish it beside the others. When another
        // thread published first, this evaluation scans; the next one finds its list.
        let snapshot = Snapshot(l)
        let fresh = Unmanaged.passRetained(Published(snapshots + [snapshot], replacing: current?.takeUnretainedValue()))
        guard published.compareExchange(expected: current, desired: fresh, ordering: .acquiringAndReleasing).exchanged else {
            fresh.release()
            return nil
        }
        current?.release()
        return snapshot.members.map { $0.contains(ScalarString(s)) }
    }
}

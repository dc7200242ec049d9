import Synchronization

/// `x in list` where the list is not a literal (Shore's named sets arrive as variables):
/// one per call site, it indexes the first long list of strings it sees as a hashed set
/// and answers for that list from then on; other lists are scanned as before.
///
/// The list is recognized by the identity of its storage: array storage never changes
/// while referenced, and the index keeps the list it was built from, so the same
/// storage address means the same contents. The index is published once through an
/// atomic, so concurrent evaluations read it without taking a lock.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
final class MembershipIndex: Sendable {
    /// Shorter lists are scanned: hashing the needle costs about as much as comparing nine strings.
    static let minimumCount = 9

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
    }

    private let snapshot = Atomic<Unmanaged<Snapshot>?>(nil)

    deinit { snapshot.load(ordering: .acquiring)?.release() }

    /// Whether `s` is in `l`, or nil when `l` is not the indexed list (scan it instead).
    func contains(_ s: String, in l: [CELValue]) -> Bool? {
        guard l.count >= Self.minimumCount else { return nil }
        let current: Snapshot
        if let published = snapshot.load(ordering: .acquiring) {
            current = published.takeUnretainedValue()
        } else {
            let fresh = Unmanaged.passRetained(Snapshot(l))
            let (stored, original) = snapshot.compareExchange(expected: nil, desired: fresh, ordering: .acquiringAndReleasing)
            if stored {
                current = fresh.takeUnretainedValue()
            } else {
                fresh.release()
                guard let original else { return nil }
                current = original.takeUnretainedValue()
            }
        }
        let same = current.list.withUnsafeBufferPointer { a in l.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        guard same, let members = current.members else { return nil }
        return members.contains(ScalarString(s))
    }
}

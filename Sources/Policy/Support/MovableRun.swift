/// Elements built by one thread and later moved, not copied, into one array with the
/// other threads' runs (`joined`). Joining plain arrays copies every element and then
/// destroys the original, which for a struct of many references (an engagement, a
/// finding) is two reference-count operations per reference, on one thread, while the
/// other cores wait.
final class MovableRun<Element>: @unchecked Sendable {
    private var storage: UnsafeMutablePointer<Element>
    /// Room for this many elements before `storage` must grow.
    private(set) var capacity: Int
    /// How many elements are initialized, from `storage` on.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Adds `element` at the end, moved in (a temporary is not copied).
    func append(_ element: consuming Element) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Gives back the (empty) run's storage, keeping room for one element.
    private func releaseStorage() {
        storage.deallocate()
        capacity = 1
        storage = .allocate(capacity: capacity)
    }

    /// Every run's elements, in order, in one array with room for `extra` more; the runs
    /// are left empty. Each run's storage is let go as soon as its elements are moved, so
    /// the elements are never held twice over: the run before the copy, the array after.
    static func joined(_ runs: [MovableRun], reservingExtra extra: Int = 0) -> [Element] {
        let total = runs.reduce(0) { $0 + $1.count }
        return [Element](unsafeUninitializedCapacity: total + max(0, extra)) { buffer, initialized in
            for run in runs {
                (buffer.baseAddress! + initialized).moveInitialize(from: run.storage, count: run.count)
                initialized += run.count
                run.count = 0
                run.releaseStorage()
            }
        }
    }
}

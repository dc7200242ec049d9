import Synchronization

/// Values worked out once per key and kept for the rest of the run, for any thread: a
/// lookup that is costly and asked again and again (a time zone by name, a country's
/// official languages as a rule reads them). A hit takes the lock once; a miss works the
/// value out outside it (two threads may both work out one key; they get equal values).
/// A struct, so making one makes no generic type at run time (see `CELFieldTable`).
public struct KeyedMemo<Key: Hashable & Sendable, Value: Sendable>: ~Copyable, Sendable {
    private let values = Mutex<[Key: Value]>([:])

    public init() {}

    /// The value kept for `key`, or `make()`'s, kept from now on.
    public func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        values.withLock { $0[key] = made }
        return made
    }
}

import Synchronization

/// A value made the first time it is read, then kept for every later read on any thread:
/// a large plan's countries and providers each list their engagements, controls and
/// countries, which few rules read, and made up front those lists took megabytes.
final class Lazy<Value: Sendable>: Sendable {
    private final class Made: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let made = AtomicLazyReference<Made>()
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// The value; two threads reading it first at once may both make it, and both get
    /// the one kept.
    var value: Value {
        if let made = made.load() { return made.value }
        return made.storeIfNil(Made(make())).value
    }
}

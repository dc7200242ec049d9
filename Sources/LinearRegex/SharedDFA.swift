#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One lazy DFA shared by all `matches` calls on a compiled regex, so the
/// states built for one text are reused for the next (CEL evaluates the same
/// pattern against many values).
///
/// The cache is guarded by a mutex taken with `trylock`: a call that finds it
/// busy (another thread is matching) builds a private DFA rather than wait,
/// so sharing never serialises concurrent callers. The shared cache has
/// smaller bounds than a private one because it lives as long as the regex.
final class SharedDFA: @unchecked Sendable {
    static let maxStates = 512
    static let maxStoredPCs = 1 << 17

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let program: Program
    /// Only touched while `mutex` is held.
    private var dfa: LazyDFA

    init(program: Program) {
        self.program = program
        dfa = LazyDFA(program: program, maxStates: SharedDFA.maxStates, maxStoredPCs: SharedDFA.maxStoredPCs)
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// The answer (nil when `workLimit` was reached first) and the work spent.
    func matches(_ text: [UInt32], workLimit: Int) -> (found: Bool?, work: Int) {
        if pthread_mutex_trylock(mutex) == 0 {
            defer { pthread_mutex_unlock(mutex) }
            let found = dfa.matches(text, workLimit: workLimit)
            return (found, dfa.work)
        }
        var local = LazyDFA(program: program)
        let found = local.matches(text, workLimit: workLimit)
        return (found, local.work)
    }
}

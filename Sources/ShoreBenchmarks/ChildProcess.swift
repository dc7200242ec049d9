#if canImport(Glibc)
import Glibc
#endif

/// One run of a program as a user runs it: a whole process, its standard output written
/// to a file, measured from outside (wall time, its CPU time and peak resident memory
/// from `wait4`'s resource usage).
struct ChildRun {
    /// Wall seconds, or the child's CPU seconds (user + system) when `Measure.useCPUTime`.
    let seconds: Double
    let exitStatus: Int32
    /// The child's peak resident set, in bytes.
    let peakBytes: Int

    /// Runs `arguments[0]` (a path) with the rest as its arguments, standard output to
    /// `output` and standard error to `/dev/null`; nil when it cannot be started.
    static func run(_ arguments: [String], output: String) -> ChildRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = Measure.wallNow()
        guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        let wall = Measure.wallNow() - start
        let cpu = Self.seconds(usage.ru_utime) + Self.seconds(usage.ru_stime)
        let exited = (status & 0x7f) == 0
        return ChildRun(seconds: Measure.useCPUTime ? cpu : wall,
                        exitStatus: exited ? (status >> 8) & 0xff : -1,
                        peakBytes: Int(usage.ru_maxrss) * 1024)
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
}

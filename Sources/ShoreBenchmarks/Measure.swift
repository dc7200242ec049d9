#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing and peak memory for the benchmarks.
enum Measure {
    /// Which clock the benchmarks read: wall time, or this process's CPU time (all
    /// threads, user + system), which a busy machine disturbs far less.
    nonisolated(unsafe) static var useCPUTime = false

    /// Runs `body` and returns its result with the elapsed seconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let result = try body()
        return (result, now() - start)
    }

    /// Monotonic wall-clock seconds, whatever `useCPUTime` says.
    static func wallNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(useCPUTime ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The best (lowest) time of `runs` runs: the least disturbed by a noisy machine.
    static func best<T>(of runs: Int, _ body: () throws -> T) rethrows -> (T, Double) {
        var best = try time(body)
        for _ in 1..<max(1, runs) {
            let next = try time(body)
            if next.1 < best.1 { best = next }
        }
        return best
    }

    /// Peak resident memory of this process so far, in bytes.
    static var peakMemoryBytes: Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }

    /// Resident memory of this process now, in bytes (from /proc/self/statm).
    static var currentMemoryBytes: Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var size = 0, resident = 0
        guard withUnsafeMutablePointer(to: &size, { s in
            withUnsafeMutablePointer(to: &resident) { r in fscanf_two(file, s, r) }
        }) else { return 0 }
        return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private static func fscanf_two(_ file: UnsafeMutablePointer<FILE>, _ a: UnsafeMutablePointer<Int>, _ b: UnsafeMutablePointer<Int>) -> Bool {
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, 128, file) != nil else { return false }
        let text = line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let parts = String(decoding: text, as: UTF8.self).split(separator: " ")
        guard parts.count >= 2, let x = Int(parts[0]), let y = Int(parts[1]) else { return false }
        a.pointee = x
        b.pointee = y
        return true
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format2(Double(bytes) / 1_048_576)) + " MB"
    }

    static func format2(_ value: Double) -> String { format(value, places: 2) }

    /// `value` rounded to `places` decimal places (seconds to the millisecond: 3).
    static func format(_ value: Double, places: Int) -> String {
        let scale = pow(10, Double(places))
        return String((value * scale).rounded() / scale)
    }
}

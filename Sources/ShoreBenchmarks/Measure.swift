#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing and peak memory for the benchmarks.
enum Measure {
    /// Runs `body` and returns its result with the elapsed seconds.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = try clock.measure { result = try body() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (result!, seconds)
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

    static func megabytes(_ bytes: Int) -> String {
        String(format2(Double(bytes) / 1_048_576)) + " MB"
    }

    static func format2(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }
}

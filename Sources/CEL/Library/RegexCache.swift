import LinearRegex
import Foundation

/// Compiles `matches` patterns through LinearRegex, caching compiled patterns.
enum RegexCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: LinearRegex] = [:]

    /// Units of regex work (`LinearRegex.matches(_:workLimit:)`) charged as one
    /// evaluation step: reading 64 characters through a warm DFA (the rate a string's
    /// size is charged at), or visiting one instruction while building a DFA state.
    static let workPerStep = 64

    /// `matches` bounded by the steps left in the budget: the result (nil when the
    /// budget ran out first; an error value for an invalid pattern) and the steps spent.
    static func matches(pattern: String, text: String, stepsLeft: Int) -> (value: CELValue?, steps: Int) {
        let regex: LinearRegex
        switch compiled(pattern) {
        case .regex(let r): regex = r
        case .invalid(let error): return (error, 0)
        }
        let limit = stepsLeft.multipliedReportingOverflow(by: workPerStep)
        let outcome = regex.matches(text, workLimit: limit.overflow ? .max : max(0, limit.partialValue))
        let steps = outcome.work / workPerStep
        guard let found = outcome.found else { return (nil, steps) }
        return (.bool(found), steps)
    }

    /// `matches` without a bound, for calls outside an evaluation's budget.
    static func matches(pattern: String, text: String) -> CELValue {
        switch compiled(pattern) {
        case .regex(let regex): return .bool(regex.matches(text))
        case .invalid(let error): return error
        }
    }

    private enum Compiled {
        case regex(LinearRegex)
        /// The error value `matches` returns for a pattern that does not compile.
        case invalid(CELValue)
    }

    private static func compiled(_ pattern: String) -> Compiled {
        lock.lock()
        let cached = cache[pattern]
        lock.unlock()
        if let cached { return .regex(cached) }
        let regex: LinearRegex
        do {
            regex = try LinearRegex(pattern)
        } catch {
            return .invalid(.err("invalid regular expression '\(pattern)': \(error.message) at offset \(error.offset)"))
        }
        lock.lock()
        if cache.count > 256 { cache.removeAll() }
        cache[pattern] = regex
        lock.unlock()
        return .regex(regex)
    }
}

import LinearRegex
import Foundation

/// Compiles `matches` patterns through LinearRegex, caching compiled patterns.
enum RegexCache {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: LinearRegex] = [:]

    static func matches(pattern: String, text: String) -> CELValue {
        lock.lock()
        let cached = cache[pattern]
        lock.unlock()
        let regex: LinearRegex
        if let cached {
            regex = cached
        } else {
            do {
                regex = try LinearRegex(pattern)
            } catch {
                return .err("invalid regular expression '\(pattern)': \(error.message) at offset \(error.offset)")
            }
            lock.lock()
            if cache.count > 256 { cache.removeAll() }
            cache[pattern] = regex
            lock.unlock()
        }
        return .bool(regex.matches(text))
    }
}

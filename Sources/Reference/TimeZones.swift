import Foundation
import Spelling

/// IANA time zones, as Foundation on this machine knows them.
public enum TimeZones {
    /// The identifiers offered in did-you-mean suggestions, sorted: Foundation's list (which
    /// on Linux keeps some old names such as `Asia/Calcutta`), every zone in tzdata's
    /// `zone.tab` (current names such as `Asia/Kolkata`) that Foundation resolves, and `UTC`.
    /// Other backward-compatible links (`US/Eastern`) resolve but are not listed.
    public static let knownIdentifiers: [String] = {
        var ids = Set(TimeZone.knownTimeZoneIdentifiers)
        for country in Countries.all { ids.formUnion(country.timeZones) }
        ids.insert("UTC")
        return ids.filter { zone($0) != nil }.sorted()
    }()

    static let knownSet: Set<String> = Set(knownIdentifiers)
    static let byLowercased: [String: String] = {
        var result: [String: String] = [:]
        for id in knownIdentifiers { result[id.lowercased()] = id }
        result["utc"] = "UTC"
        return result
    }()
    static let byLowercasedCity: [String: [String]] = {
        var result: [String: [String]] = [:]
        for id in knownIdentifiers {
            if let city = id.split(separator: "/").last { result[city.lowercased(), default: []].append(id) }
        }
        return result
    }()

    /// The tz database version Foundation uses (e.g. "2025b").
    static var dataVersion: String { TimeZone.timeZoneDataVersion }

    /// True for an IANA zone name Foundation can resolve that the tz database lists (see
    /// `TimeZoneNames.swift`): canonical names, documented links (`Asia/Calcutta`,
    /// `US/Eastern`), `UTC` and `GMT`; not `SystemV/EST5`. Case-sensitive. Offset spellings
    /// Foundation would also accept (`GMT+5`, `UTC+1`) and `Factory` are not zones here.
    static func isKnown(_ identifier: String) -> Bool { zone(identifier) != nil }

    /// The zone for an IANA name (see `isKnown`), or nil.
    public static func zone(_ identifier: String) -> TimeZone? {
        // Building a TimeZone is costly and plans repeat a handful of zones many times.
        zones.value(for: identifier) { lookUp(identifier) }
    }

    private static let zones = KeyedMemo<String, TimeZone?>()

    private static func lookUp(_ identifier: String) -> TimeZone? {
        if identifier == "UTC" { return TimeZone(identifier: "UTC") }
        guard isTZDBName(identifier), identifier != "Factory", !identifier.hasPrefix("GMT+"), !identifier.hasPrefix("GMT-"),
              let zone = TimeZone(identifier: identifier), zone.identifier == identifier else { return nil }
        return zone
    }

    /// The zone, or an error with a suggestion.
    public static func resolve(_ identifier: String) throws(ReferenceError) -> TimeZone {
        if let z = zone(identifier) { return z }
        if let s = suggestion(for: identifier) {
            throw ReferenceError("'\(identifier)' is not an IANA time zone; did you mean '\(s)'?", suggestion: s)
        }
        throw ReferenceError("'\(identifier)' is not an IANA time zone (e.g. Europe/Berlin, America/New_York)")
    }

    /// What the user probably meant: the right capitalisation (`asia/manila`), the full
    /// name of a city (`Manila`, `New York`), a country's only zone (`PH`), `Etc/GMT-5` for
    /// `UTC+5` (POSIX signs are inverted), or a close spelling (`Europe/Olso`).
    public static func suggestion(for identifier: String) -> String? {
        let trimmed = identifier.trimmingCharacters(in: .whitespaces)
        if trimmed != identifier, zone(trimmed) != nil { return trimmed }
        let lower = trimmed.lowercased().replacingOccurrences(of: " ", with: "_")
        if let id = byLowercased[lower], id != identifier { return id }
        if let ids = byLowercasedCity[lower], ids.count == 1 { return ids[0] }
        if trimmed.count == 2, let z = Countries.defaultTimeZone(trimmed.uppercased()) { return z }
        if let offset = etcZone(forOffset: lower) { return offset }
        let limit = max(1, trimmed.count / 6)
        if let id = ClosestMatch.find(to: lower, among: byLowercased.keys, limit: limit) { return byLowercased[id] }
        if !lower.contains("/"), lower.count >= 4,
           let city = ClosestMatch.find(to: lower, among: byLowercasedCity.keys, limit: max(1, lower.count / 5)),
           let ids = byLowercasedCity[city], ids.count == 1 {
            return ids[0]
        }
        return nil
    }

    /// `utc+5` / `gmt-03` / `utc+05:00` → `Etc/GMT-5` / `Etc/GMT+3` (whole hours only).
    private static func etcZone(forOffset text: String) -> String? {
        for prefix in ["utc", "gmt"] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
            var digits = String(rest.dropFirst())
            if digits.hasSuffix(":00") { digits.removeLast(3) } else if digits.count == 4, digits.hasSuffix("00") { digits.removeLast(2) }
            guard let hours = Int(digits), (0...14).contains(hours) else { return nil }
            if hours == 0 { return "UTC" }
            let id = "Etc/GMT" + (sign == "+" ? "-" : "+") + String(hours)
            return zone(id) != nil ? id : nil
        }
        return nil
    }
}

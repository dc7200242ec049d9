import Foundation
import Reference
import SourceText

/// Where the company of a new policy repository is (`shore init --country CC
/// --timezone ZONE --hours HH:MM-HH:MM`): the example plan, fixtures and tests are
/// written for it.
public struct InitOptions: Sendable, Equatable {
    /// The company's home country (ISO 3166-1 alpha-2).
    public let country: String
    /// The company's IANA time zone.
    public let timeZone: String
    /// The company's business hours, `HH:MM-HH:MM`.
    public let hours: String

    /// A US company in New York working 09:00-17:00: what `shore init` writes without options.
    public static let standard = InitOptions(country: "US", timeZone: "America/New_York", hours: "09:00-17:00")

    private init(country: String, timeZone: String, hours: String) {
        self.country = country
        self.timeZone = timeZone
        self.hours = hours
    }

    /// Checks the options as the plan loader checks a plan's company (did-you-mean for
    /// a mistyped country or zone). Without `timeZone`, the country's zone is used when
    /// it has only one; a country with several needs `--timezone`.
    public static func resolve(country: String?, timeZone: String?, hours: String?) -> Resolution {
        guard country != nil || timeZone != nil || hours != nil else { return .options(.standard) }
        var problems: [Diagnostic] = []
        var resolvedCountry: Country?
        do {
            resolvedCountry = try Countries.resolve(country ?? standard.country)
        } catch {
            problems.append(Diagnostic(.initUnknownCountry, "--country: " + error.message, at: nil,
                                       help: error.suggestion.map { "use --country \($0)" }
                                           ?? "give an ISO 3166-1 alpha-2 code, e.g. --country GB"))
        }
        var zone: String?
        if let timeZone {
            do {
                _ = try TimeZones.resolve(timeZone)
                zone = timeZone
            } catch {
                problems.append(Diagnostic(.initUnknownTimezone, "--timezone: " + error.message, at: nil,
                                           help: error.suggestion.map { "use --timezone \($0)" }
                                               ?? "give an IANA zone, e.g. --timezone Europe/Berlin"))
            }
        } else if let resolvedCountry {
            if country == nil {
                zone = standard.timeZone
            } else if let only = resolvedCountry.defaultTimeZone {
                zone = only
            } else {
                let zones = resolvedCountry.timeZones
                problems.append(Diagnostic(
                    .initTimezoneNeeded,
                    "\(resolvedCountry.displayName) spans \(zones.count) time zones, so init cannot choose the company's",
                    at: nil, help: "add --timezone with one of " + zones.prefix(8).joined(separator: ", ")
                        + (zones.count > 8 ? ", …" : "")))
            }
        }
        let hoursText = hours ?? standard.hours
        do {
            _ = try BusinessHours(parsing: hoursText)
        } catch {
            problems.append(Diagnostic(.initBadHours, "--hours: " + error.message, at: nil,
                                       help: "give local business hours as HH:MM-HH:MM, e.g. --hours 08:30-17:30"))
        }
        guard problems.isEmpty, let resolvedCountry, let zone else { return .problems(problems) }
        return .options(InitOptions(country: resolvedCountry.alpha2, timeZone: zone, hours: hoursText))
    }

    /// The options, or every problem with them.
    public enum Resolution: Sendable {
        case options(InitOptions)
        case problems([Diagnostic])
    }

    /// A country other than the company's, for the offshore example: the Philippines,
    /// or India for a Philippine company, working the company's business day in its
    /// own local time (so the example meets the built-in pack's overlap rules).
    var offshore: (country: String, city: String, timeZone: String, hours: String) {
        let (country, city, zone) = country == "PH" ? ("IN", "Bengaluru", "Asia/Kolkata") : ("PH", "Manila", "Asia/Manila")
        return (country, city, zone, Self.shifted(hours, from: timeZone, to: zone))
    }

    /// The company's working languages for the example's customer-facing team: the
    /// official languages of its country (what the built-in pack asks customer-facing
    /// work to speak), or English when the reference data has none.
    var languages: [String] {
        let official = Languages.officialLanguages(country)
        return official.isEmpty ? ["en"] : official
    }

    /// The contract controls of the example's offshore engagement: the basics, plus the
    /// transfer tools the company's data-protection law asks for (EU SCCs, the UK's
    /// IDTA, each with a transfer impact assessment).
    var controls: [String] {
        let regimes = Regimes.defaults(for: country)
        var controls = ["iso27001", "audit-rights", "sla", "dpa", "cultural-training"]
        if regimes.contains("eea") { controls += ["sccs", "tia"] }
        if regimes.contains("uk") { controls += ["idta", "tia"] }
        return controls
    }

    /// `hours` in zone `from` as the same instants in zone `to`, on 2026-12-01 (the
    /// example plan's date); `hours` itself when a zone is unknown.
    static func shifted(_ hours: String, from: String, to: String) -> String {
        guard let parsed = try? BusinessHours(parsing: hours), let a = TimeZones.zone(from), let b = TimeZones.zone(to),
              let day = CivilDate(year: 2026, month: 12, day: 1) else { return hours }
        let instant = Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 12 * 3_600)
        let shift = (b.secondsFromGMT(for: instant) - a.secondsFromGMT(for: instant)) / 60
        func clock(_ minute: Int) -> String {
            let m = ((minute % 1_440) + 1_440) % 1_440
            return String(format: "%02d:%02d", m / 60, m % 60)
        }
        return clock(parsed.startMinute + shift) + "-" + clock(parsed.endMinute + shift)
    }
}

import Reference

/// Number and name formatting shared by the review renderers. Locale-free, so output
/// is the same on every machine.
enum ReviewText {
    /// `1,200,000` (no decimals; cents are rounded).
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = value.rounded()
        guard abs(rounded) < 1e15 else { return String(value) }
        let negative = rounded < 0
        var digits = String(Int64(abs(rounded)))
        var parts: [String] = []
        while digits.count > 3 {
            parts.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        parts.insert(digits, at: 0)
        return (negative ? "-" : "") + parts.joined(separator: ",")
    }

    static func grouped(_ value: Int64) -> String { grouped(Double(value)) }

    /// `480,000 USD`.
    static func money(_ value: Double, _ currency: String?) -> String {
        grouped(value) + (currency.map { " " + $0 } ?? "")
    }

    /// `8.0 h`, `7.5 h`, `5.75 h`.
    static func hours(_ value: Double) -> String { decimal(value) + " h" }

    /// One decimal, or two when the value needs them (quarter hours).
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let hundredths = Int64((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let h = abs(hundredths)
        let whole = h / 100, frac = h % 100
        if frac % 10 == 0 { return "\(sign)\(whole).\(frac / 10)" }
        return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// `42.2%` for a share 0…1, always with one decimal (`9.0%`, `40.0%`), so shares line
    /// up in a column and a share just over a limit never reads as the limit itself.
    static func percent(_ share: Double) -> String {
        guard share.isFinite else { return String(share) }
        let tenths = Int64((share * 1000).rounded())
        let whole = tenths / 10, frac = abs(tenths % 10)
        return "\(tenths < 0 && whole == 0 ? "-" : "")\(whole).\(frac)%"
    }

    /// `Minimum overlap set by the loaded rules: 2.0 h (TZ-001), 4.0 h (TZ-002); ✗ marks a
    /// location below its rule's minimum.`, or nil when no loaded rule sets one.
    static func overlapLimits(_ limits: [WorkdayTimeline.Limit]) -> String? {
        guard !limits.isEmpty else { return nil }
        return "Minimum overlap set by the loaded rules: "
            + limits.map { "\(hours($0.minimum)) (\($0.rule))" }.joined(separator: ", ")
            + "; ✗ marks a location below its rule's minimum."
    }

    /// `Philippines`, or the code itself when unknown.
    static func countryName(_ code: String) -> String { Countries.countryName(code) ?? code }

    /// `HH:MM` for minutes after midnight (0…1440).
    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }
}

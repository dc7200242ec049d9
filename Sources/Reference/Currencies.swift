import Spelling

/// One ISO 4217 currency (Debian iso-codes).
public struct Currency: Sendable, Hashable {
    /// `INR`.
    public let code: String
    /// `356`.
    let numeric: String
    /// `Indian Rupee`.
    public let name: String
}

/// Lookup of ISO 4217 currencies. Codes are case-sensitive upper-case (`USD`).
public enum Currencies {
    // `byCode`, every currency by its code, is generated (Generated/CurrencyTable.swift).

    /// The currency with this code, or nil.
    public static func currency(_ code: String) -> Currency? { byCode[code] }

    /// The currency `code`, or an error with the upper-case form or the closest code.
    public static func resolve(_ code: String) throws(ReferenceError) -> Currency {
        if let currency = byCode[code] { return currency }
        let shown = "'\(code)'"
        let upper = code.uppercased()
        if let currency = byCode[upper] {
            throw ReferenceError("\(shown) is not an ISO 4217 code; did you mean '\(upper)' (\(currency.name))?", suggestion: upper)
        }
        if let close = ClosestMatch.find(to: upper, among: byCode.keys, limit: 1) {
            throw ReferenceError("\(shown) is not an ISO 4217 currency code; did you mean '\(close)' (\(byCode[close]?.name ?? ""))?",
                                 suggestion: close)
        }
        throw ReferenceError("\(shown) is not an ISO 4217 currency code (three capital letters, e.g. USD, EUR, INR)")
    }

    /// Every code, sorted (for did-you-mean and completion).
    public static var codes: [String] { byCode.keys.sorted() }
}

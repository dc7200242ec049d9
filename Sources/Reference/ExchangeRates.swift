/// A table of exchange rates, as units of each currency per one euro, that converts
/// amounts between any two currencies it knows (through the euro). The built-in table is
/// the European Central Bank's reference rates averaged over the last full year
/// (`reference/fx-rates.tsv`); a company's own rates (`fx:` in shore.yaml or the plan)
/// are laid over it.
public struct ExchangeRates: Sendable, Hashable {
    /// Units of each currency per 1 EUR.
    let perEuro: [String: Double]

    init(perEuro: [String: Double]) {
        self.perEuro = perEuro
    }

    /// The built-in table (see `builtInSource`, `builtInAsOf`).
    public static let builtIn = ExchangeRates(perEuro: builtInPerEuro)

    /// This table with `rates` (units of `currency` per one unit of `base`) laid over it.
    /// When the table has no rate for `base` itself, only `base` and `rates` are known
    /// (nothing relates them to the table's other currencies).
    public func overlaid(_ rates: [String: Double], base: String) -> ExchangeRates {
        guard !rates.isEmpty else { return self }
        var result: [String: Double]
        let basePerEuro: Double
        if let known = perEuro[base] {
            result = perEuro
            basePerEuro = known
        } else {
            result = [base: 1]
            basePerEuro = 1
        }
        for (currency, perBase) in rates where perBase > 0 && perBase.isFinite && currency != base {
            result[currency] = perBase * basePerEuro
        }
        return ExchangeRates(perEuro: result)
    }

    /// Whether the table can convert `currency`.
    func knows(_ currency: String) -> Bool { perEuro[currency] != nil }

    /// `amount` of `from` in `to`, or nil when either currency has no rate.
    public func convert(_ amount: Double, from: String, to: String) -> Double? {
        if from == to { return amount }
        guard let fromPerEuro = perEuro[from], let toPerEuro = perEuro[to], fromPerEuro > 0 else { return nil }
        return amount / fromPerEuro * toPerEuro
    }
}

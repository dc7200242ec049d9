/// Legal Entity Identifiers (ISO 17442): 20 characters, 18 letters or digits and two
/// check digits; valid when the whole code, read as a number with A = 10 … Z = 35, is 1
/// modulo 97 (ISO 7064 MOD 97-10, as for IBANs).
public enum LEI {
    /// `text` when it is a well-formed LEI with correct check digits, else an error.
    public static func validate(_ text: String) throws(ReferenceError) -> String {
        let shown = "'\(text)'"
        let upper = text.uppercased()
        guard upper.count == 20, upper.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("A"..."Z").contains($0) }) else {
            throw ReferenceError("\(shown) is not an LEI: an LEI is 20 letters and digits (ISO 17442)")
        }
        guard upper.suffix(2).allSatisfy(\.isNumber) else {
            throw ReferenceError("\(shown) is not an LEI: its last two characters are check digits")
        }
        guard remainder(upper) == 1 else {
            throw ReferenceError("\(shown) fails the LEI check digits (ISO 17442, MOD 97-10): a character is mistyped")
        }
        if upper != text { throw ReferenceError("\(shown): write the LEI in capitals", suggestion: upper) }
        return text
    }

    /// The code as a base-36 number, modulo 97.
    static func remainder(_ code: String) -> Int {
        var r = 0
        for scalar in code.unicodeScalars {
            let v = Int(scalar.value)
            let digit = v <= 57 ? v - 48 : v - 55
            r = digit >= 10 ? (r * 100 + digit) % 97 : (r * 10 + digit) % 97
        }
        return r
    }
}

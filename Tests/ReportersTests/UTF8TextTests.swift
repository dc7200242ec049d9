@testable import Policy
@testable import Reporters
import Testing

/// The byte writer reports use must escape exactly as `JSONText.quote` does, wherever a
/// character that needs an escape falls relative to the eight-byte words it scans.
@Suite("UTF8Text")
struct UTF8TextTests {
    static let specials: [String] = [
        "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
        "\u{A0}", "é", "\u{061C}", "\u{061D}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2027}", "\u{2028}", "\u{2029}",
        "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "→", "😀", "/",
    ]

    @Test func quotesAsJSONTextDoesAtEveryOffset() {
        for special in Self.specials {
            for before in Array(0..<10) + [15, 16, 17, 24] {
                for after in [0, 1, 7, 8, 9] {
                    let text = String(repeating: "a", count: before) + special + String(repeating: "b", count: after)
                    let out = UTF8Text(capacity: 8)
                    out.appendJSONQuoted(text)
                    #expect(out.text == JSONText.quote(text), "\(before) + U+\(special.unicodeScalars.map { String($0.value, radix: 16) }) + \(after)")
                }
            }
        }
    }

    @Test func quotesTextWithManyEscapesAsJSONTextDoes() {
        let text = "[\"iso27001\", \"audit-rights\"]\tand é\u{2028}" + String(repeating: "x", count: 20) + "\"\\"
        let out = UTF8Text(capacity: 8)
        out.appendJSONQuoted(text)
        #expect(out.text == JSONText.quote(text))
    }

    @Test func writesFingerprintsAsFindingsSpellThem() {
        for value: UInt64 in [0, 9, 10, 0xABCDEF, 0x0123_4567_89AB_CDEF, .max] {
            let out = UTF8Text(capacity: 8)
            out.append(hex: value)
            #expect(out.text == Fingerprint.hex(value))
        }
    }

    @Test func writesNumbersAsStringDoes() {
        for value in [0, 7, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min] {
            let out = UTF8Text(capacity: 8)
            out.append(int: value)
            #expect(out.text == String(value))
        }
    }
}

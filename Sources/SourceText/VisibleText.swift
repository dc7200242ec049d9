/// Text from plans and rules made safe to show to a person, on a terminal, in a CI
/// log or in a review: control characters (C0, DEL, C1 such as U+009B, which a
/// terminal reads as ESC `[`), bidirectional overrides, isolates and marks ("Trojan
/// Source") and line or paragraph separators are written as visible `\u{1B}` escapes,
/// so a value cannot move the cursor, change colours, open a link (OSC 8), ring a bell,
/// reorder the line, or start a new line that a CI runner would read as a command.
public enum VisibleText {
    /// What to do with a line feed (and CR LF).
    public enum LineBreaks: Sendable {
        /// Shown as `\n`: the value stays on one line (every value from a plan).
        case escaped
        /// Kept, for multi-line text written by a rule author (a remediation); a lone
        /// carriage return, which would overwrite the line, is still escaped.
        case kept
    }

    /// `text` with every unsafe character escaped; tabs are kept.
    public static func escaped(_ text: String, lineBreaks: LineBreaks = .escaped) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\t" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\t":
                out.unicodeScalars.append(scalar)
            case "\n" where lineBreaks == .kept:
                out.unicodeScalars.append(scalar)
            case "\r" where lineBreaks == .kept && index + 1 < scalars.count && scalars[index + 1] == "\n":
                continue
            case "\n":
                out += "\\n"
            case "\r":
                out += "\\r"
            default:
                if isUnsafe(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// `text` with each scalar that `replace` gives a replacement for written as that
    /// replacement, every other unsafe scalar as its `\u{…}` escape, the rest as it is:
    /// the loop behind each format's own escaping (Markdown, HTML, workflow commands).
    public static func escaped(_ text: String, replacing replace: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = replace(scalar) {
                out += replacement
            } else if isUnsafe(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `\u{1B}`: the scalar's code point in upper-case hex.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// C0 and C1 controls, DEL, bidi embeddings, overrides, isolates and marks, and
    /// the line and paragraph separators.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The unsafe scalar (`isUnsafe`) whose UTF-8 encoding starts with the non-ASCII byte
    /// `lead` followed by `next` and `third` (0 past the end of the text), and how many
    /// bytes it takes; nil for any other character. Lets a byte scanner find the unsafe
    /// scalars without decoding the text.
    @inlinable
    public static func unsafeScalar(lead: UInt8, next: UInt8, third: UInt8) -> (value: UInt32, length: Int)? {
        switch lead {
        case 0xC2 where next >= 0x80 && next <= 0x9F: (UInt32(next), 2)  // C1 controls
        case 0xD8 where next == 0x9C: (0x061C, 2)  // Arabic letter mark
        case 0xE2 where next == 0x80 && (third == 0x8E || third == 0x8F || (third >= 0xA8 && third <= 0xAE)):
            (0x2000 + UInt32(third - 0x80), 3)  // LRM, RLM; LS, PS, embeddings and overrides
        case 0xE2 where next == 0x81 && third >= 0xA6 && third <= 0xA9:
            (0x2040 + UInt32(third - 0x80), 3)  // isolates
        default: nil
        }
    }
}

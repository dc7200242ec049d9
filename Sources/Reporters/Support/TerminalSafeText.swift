/// Text from plans and rules made safe to print on a terminal: control characters
/// (other than line breaks and tabs) and bidirectional overrides are shown as `\u{…}`
/// escapes, so a provider name cannot move the cursor, change colours or reorder the
/// line ("Trojan Source").
enum TerminalSafeText {
    static func escaped(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09:
                out.unicodeScalars.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Reads a Shore JSON result in one pass, keeping only what a baseline needs: the top
/// level's `version` and, of each entry of its `findings` list, the fingerprint and the
/// few fields that name a fixed finding (rule, message, plan, file, line). Memory is
/// those, not a tree of the whole file; nesting is bounded by `maxDepth` (an error past
/// it, never a deep recursion).
struct BaselineScanner {
    enum Failure: Error, Equatable {
        case syntax(offset: Int)
        case tooDeep(offset: Int)
        case duplicateKey(String, offset: Int)
        case notAnObject
        case noFindings
    }

    struct Contents {
        var version: String?
        var fingerprints: Set<String> = []
        var findings: [BaselineFinding] = []
    }

    /// The fields of one finding kept while it is read.
    private static let findingFields: Set<String> = ["fingerprint", "rule", "message", "plan", "file"]

    let bytes: [UInt8]
    let maxDepth: Int

    private enum Frame {
        case object(key: String?)
        case array(findings: Bool)
    }

    private enum Expect { case value, valueOrClose, keyOrClose, key, colon, afterValue }

    func scan() -> Result<Contents, Failure> {
        var contents = Contents()
        var sawFindings = false
        // Keys seen in the root object and in the current finding: a repeated one is
        // refused (JSON leaves its meaning open).
        var rootKeys = Set<String>()
        var findingHasFingerprint = false
        var stack: [Frame] = []
        var expect = Expect.value
        var i = 0
        var finding: [String: String] = [:]
        var findingLine: Int?
        /// Closes the innermost frame; closing one finding's object keeps it.
        func close() {
            if stack.count == 3, case .array(true) = stack[1], case .object = stack[2], let fingerprint = finding["fingerprint"] {
                contents.findings.append(BaselineFinding(
                    fingerprint: fingerprint, rule: finding["rule"] ?? "?", message: finding["message"] ?? "",
                    plan: finding["plan"], file: finding["file"], line: findingLine))
            }
            if stack.count == 3 { finding = [:]; findingLine = nil }
            stack.removeLast()
        }
        func skipSpace() { while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 } }
        while true {
            skipSpace()
            guard i < bytes.count else {
                guard stack.isEmpty, expect == .afterValue else { return .failure(.syntax(offset: i)) }
                break
            }
            let byte = bytes[i]
            switch expect {
            case .afterValue:
                guard let top = stack.last else { return .failure(.syntax(offset: i)) }
                switch (byte, top) {
                case (UInt8(ascii: ","), .object): expect = .key; i += 1
                case (UInt8(ascii: ","), .array): expect = .value; i += 1
                case (UInt8(ascii: "}"), .object), (UInt8(ascii: "]"), .array): close(); i += 1
                default: return .failure(.syntax(offset: i))
                }
            case .colon:
                guard byte == UInt8(ascii: ":") else { return .failure(.syntax(offset: i)) }
                expect = .value; i += 1
            case .keyOrClose, .key:
                if byte == UInt8(ascii: "}"), expect == .keyOrClose { close(); expect = .afterValue; i += 1; continue }
                let keyStart = i
                guard byte == UInt8(ascii: "\""), let key = string(&i) else { return .failure(.syntax(offset: i)) }
                if stack.count == 1, key == "version" || key == "findings", !rootKeys.insert(key).inserted {
                    return .failure(.duplicateKey(key, offset: keyStart))
                }
                if stack.count == 3, case .array(true) = stack[1], key == "fingerprint" {
                    if findingHasFingerprint { return .failure(.duplicateKey(key, offset: keyStart)) }
                    findingHasFingerprint = true
                }
                stack[stack.count - 1] = .object(key: key)
                expect = .colon
            case .value, .valueOrClose:
                if byte == UInt8(ascii: "]"), expect == .valueOrClose { close(); expect = .afterValue; i += 1; continue }
                // Where this value sits: a root key, or a key of one finding.
                var rootKey: String?
                var findingKey: String?
                if stack.count == 1, case .object(let key) = stack[0] { rootKey = key }
                if stack.count == 3, case .array(true) = stack[1], case .object(let key) = stack[2] { findingKey = key }
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < maxDepth else { return .failure(.tooDeep(offset: i)) }
                    if stack.isEmpty, byte != UInt8(ascii: "{") { return .failure(.notAnObject) }
                    if rootKey == "findings" {
                        guard byte == UInt8(ascii: "[") else { return .failure(.noFindings) }
                        sawFindings = true
                    }
                    stack.append(byte == UInt8(ascii: "{") ? .object(key: nil) : .array(findings: rootKey == "findings"))
                    if stack.count == 3 { findingHasFingerprint = false }
                    expect = byte == UInt8(ascii: "{") ? .keyOrClose : .valueOrClose
                    i += 1
                    continue
                case UInt8(ascii: "\""):
                    guard let text = string(&i) else { return .failure(.syntax(offset: i)) }
                    if findingKey == "fingerprint" { contents.fingerprints.insert(text) }
                    if let key = findingKey, Self.findingFields.contains(key) { finding[key] = text }
                    if rootKey == "version" { contents.version = "\"\(text)\"" }
                default:
                    let start = i
                    while i < bytes.count, !Self.wordEnds.contains(bytes[i]) { i += 1 }
                    let word = String(decoding: bytes[start..<i], as: UTF8.self)
                    guard ["true", "false", "null"].contains(word) || Self.isNumber(bytes[start..<i]) else {
                        return .failure(.syntax(offset: start))
                    }
                    if rootKey == "version" { contents.version = word }
                    if findingKey == "line" { findingLine = Int(word) }
                }
                if stack.isEmpty { return .failure(.notAnObject) }
                if rootKey == "findings" { return .failure(.noFindings) }
                expect = .afterValue
            }
        }
        guard sawFindings else { return .failure(.noFindings) }
        return .success(contents)
    }

    /// The string starting at `i` (on its opening quote), escapes decoded; `i` ends after
    /// the closing quote. Nil when it is not a valid JSON string.
    private func string(_ i: inout Int) -> String? {
        i += 1
        var scalars = String.UnicodeScalarView()
        var start = i
        var plain: [UInt8] = []
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                plain += bytes[start..<i]
                i += 1
                if scalars.isEmpty { return String(decoding: plain, as: UTF8.self) }
                scalars += String(decoding: plain, as: UTF8.self).unicodeScalars
                return String(scalars)
            }
            if byte < 0x20 { return nil }
            guard byte == UInt8(ascii: "\\") else { i += 1; continue }
            plain += bytes[start..<i]
            scalars += String(decoding: plain, as: UTF8.self).unicodeScalars
            plain = []
            guard i + 1 < bytes.count else { return nil }
            let escaped = bytes[i + 1]
            i += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escaped))
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard let unit = hex4(i) else { return nil }
                i += 4
                var value = UInt32(unit)
                if (0xD800..<0xDC00).contains(unit), i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
                   bytes[i + 1] == UInt8(ascii: "u"), let low = hex4(i + 2), (0xDC00..<0xE000).contains(low) {
                    value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    i += 6
                }
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            default:
                return nil
            }
            start = i
        }
        return nil
    }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isNumber(_ word: ArraySlice<UInt8>) -> Bool {
        var i = word.startIndex
        func digits() -> Int {
            let start = i
            while i < word.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(word[i]) { i += 1 }
            return i - start
        }
        if i < word.endIndex, word[i] == UInt8(ascii: "-") { i += 1 }
        if i < word.endIndex, word[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < word.endIndex, word[i] == UInt8(ascii: ".") { i += 1; if digits() == 0 { return false } }
        if i < word.endIndex, word[i] == UInt8(ascii: "e") || word[i] == UInt8(ascii: "E") {
            i += 1
            if i < word.endIndex, word[i] == UInt8(ascii: "+") || word[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == word.endIndex
    }

    /// Bytes that end a number or `true`/`false`/`null`.
    private static let wordEnds: Set<UInt8> = Set(",]} \t\r\n".utf8)

    private func hex4(_ at: Int) -> UInt16? {
        guard at + 4 <= bytes.count else { return nil }
        return UInt16(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
    }
}

import Policy

/// Which of Shore's file formats an open document is.
enum DocumentKind: String, Sendable {
    case rules
    case tests
    case waivers
    case config
    case plan
    /// A YAML file Shore does not recognise: only YAML itself is checked.
    case yaml

    /// The kind of the document at `path` with `text`: `shore.yaml` and `*.test.yaml`
    /// by name, a file the config lists as waivers by that, else by its top-level keys
    /// (`policy:`/`rules:` → rules, `tests:`, `plan:`/`engagements:` → plan, `waivers:`).
    static func of(path: String, bytes: [UInt8], waiverFiles: [String]) -> DocumentKind {
        of(path: path, topLevelKeys: topLevelKeys(bytes), waiverFiles: waiverFiles)
    }

    /// An open document's kind (its keys were read when its text last changed).
    static func of(_ document: TextDocument, waiverFiles: [String]) -> DocumentKind {
        of(path: document.path, topLevelKeys: document.topLevelKeys, waiverFiles: waiverFiles)
    }

    private static func of(path: String, topLevelKeys keys: @autoclosure () -> Set<String>, waiverFiles: [String]) -> DocumentKind {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "shore.yaml" || name == "shore.yml" { return .config }
        if RuleFiles.isTestFileName(name) { return .tests }
        if waiverFiles.contains(path) { return .waivers }
        let keys = keys()
        if keys.contains("tests") { return .tests }
        if keys.contains("plan") || keys.contains("engagements") { return .plan }
        if keys.contains("policy") || keys.contains("rules") { return .rules }
        if keys.contains("waivers") { return .waivers }
        return .yaml
    }

    /// The keys written at column 1 (`key:`), read from the text without parsing it,
    /// so a document mid-edit keeps its kind; for a document written as one flow mapping
    /// (a plan exported as JSON), the keys of that mapping.
    static func topLevelKeys(_ bytes: [UInt8]) -> Set<String> {
        if let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }), bytes[first] == 0x7B {
            return flowMappingKeys(bytes, from: first)
        }
        var keys = Set<String>()
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var keyEnd = index
            while keyEnd < end, bytes[keyEnd] == 0x5F || (0x61...0x7A).contains(bytes[keyEnd]) || (0x41...0x5A).contains(bytes[keyEnd]) {
                keyEnd += 1
            }
            if keyEnd > index, keyEnd < end, bytes[keyEnd] == 0x3A {
                keys.insert(String(decoding: bytes[index..<keyEnd], as: UTF8.self))
            }
            index = end + 1
        }
        return keys
    }

    /// The keys of the flow mapping that opens at `start` (`{`): each quoted or plain
    /// word at depth 1 followed by `:`. Strings are skipped whole, so a `{` or `:` inside
    /// one does not count; what comes after the mapping's `}` is not read.
    static func flowMappingKeys(_ bytes: [UInt8], from start: Int) -> Set<String> {
        var keys = Set<String>()
        var depth = 0
        var index = start
        var word: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x7B, 0x5B:  // { [
                depth += 1
                word = []
            case 0x7D, 0x5D:  // } ]
                depth -= 1
                if depth == 0 { return keys }
                word = []
            case 0x22, 0x27:  // " '
                var end = index + 1
                while end < bytes.count, bytes[end] != byte {
                    end += byte == 0x22 && bytes[end] == 0x5C ? 2 : 1
                }
                word = depth == 1 ? Array(bytes[index + 1..<min(end, bytes.count)]) : []
                index = end
            case 0x3A:  // :
                if depth == 1, !word.isEmpty { keys.insert(String(decoding: word, as: UTF8.self)) }
                word = []
            case 0x2C:  // ,
                word = []
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            default:
                if depth == 1 { word.append(byte) }
            }
            index += 1
        }
        return keys
    }
}

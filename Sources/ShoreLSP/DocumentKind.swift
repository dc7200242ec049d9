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
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "shore.yaml" || name == "shore.yml" { return .config }
        if RuleFiles.isTestFileName(name) { return .tests }
        if waiverFiles.contains(path) { return .waivers }
        let keys = topLevelKeys(bytes)
        if keys.contains("tests") { return .tests }
        if keys.contains("plan") || keys.contains("engagements") { return .plan }
        if keys.contains("policy") || keys.contains("rules") { return .rules }
        if keys.contains("waivers") { return .waivers }
        return .yaml
    }

    /// The keys written at column 1 (`key:`), read from the text without parsing it,
    /// so a document mid-edit keeps its kind.
    static func topLevelKeys(_ bytes: [UInt8]) -> Set<String> {
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
}

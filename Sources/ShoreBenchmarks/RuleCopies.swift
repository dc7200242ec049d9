import Policy

#if canImport(Glibc)
import Glibc
#endif

/// Many rules for the rule-count benchmark: copies of real rule files, each copy's rule
/// ids and policy name suffixed (`COUNTRY-001-C2`), and the named sets and classification
/// scale kept in the first copy only (they are shared by the whole rule set).
enum RuleCopies {
    /// Writes copies of the rule files under `sources` into `folder` until they hold at
    /// least `count` rules; returns the folder, or nil when no rule file could be read.
    static func write(count: Int, from sources: [String], into folder: String) -> String? {
        let files = sources.flatMap(ruleFiles)
        let texts = files.compactMap { String(decoding: FileBytes.read($0), as: UTF8.self) }.filter { !$0.isEmpty }
        let perCopy = texts.reduce(0) { $0 + rulesIn($1) }
        guard perCopy > 0, mkdir(folder, 0o755) == 0 || errno == EEXIST else { return nil }
        var written = 0
        var copy = 0
        while written < count {
            for (i, text) in texts.enumerated() {
                let renamed = self.copy(text, number: copy)
                guard let out = fopen("\(folder)/copy\(copy)-\(i).yaml", "w") else { return nil }
                fputs(renamed, out)
                fclose(out)
                written += rulesIn(text)
            }
            copy += 1
        }
        return folder
    }

    static func rulesIn(_ text: String) -> Int {
        text.split(separator: "\n").count { $0.trimmingLeadingSpaces.hasPrefix("- id:") }
    }

    /// `text` with every rule id and the policy name suffixed with `-C<number>`; copies
    /// after the first drop the top-level `sets` and `classifications`.
    static func copy(_ text: String, number: Int) -> String {
        var out: [Substring] = []
        var skipping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let topLevel = !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#")
            if topLevel {
                skipping = number > 0 && (line.hasPrefix("sets:") || line.hasPrefix("classifications:"))
            }
            if skipping { continue }
            let trimmed = line.trimmingLeadingSpaces
            if trimmed.hasPrefix("- id:") || line.hasPrefix("policy:") {
                out.append(line + "-C\(number)")
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// The rule files directly in `path` (not tests), or `path` itself when it is a file.
    static func ruleFiles(_ path: String) -> [String] {
        guard let names = Directory.entries(path) else { return [path] }
        return names.filter(RuleFiles.isRuleFileName).sorted().map { path + "/" + $0 }
    }
}

extension Substring {
    var trimmingLeadingSpaces: Substring { drop { $0 == " " } }
}

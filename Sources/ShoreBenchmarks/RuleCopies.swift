import Policy

#if canImport(Glibc)
import Glibc
#endif

/// Many rules for the rule-count benchmark: copies of real rule files, each copy's rule
/// ids and policy name suffixed (`COUNTRY-001-C2`), and the named sets and classification
/// scale kept in the first copy only (they are shared by the whole rule set).
///
/// Copies can fire as their originals do (each copy adds the originals' findings again:
/// the finding volume grows with the rule count) or pass: every copy after the first
/// evaluates its assert in full on every subject and then passes (`(assert) || true`),
/// so the rule count grows and the findings stay those of the originals.
enum RuleCopies {
    /// Writes copies of the rule files under `sources` into `folder` until they hold at
    /// least `count` rules; returns the folder, or nil when no rule file could be read or
    /// an assert could not be made to pass.
    static func write(count: Int, from sources: [String], into folder: String, passing: Bool = false) -> String? {
        let files = sources.flatMap(ruleFiles)
        let texts = files.compactMap { String(decoding: FileBytes.read($0), as: UTF8.self) }.filter { !$0.isEmpty }
        let perCopy = texts.reduce(0) { $0 + rulesIn($1) }
        guard perCopy > 0, mkdir(folder, 0o755) == 0 || errno == EEXIST else { return nil }
        var written = 0
        var copy = 0
        while written < count {
            for (i, text) in texts.enumerated() {
                var renamed = self.copy(text, number: copy)
                if passing, copy > 0 {
                    guard let passes = self.passing(renamed) else {
                        print("cannot make the asserts of \(files[i]) pass (an assert written in a form this benchmark does not rewrite)")
                        return nil
                    }
                    renamed = passes
                }
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

    /// `text` with every `assert:` value `A` written as `(A) || true`: a block scalar
    /// (`>-`, `|`) gets `(` before its first line and `) || true` after its last; a plain
    /// or quoted value on its own line is wrapped inside its quotes. Nil when an assert
    /// is written some other way (a plain or quoted value over several lines).
    static func passing(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let indent = line.indentation
            guard line.dropFirst(indent).hasPrefix("assert:") else { i += 1; continue }
            let value = line.dropFirst(indent + "assert:".count).drop { $0 == " " }
            // The lines after the key that are more indented than it (or blank) belong to its value.
            var last = i
            while last + 1 < lines.count,
                  lines[last + 1].trimmingLeadingSpaces.isEmpty || lines[last + 1].indentation > indent {
                last += 1
            }
            while last > i, lines[last].trimmingLeadingSpaces.isEmpty { last -= 1 }
            let head = String(line.prefix(line.count - value.count))
            if let first = value.first, first == ">" || first == "|" {
                guard last > i else { return nil }
                let body = lines[i + 1]
                let bodyIndent = body.indentation
                lines[i + 1] = String(body.prefix(bodyIndent)) + "(" + body.dropFirst(bodyIndent)
                lines[last] += ") || true"
            } else if last == i, let quote = value.first, quote == "\"" || quote == "'" {
                guard let close = value.lastIndex(of: quote), close != value.startIndex else { return nil }
                let inside = value[value.index(after: value.startIndex)..<close]
                lines[i] = head + String(quote) + "(" + inside + ") || true" + String(quote) + value[value.index(after: close)...]
            } else if last == i, !value.isEmpty {
                // A plain value ends at a comment (` #`), if it has one.
                let comment = value.range(of: " #")
                let expression = comment.map { value[..<$0.lowerBound] } ?? value
                lines[i] = head + "(" + expression + ") || true" + (comment.map { String(value[$0.lowerBound...]) } ?? "")
            } else {
                return nil
            }
            i = last + 1
        }
        return lines.joined(separator: "\n")
    }

    /// The rule files directly in `path` (not tests), or `path` itself when it is a file.
    static func ruleFiles(_ path: String) -> [String] {
        guard let names = Directory.entries(path) else { return [path] }
        return names.filter(RuleFiles.isRuleFileName).sorted().map { path + "/" + $0 }
    }
}

extension StringProtocol {
    var trimmingLeadingSpaces: SubSequence { drop { $0 == " " } }
    /// The spaces a line starts with.
    var indentation: Int { count - trimmingLeadingSpaces.count }
}

/// The Markdown catalogue of a rule set (rules/README.md): one table row per rule,
/// generated from the loaded rules so the documentation cannot drift from them.
enum RuleCatalogue {
    /// The marker lines around the generated part of a README.
    static let startMarker = "<!-- catalogue:start (generated from the rules; do not edit by hand) -->"
    static let endMarker = "<!-- catalogue:end -->"

    /// The table, grouped by policy pack in load order, rules in file order.
    static func markdown(_ rules: RuleSet) -> String {
        var lines: [String] = []
        var policies: [String] = []
        for rule in rules.rules where !policies.contains(rule.policy) { policies.append(rule.policy) }
        for policy in policies {
            let packRules = rules.rules.filter { $0.policy == policy }
            lines.append("### `\(policy)`")
            lines.append("")
            lines.append("| id | severity | for | title | references |")
            lines.append("|---|---|---|---|---|")
            for rule in packRules {
                let severity = rule.severity.rawValue + (rule.enabled ? "" : " (off)")
                let references = rule.references.map(cell).joined(separator: "<br>")
                lines.append("| \(rule.id) | \(severity) | \(rule.scope.rawValue) | \(cell(rule.title ?? "")) | \(references) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// `readme` with the text between the markers replaced by the catalogue; nil when
    /// the markers are missing.
    static func update(readme: String, with rules: RuleSet) -> String? {
        guard let start = readme.range(of: startMarker), let end = readme.range(of: endMarker),
              start.upperBound <= end.lowerBound else { return nil }
        return String(readme[..<start.upperBound]) + "\n\n" + markdown(rules) + "\n" + String(readme[end.lowerBound...])
    }

    /// Text made safe for one Markdown table cell.
    static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r": result += " "
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }
}

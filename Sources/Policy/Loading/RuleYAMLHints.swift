import SourceText

/// Explains YAML syntax errors that come from a CEL expression YAML gave meaning to:
/// one that starts with `[`, `{`, `'` or `"` and goes on after the closing bracket or quote.
enum RuleYAMLHints {
    static let expressionKeys = ["when", "assert", "message"]

    static func explain(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.code == .yamlSyntax, let location = diagnostic.location else { return diagnostic }
        for lineNumber in [location.start.line, location.start.line - 1] where lineNumber >= 1 {
            guard let line = location.file.line(lineNumber) else { continue }
            var text = Substring(line).drop { $0 == " " }
            if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
            for key in expressionKeys where text.hasPrefix(key + ":") {
                let value = text.dropFirst(key.count + 1).drop { $0 == " " }
                guard let first = value.first, "[{'\"".contains(first) else { continue }
                var explained = diagnostic
                explained.code = .rulesYAMLSplitExpression
                explained.message = "YAML read the start of this '\(key)' expression as \(first == "[" ? "a list" : first == "{" ? "a mapping" : "a quoted string") because it begins with \(first), and then could not read the rest (\(diagnostic.message))"
                explained.help = first == "'"
                    ? "quote the whole expression with double quotes (`\(key): \"'…' …\"`; the single quotes inside stay CEL strings), or write it as a block scalar: `\(key): >-` and the expression on the next line, indented"
                    : "quote the whole expression, or write it as a block scalar: `\(key): >-` and the expression on the next line, indented"
                return explained
            }
        }
        return diagnostic
    }
}

import SourceText

/// Explains the other half of the YAML split-expression trap: `assert: !x.y` in block
/// context, where YAML takes `!x.y` as a tag, leaves the value empty, and the loader
/// reports an unsupported tag and a missing `assert`. Rule loading rewrites the tag
/// error as `rules.yaml-split-expression` with the fix, and drops the follow-on
/// missing field.
enum SplitTagHint {
    public static func explain(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var rewritten: [(key: String, line: Int)] = []
        var result: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard diagnostic.code == .yamlUnsupportedTag, let location = diagnostic.location,
                  let key = expressionKey(startingWithBang: location) else {
                result.append(diagnostic)
                continue
            }
            var explained = diagnostic
            explained.code = .rulesYAMLSplitExpression
            explained.message = "YAML read this '\(key)' as a tag, not as a CEL expression, because it starts with '!'"
            explained.help = "quote the whole expression (\(key): \"!…\") or write it as a block scalar (\(key): >-) on the next line"
            result.append(explained)
            rewritten.append((key, location.start.line))
        }
        return result.filter { diagnostic in
            guard diagnostic.code == .rulesMissingField, let location = diagnostic.location else { return true }
            // The follow-on missing field points at the emptied key itself.
            return !rewritten.contains { split in
                location.start.line == split.line && spannedText(location).map(String.init) == split.key
            }
        }
    }

    /// The text `span` covers on its first line.
    static func spannedText(_ span: SourceSpan) -> Substring? {
        guard span.end.line == span.start.line, let line = span.file.line(span.start.line) else { return nil }
        let scalars = line.unicodeScalars
        guard span.start.column >= 1, span.end.column >= span.start.column,
              let start = scalars.index(scalars.startIndex, offsetBy: span.start.column - 1, limitedBy: scalars.endIndex),
              let end = scalars.index(start, offsetBy: span.end.column - span.start.column, limitedBy: scalars.endIndex)
        else { return nil }
        return Substring(scalars[start..<end])
    }

    /// The expression key on the diagnostic's line when its value starts with `!`.
    static func expressionKey(startingWithBang location: SourceSpan) -> String? {
        guard let line = location.file.line(location.start.line) else { return nil }
        var text = Substring(line).drop { $0 == " " }
        if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
        for key in ["when", "assert", "message"] where text.hasPrefix(key + ":") {
            if text.dropFirst(key.count + 1).drop(while: { $0 == " " }).first == "!" { return key }
        }
        return nil
    }
}

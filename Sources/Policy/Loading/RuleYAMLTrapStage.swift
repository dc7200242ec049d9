import SourceText
import YAML

/// The YAML-trap stage of rule loading: explains CEL expressions that YAML gave a
/// meaning of its own, because the expression starts with `[`, `{`, a quote, `!`, `&`
/// or `*`, or holds ` #`. YAML then reports a syntax error, an unsupported tag or a
/// missing field, or hands Shore a list, a mapping or a truncated string; this stage
/// turns each of those into one `rules.yaml-split-expression` or
/// `rules.yaml-comment-in-expression` diagnostic with the fix. Its two parts:
/// `expressionText` as each expression is read, and `explain` once over everything
/// rule loading reported.
enum RuleYAMLTrapStage {
    /// The keys whose values are CEL.
    static let expressionKeys = RuleSchema.expressionKeys

    // MARK: While reading an expression

    /// The scalar text of an expression field, or nil after a diagnostic explaining how
    /// YAML took it apart (a leading `[`, `{`, `!`, `&`, `*`; a ` #` comment).
    static func expressionText(_ node: YAMLNode, field: String, into diagnostics: inout [Diagnostic]) -> String? {
        let first = firstCharacter(node)
        if node.kind != .scalar || (node.style == .plain && first.map { "!&*".unicodeScalars.contains($0) } == true) {
            let what = node.kind == .sequence ? "a list" : node.kind == .mapping ? "a mapping"
                : first == "!" ? "a tag" : first == "&" ? "an anchor" : "an alias"
            diagnostics.append(Diagnostic(
                .rulesYAMLSplitExpression,
                "YAML read this '\(field)' as \(what), not as a CEL expression, because it starts with '\(first.map(String.init) ?? "?")'",
                at: node.span,
                help: "quote the whole expression (\(field): \"…\") or write it as a block scalar (\(field): >-) on the next line"))
            return nil
        }
        if let comment = trailingComment(node) {
            diagnostics.append(Diagnostic(
                .rulesYAMLCommentInExpression,
                "YAML read ' #' and the rest of this line as a comment, so this '\(field)' ends before it and the rule would check only `\(node.scalar ?? "")`",
                at: comment,
                help: "quote the whole expression (\(field): \"…\") or write it as a block scalar (\(field): >-) on the next line; to keep a comment, put it on its own line"))
            return nil
        }
        return node.scalar
    }

    /// The character at a node's start, read at its offset in its line: a rule file
    /// written as one line of JSON has every expression on that line, so building the
    /// line's text for each would take time in the square of the line.
    static func firstCharacter(_ node: YAMLNode) -> Unicode.Scalar? {
        let source = node.document.source
        guard let index = source.indexInLine(of: node.start) else { return nil }
        return source.withLine(node.start.line) { line -> Unicode.Scalar? in
            guard index >= 0, index < line.count else { return nil }
            return String(decoding: line[index..<min(index + 4, line.count)], as: UTF8.self).unicodeScalars.first
        } ?? nil
    }

    /// The span of a comment on the line where a plain scalar ends (`a > 0 # && b`),
    /// read from the source text, since YAML drops comments before Shore sees them: from
    /// the scalar's end on, so a long line is not read for each scalar on it.
    static func trailingComment(_ node: YAMLNode) -> SourceSpan? {
        guard node.kind == .scalar, node.style == .plain else { return nil }
        let source = node.document.source
        guard let end = source.indexInLine(of: node.end) else { return nil }
        return source.withLine(node.end.line) { line -> SourceSpan? in
            var index = max(0, end), column = node.end.column
            while index < line.count, line[index] == 0x20 || line[index] == 0x09 {
                index += 1
                column += 1
            }
            guard index < line.count, line[index] == 0x23 else { return nil }
            // The comment runs to the line's end: its columns are its scalars.
            let last = column + LineTable.column(after: line[index...]) - 1
            return SourceSpan(file: source, start: SourcePosition(line: node.end.line, column: column),
                              end: SourcePosition(line: node.end.line, column: last))
        } ?? nil
    }

    // MARK: Over everything rule loading reported

    /// Every diagnostic of rule loading with the YAML traps explained: a syntax error
    /// after an expression that starts with a bracket or quote, and a tag rejected at the
    /// start of an expression, become `rules.yaml-split-expression`; a tag error the
    /// expression's own diagnostic already explains, and the missing field that follows
    /// an emptied key, are dropped.
    static func explain(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        explainTags(droppingExplainedTags(diagnostics.map(explainSyntaxError)))
    }

    /// A YAML syntax error on (or just after) an expression that starts with `[`, `{`,
    /// `'` or `"` and goes on after the closing bracket or quote.
    static func explainSyntaxError(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.code == .yamlSyntax, let location = diagnostic.location else { return diagnostic }
        for lineNumber in [location.start.line, location.start.line - 1] where lineNumber >= 1 {
            guard let (key, value) = expressionEntry(onLine: lineNumber, of: location.file),
                  let first = value.first, "[{'\"".contains(first) else { continue }
            var explained = diagnostic
            explained.code = .rulesYAMLSplitExpression
            explained.message = "YAML read the start of this '\(key)' expression as \(first == "[" ? "a list" : first == "{" ? "a mapping" : "a quoted string") because it begins with \(first), and then could not read the rest (\(diagnostic.message))"
            explained.help = first == "'"
                ? "quote the whole expression with double quotes (`\(key): \"'…' …\"`; the single quotes inside stay CEL strings), or write it as a block scalar: `\(key): >-` and the expression on the next line, indented"
                : "quote the whole expression, or write it as a block scalar: `\(key): >-` and the expression on the next line, indented"
            return explained
        }
        return diagnostic
    }

    /// A tag YAML rejected where an expression was already explained as a split
    /// expression is dropped: one problem, one diagnostic.
    static func droppingExplainedTags(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let split = Set(diagnostics.filter { $0.code == .rulesYAMLSplitExpression }.compactMap(\.location))
        return diagnostics.filter { d in
            !(d.code == .yamlUnsupportedTag && d.location.map { loc in split.contains { $0.start == loc.start } } == true)
        }
    }

    /// `assert: !x.y` in block context: YAML takes `!x.y` as a tag, leaves the value
    /// empty, and reports an unsupported tag and a missing `assert`. The tag error becomes
    /// the split expression with the fix; the follow-on missing field is dropped.
    static func explainTags(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var rewritten: [(key: String, line: Int)] = []
        var result: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard diagnostic.code == .yamlUnsupportedTag, let location = diagnostic.location,
                  let (key, value) = expressionEntry(onLine: location.start.line, of: location.file),
                  value.first == "!" else {
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

    /// The expression key written on line `number` of `file` (`assert: …`, or `- when: …`
    /// opening a list item) and the text after its colon, without leading spaces.
    static func expressionEntry(onLine number: Int, of file: SourceFile) -> (key: String, value: Substring)? {
        guard let line = file.line(number) else { return nil }
        var text = Substring(line).drop { $0 == " " }
        if text.hasPrefix("- ") { text = text.dropFirst(2).drop { $0 == " " } }
        for key in expressionKeys where text.hasPrefix(key + ":") {
            return (key, text.dropFirst(key.count + 1).drop { $0 == " " })
        }
        return nil
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
}

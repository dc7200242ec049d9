import CYAML
import SourceText

/// Turns libyaml's one-error-and-stop report into a diagnostic that says what was
/// expected and how to fix it.
enum LibYAMLErrors {
    /// `skipped`: bytes at the start of the file not given to libyaml (a byte order mark).
    static func diagnostic(for parser: yaml_parser_t, source: SourceFile, skipped: Int = 0) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML could not be read"
        let context = parser.context.map { String(cString: $0) }

        if parser.error == YAML_READER_ERROR {
            let position = source.position(ofByteOffset: parser.problem_offset + skipped)
            let here = SourceSpan(file: source, start: position, end: position)
            if problem.contains("UTF-8") || problem.contains("UTF-16") {
                return Diagnostic(
                    .yamlInvalidUTF8,
                    "the file is not valid UTF-8 (\(problem), byte 0x\(String(parser.problem_value, radix: 16, uppercase: true)) at offset \(parser.problem_offset + skipped))",
                    at: here, help: "save the file as UTF-8")
            }
            return Diagnostic(
                .yamlInvalidCharacter, "the file contains a character YAML does not allow (\(problem))",
                at: here, help: "remove control characters; YAML allows tabs, line breaks and printable text")
        }
        if parser.error == YAML_MEMORY_ERROR {
            return Diagnostic(.yamlOutOfMemory, "libyaml ran out of memory reading the file", at: nil)
        }

        let position = SourcePosition(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        let here = SourceSpan(file: source, start: position, end: position)
        let contextSpan = context == nil ? nil : SourceSpan(
            file: source,
            start: SourcePosition(line: parser.context_mark.line + 1, column: parser.context_mark.column + 1),
            end: SourcePosition(line: parser.context_mark.line + 1, column: parser.context_mark.column + 1))

        if problem.contains("tab") || (problem.contains("cannot start any token") && character(at: position, in: source) == "\t") {
            return Diagnostic(
                .yamlTabIndentation, "a tab character is used for indentation; YAML allows only spaces there",
                at: here, help: "replace the tab with spaces")
        }
        if problem.contains("unexpected end of stream"), let context, context.contains("quoted scalar"), let contextSpan {
            return Diagnostic(
                .yamlUnclosedQuote, "this quoted string is never closed",
                at: contextSpan,
                notes: [Diagnostic.Note("the file ends here, still inside the string", at: here)],
                help: "add the closing quote")
        }
        if problem.contains("cannot start any token"), let c = character(at: position, in: source), "@`".contains(c) {
            return Diagnostic(
                .yamlSyntax, "'\(c)' cannot start a plain YAML value",
                at: here, help: "quote the value")
        }
        var notes: [Diagnostic.Note] = []
        if let context, let contextSpan, contextSpan != here {
            notes.append(Diagnostic.Note(context, at: contextSpan))
        }
        return Diagnostic(
            .yamlSyntax, "invalid YAML: \(problem)" + (context.map { " (\($0))" } ?? ""),
            at: here, notes: notes, help: hint(for: problem))
    }

    private static func hint(for problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a ': ' inside a plain value starts a new key; quote the value"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "check the indentation: items of one list or mapping must line up"
        }
        if problem.contains("did not find expected ',' or ']'") || problem.contains("did not find expected ',' or '}'") {
            return "close the flow collection, or quote a value that contains ',', '[', ']', '{' or '}'"
        }
        if problem.contains("could not find expected ':'") {
            return "a key must be followed by ': '"
        }
        return nil
    }

    private static func character(at position: SourcePosition, in source: SourceFile) -> Character? {
        guard let line = source.line(position.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        guard position.column >= 1, position.column <= scalars.count else { return nil }
        return Character(scalars[position.column - 1])
    }
}

import SourceText

/// Turns Shore's diagnostics into LSP diagnostics: ranges in UTF-16, the code, the
/// help and unlocated notes in the message, located notes as related information,
/// and the fix Shore suggests (a did-you-mean) as `data` for the quick fix.
struct DiagnosticConversion {
    /// Documents by path, for ranges in other files (open ones, or read from the span's file).
    let documentsByPath: [String: TextDocument]
    private var lineIndexes: [String: TextDocument] = [:]

    init(documentsByPath: [String: TextDocument]) {
        self.documentsByPath = documentsByPath
    }

    /// The LSP range of a span, in whichever file it is.
    mutating func range(of span: SourceSpan) -> LSPRange {
        document(for: span.file).range(of: span, in: span.file)
    }

    mutating func uri(of span: SourceSpan) -> String {
        documentsByPath[span.path]?.uri ?? DocumentURI.uri(ofPath: span.path)
    }

    private mutating func document(for file: SourceFile) -> TextDocument {
        if let open = documentsByPath[file.path], open.bytes == file.bytes { return open }
        if let known = lineIndexes[file.path] { return known }
        let built = TextDocument(uri: DocumentURI.uri(ofPath: file.path), version: 0,
                                 text: String(decoding: file.bytes, as: UTF8.self))
        lineIndexes[file.path] = built
        return built
    }

    mutating func convert(_ diagnostic: Diagnostic) -> JSON {
        var message = diagnostic.message
        var related: [JSON] = []
        for note in diagnostic.notes {
            if let location = note.location {
                related.append(["location": ["uri": .string(uri(of: location)), "range": range(of: location).json],
                                "message": .string(note.message)])
            } else {
                message += "\nnote: " + note.message
            }
        }
        if let help = diagnostic.help { message += "\nhelp: " + help }
        let zero = LSPPosition(line: 0, character: 0)
        let place = diagnostic.location.map { range(of: $0) } ?? LSPRange(start: zero, end: zero)
        var object: [String: JSON] = [
            "range": place.json,
            "severity": .int(Self.severity(diagnostic.severity)),
            "code": .string(diagnostic.code.rawValue),
            "source": "shore",
            "message": .string(message),
        ]
        if !related.isEmpty { object["relatedInformation"] = .array(related) }
        if let fix = QuickFix.replacement(for: diagnostic) { object["data"] = ["replacement": .string(fix)] }
        return .object(object)
    }

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }
}

/// The replacement text Shore's help gives for a diagnostic ("did you mean 'GB'?",
/// "write 'GB'"), or for a YAML-split expression the expression quoted.
enum QuickFix {
    static func replacement(for diagnostic: Diagnostic) -> String? {
        if diagnostic.code == .rulesYAMLSplitExpression, let span = diagnostic.location,
           let line = span.file.line(span.start.line) {
            let rest = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(span.start.column - 1)))
            return "\"" + rest.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        guard let help = diagnostic.help else { return nil }
        for lead in ["did you mean '", "write '"] {
            guard let start = help.range(of: lead) else { continue }
            let rest = help[start.upperBound...]
            guard let end = rest.firstIndex(of: "'") else { continue }
            return String(rest[..<end])
        }
        return nil
    }

    /// The range a fix replaces: the diagnostic's, or for a split expression up to the line's end.
    static func range(for diagnostic: JSON, in document: TextDocument) -> LSPRange? {
        guard var range = LSPRange(diagnostic["range"]) else { return nil }
        if diagnostic["code"]?.string.flatMap(DiagnosticCode.named) == .rulesYAMLSplitExpression {
            range.end = LSPPosition(line: range.start.line, character: document.line(range.start.line).utf16.count)
        }
        return range
    }
}

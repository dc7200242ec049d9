import SourceText

extension ReportOptions {
    /// `path` as reports show it: relative to `workingDirectory` when it lies inside it,
    /// otherwise exactly as given.
    func displayPath(_ path: String) -> String {
        DisplayPath.relative(path, to: workingDirectory)
    }

    /// `diagnostic` with its locations' paths (and its notes') shown as `displayPath`,
    /// for renderers that print `SourceSpan.path` themselves.
    func displayed(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.location = diagnostic.location.map(displayed)
        copy.notes = diagnostic.notes.map { Diagnostic.Note($0.message, at: $0.location.map(displayed)) }
        return copy
    }

    /// `span` in a file of the same text whose path is the display path.
    func displayed(_ span: SourceSpan) -> SourceSpan {
        let shown = displayPath(span.path)
        guard shown != span.path else { return span }
        return SourceSpan(file: SourceFile(path: shown, sameTextAs: span.file), start: span.start, end: span.end)
    }
}

/// Paths as URI references (for SARIF's `artifactLocation.uri`).
enum URIReference {
    /// A relative path stays a relative reference; an absolute one becomes a `file://`
    /// URI. Every byte outside RFC 3986's unreserved set and `/` is percent-encoded.
    static func fromPath(_ path: String) -> String {
        let encoded = percentEncoded(path)
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

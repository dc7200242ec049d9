/// Renders diagnostics in compiler style:
///
/// ```
/// plans/a.yaml:4:12: error[plan.unknown-country]: unknown country code 'UK'
///    |
///  4 |   country: UK
///    |            ^^
///    = help: did you mean 'GB' (United Kingdom)?
/// ```
///
/// Messages, notes, help and the quoted source line show control and bidi characters
/// escaped (`VisibleText`), so a hostile file cannot restyle or spoof the output.
public struct DiagnosticRenderer: Sendable {
    /// Use ANSI colours (for a terminal).
    @usableFromInline var colored: Bool

    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// The whole diagnostic, with source snippets, notes and help, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = paint(diagnostic.severity.rawValue + "[\(VisibleText.escaped(diagnostic.code.rawValue))]", diagnostic.severity)
        out += ": " + VisibleText.escaped(diagnostic.message) + "\n"
        if let location = diagnostic.location {
            out = "\(VisibleText.escaped(location.path)):\(location.start.line):\(location.start.column): " + out
            out += snippet(location, severity: diagnostic.severity)
        }
        for note in diagnostic.notes {
            if let location = note.location {
                out += "note: \(VisibleText.escaped(note.message))\n  --> \(VisibleText.escaped(location.path)):\(location.start.line):\(location.start.column)\n"
                out += snippet(location, severity: .info)
            } else {
                out += "   = note: \(VisibleText.escaped(note.message))\n"
            }
        }
        if let help = diagnostic.help {
            out += "   = help: \(VisibleText.escaped(help))\n"
        }
        return out
    }

    /// All diagnostics, each followed by a blank line.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { render($0) + "\n" }.joined()
    }

    /// The source line of `span` with a caret under it, or "" when the line is unknown
    /// or the file has no text (a file that could not be read, a folder, or a file let go
    /// of and changed since it was read).
    public func snippet(_ span: SourceSpan, severity: Severity = .error) -> String {
        var out = TextBytes()
        appendSnippet(span, severity: severity, to: &out)
        return out.text
    }

    /// `snippet(span, severity:)`, written to `out`. A line of printable text in Latin
    /// letters (nearly every line of a plan) is copied from the file as it is, with no
    /// string built.
    /// Inlinable, so a reporter's own buffer type gets a version made for it.
    @inlinable
    public func appendSnippet<Out: TextAppending>(_ span: SourceSpan, severity: Severity = .error, to out: inout Out) {
        let file = span.file
        let number = span.start.line
        let gutter = number.decimalWidth + 1
        guard file.byteCount > 0, let (caretStart, caretWidth) = file.withLine(number, { wholeLine in
            out.append(byte: 0x20, count: gutter)
            out.append(byte: 0x7C)
            out.append(byte: 0x0A)
            out.append(int: number)
            out.append(byte: 0x20)
            out.append(byte: 0x7C)
            out.append(byte: 0x20)
            // A long line is shown around the span, its cut ends marked with an ellipsis.
            let part = Self.shownPart(of: wholeLine, span: span)
            let line = part.map { UnsafeBufferPointer(rebasing: wholeLine[$0.bytes]) } ?? wholeLine
            let span = part?.span ?? span
            let marked = part?.cutBefore == true ? 1 : 0
            if marked == 1 { out.append(Self.ellipsis) }
            defer { if part?.cutAfter == true { out.append(Self.ellipsis) } }
            // A line whose every character is shown as it is, one column each, is copied.
            if let length = Self.shownAsIs(line) {
                out.append(line)
                let (start, width) = Self.caretColumns(length: length, span: span)
                return (start + marked, width)
            }
            let (display, start, width) = Self.caretGeometry(line: String(decoding: line, as: UTF8.self), span: span)
            out.append(display)
            return (start + marked, width)
        }) else { return }
        out.append(byte: 0x0A)
        out.append(byte: 0x20, count: gutter)
        out.append(byte: 0x7C)
        out.append(byte: 0x20)
        out.append(byte: 0x20, count: caretStart)
        if colored { out.append(paintStart(severity)) }
        out.append(byte: 0x5E, count: caretWidth)
        if colored { out.append("\u{1B}[0m") }
        out.append(byte: 0x0A)
    }

    /// What marks where a long line is cut.
    @usableFromInline static let ellipsis = "…"
    /// A line of at most this many bytes is shown whole (every line of a plan in block
    /// style); a longer one — a plan written as one line of JSON — around its span only,
    /// so a snippet stays a line of a terminal, however long the line.
    @usableFromInline static let wholeLineBytes = 240
    /// How many characters a long line's snippet shows before the span's start, and from it on.
    @usableFromInline static let charactersBefore = 40, charactersFrom = 80

    /// The part of a long line a snippet shows: its bytes in the line, the span with its
    /// columns counted from the part's first character, and whether the line goes on
    /// before and after it.
    @usableFromInline
    struct ShownPart {
        @usableFromInline let bytes: Range<Int>
        @usableFromInline let span: SourceSpan
        @usableFromInline let cutBefore: Bool, cutAfter: Bool
    }

    /// The part of `line` (the span's start line, without its break) to show: nil when it
    /// is shown whole. The span's start is found through the file's line table
    /// (`indexInLine`), so showing a snippet costs the same anywhere on the line.
    @usableFromInline
    static func shownPart(of line: UnsafeBufferPointer<UInt8>, span: SourceSpan) -> ShownPart? {
        // The span's first byte; a column past the line's end is its end.
        guard line.count > wholeLineBytes, let located = span.file.indexInLine(of: span.start) else { return nil }
        let start = min(max(0, located), line.count)
        var from = start, before = 0
        while from > 0, before < charactersBefore {
            from -= 1
            while from > 0, line[from] & 0xC0 == 0x80 { from -= 1 }
            before += 1
        }
        var to = start, after = 0
        while to < line.count, after < charactersFrom {
            to += 1
            while to < line.count, line[to] & 0xC0 == 0x80 { to += 1 }
            after += 1
        }
        guard from > 0 || to < line.count else { return nil }
        // The part's columns: the span's start is character `before` of the part.
        let shift = span.start.column - 1 - before
        let end = span.end.line == span.start.line
            ? SourcePosition(line: span.end.line, column: max(1, span.end.column - shift)) : span.end
        return ShownPart(bytes: from..<to,
                         span: SourceSpan(file: span.file, start: SourcePosition(line: span.start.line, column: before + 1), end: end),
                         cutBefore: from > 0, cutAfter: to < line.count)
    }

    /// The number of characters of `line` when each is shown as it is and is one column
    /// on its own: printable ASCII, and U+00A0…U+02FF (Latin letters with their accents
    /// precomposed: no combining mark, which would join the character before, and no
    /// control); nil for any other line, which `caretGeometry` lays out.
    @usableFromInline
    static func shownAsIs(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var characters = 0
        var i = 0
        while i < line.count {
            let byte = line[i]
            if byte >= 0x20 && byte < 0x7F {
                i += 1
            } else if byte >= 0xC2 && byte <= 0xCB, i + 1 < line.count, line[i + 1] & 0xC0 == 0x80,
                      byte != 0xC2 || line[i + 1] >= 0xA0 {
                i += 2
            } else {
                return nil
            }
            characters += 1
        }
        return characters
    }

    /// Where the caret starts and how wide it is on a line of `length` one-column characters.
    @usableFromInline
    static func caretColumns(length: Int, span: SourceSpan) -> (Int, Int) {
        let start = span.start.column
        let startColumn = start > length ? length : max(0, start - 1)
        let end = span.end.column
        let endColumn = span.end.line == span.start.line && end >= 1 && end <= length ? end - 1 : length
        return (startColumn, max(1, endColumn - startColumn))
    }

    /// A line that is not all printable ASCII as shown: tabs expanded, unsafe characters
    /// escaped (`VisibleText`); and where the caret starts and how wide it is (at least 1;
    /// up to the end of the line when the span continues on later lines).
    @usableFromInline
    static func caretGeometry(line: String, span: SourceSpan) -> (String, Int, Int) {
        var display = ""
        var startColumn = 0
        var endColumn = -1
        var scalarIndex = 1
        for scalar in line.unicodeScalars {
            if scalarIndex == span.start.column { startColumn = display.count }
            if span.end.line == span.start.line, scalarIndex == span.end.column { endColumn = display.count }
            if scalar == "\t" {
                display += "    "
            } else if VisibleText.isUnsafe(scalar) {
                display += VisibleText.escape(scalar)
            } else {
                display.unicodeScalars.append(scalar)
            }
            scalarIndex += 1
        }
        if span.start.column >= scalarIndex { startColumn = display.count }
        if endColumn < 0 { endColumn = display.count }
        return (display, startColumn, max(1, endColumn - startColumn))
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colored else { return text }
        return paintStart(severity) + text + "\u{1B}[0m"
    }

    @usableFromInline
    func paintStart(_ severity: Severity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .info: "\u{1B}[1;36m"
        }
    }
}

import SourceText

/// Text from plans and rules made safe to print on a terminal or in a CI log: see
/// `VisibleText`. Values stay on one line; only a rule author's multi-line text
/// (`multiline`) keeps its line breaks.
enum TerminalSafeText {
    static func escaped(_ value: String) -> String {
        VisibleText.escaped(value)
    }

    static func multiline(_ value: String) -> String {
        VisibleText.escaped(value, lineBreaks: .kept)
    }
}

import CEL

/// A rule's `message`: text with `{{ CEL }}` placeholders, compiled once.
///
/// Values render for people (`ValueDisplay.message`).
public struct MessageTemplate: Sendable {
    /// A run of literal text, or a compiled placeholder.
    enum Part: Sendable {
        case text(String)
        case expression(CELProgram, source: String)
    }

    /// The template as written.
    public let text: String
    let parts: [Part]

    /// The placeholders found in `text`: each expression's source and its offset
    /// (in Unicode scalars) within `text`.
    static func placeholders(in text: String) -> (pieces: [(isExpression: Bool, text: String, offset: Int)], unclosed: Int?) {
        // Pieces are sliced out of the text, not built a scalar at a time.
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var pieces: [(Bool, String, Int)] = []
        var literalStart = scalars.startIndex
        var index = scalars.startIndex
        var offset = 0
        while index < end {
            let next = scalars.index(after: index)
            guard scalars[index] == "{", next < end, scalars[next] == "{" else {
                index = next
                offset += 1
                continue
            }
            let innerStart = scalars.index(after: next)
            var close = innerStart
            var closeOffset = offset + 2
            var closed = false
            while close < end {
                let after = scalars.index(after: close)
                if after < end, scalars[close] == "}", scalars[after] == "}" { closed = true; break }
                close = after
                closeOffset += 1
            }
            guard closed else { return (pieces, offset) }
            if literalStart < index { pieces.append((false, String(scalars[literalStart..<index]), 0)) }
            pieces.append((true, String(scalars[innerStart..<close]), offset + 2))
            index = scalars.index(close, offsetBy: 2)
            offset = closeOffset + 2
            literalStart = index
        }
        if literalStart < end { pieces.append((false, String(scalars[literalStart..<end]), 0)) }
        return (pieces, nil)
    }

    init(text: String, parts: [Part]) {
        self.text = text
        self.parts = parts
    }
}

import CEL

/// A rule's `message`: text with `{{ CEL }}` placeholders, compiled once.
///
/// Values render for people: strings as they are, lists joined with `, `, numbers
/// in CEL's literal form (`8.0`, `42`).
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
        let scalars = Array(text.unicodeScalars)
        var pieces: [(Bool, String, Int)] = []
        var literal = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                var j = i + 2
                while j + 1 < scalars.count, !(scalars[j] == "}" && scalars[j + 1] == "}") { j += 1 }
                guard j + 1 < scalars.count else { return (pieces, i) }
                if !literal.isEmpty { pieces.append((false, String(literal), 0)); literal = .init() }
                var inner = String.UnicodeScalarView()
                inner.append(contentsOf: scalars[(i + 2)..<j])
                pieces.append((true, String(inner), i + 2))
                i = j + 2
            } else {
                literal.append(scalars[i])
                i += 1
            }
        }
        if !literal.isEmpty { pieces.append((false, String(literal), 0)) }
        return (pieces, nil)
    }

    init(text: String, parts: [Part]) {
        self.text = text
        self.parts = parts
    }

    /// A value as a person reads it in a message.
    static func display(_ value: CELValue) -> String {
        switch value {
        case .string(let s): s
        case .list(let items): items.map(display).joined(separator: ", ")
        case .error(let error): "<error: \(error.message)>"
        default: value.literalDescription
        }
    }
}

import Testing
@testable import Policy

/// How a rule's message splits into text and `{{ CEL }}` placeholders; offsets count
/// Unicode scalars, as CEL's ranges do, so errors point inside non-ASCII messages.
@Suite struct MessageTemplatePlaceholderTests {
    private func pieces(_ text: String) -> [String] {
        MessageTemplate.placeholders(in: text).pieces.map { $0.isExpression ? "{\($0.text)@\($0.offset)}" : $0.text }
    }

    @Test func textAndPlaceholdersInOrder() {
        #expect(pieces("plain") == ["plain"])
        #expect(pieces("{{a}}") == ["{a@2}"])
        #expect(pieces("x {{ a.b }} y {{c}}") == ["x ", "{ a.b @4}", " y ", "{c@16}"])
        #expect(pieces("{{{a}}}") == ["{{a@2}", "}"])
        #expect(pieces("{{}}") == ["{@2}"])
        #expect(pieces("a { b } }}") == ["a { b } }}"])
    }

    @Test func offsetsCountScalars() {
        // "é" is one scalar (two UTF-8 bytes); "🇫🇷" is two scalars, one character.
        #expect(pieces("é {{x}} 🇫🇷 {{y}}") == ["é ", "{x@4}", " 🇫🇷 ", "{y@13}"])
    }

    @Test func unclosedPlaceholderIsReportedAtItsOpening() {
        #expect(MessageTemplate.placeholders(in: "ok {{a}} then {{ b }").unclosed == 14)
        #expect(MessageTemplate.placeholders(in: "é{{").unclosed == 1)
        #expect(MessageTemplate.placeholders(in: "ok {{a}}").unclosed == nil)
    }
}

import Testing
@testable import Reporters

/// How `shore explain` draws values under an expression.
@Suite("Explanation renderer")
struct ExplanationRendererTests {
    @Test func layoutPlacesValuesUnderTheirAnchors() {
        let lines = PowerAssertLayout.lines([.init(column: 0, text: "\"PH\""), .init(column: 20, text: "\"US\"")])
        #expect(lines == ["│                   │", "\"PH\"                \"US\""])
    }

    @Test func layoutStacksValuesThatWouldCollide() {
        let lines = PowerAssertLayout.lines([.init(column: 0, text: "\"a long value\""), .init(column: 5, text: "1")])
        #expect(lines == ["│    │", "│    1", "\"a long value\""])
    }

    @Test func flattenMapsOffsetsAcrossLines() {
        let (line, columns) = ExplanationRenderer.flatten("a &&\n  b")
        #expect(line == "a && b")
        #expect(columns[7] == 5)
    }
}

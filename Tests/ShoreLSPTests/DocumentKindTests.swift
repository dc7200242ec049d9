@testable import ShoreLSP
import XCTest

/// Which format an open document is, from its name and its top-level keys — also for a
/// document written as one flow mapping, as a plan exported as JSON is.
final class DocumentKindTests: XCTestCase {
    func kind(_ text: String, path: String = "/w/doc.yaml") -> DocumentKind {
        DocumentKind.of(path: path, bytes: Array(text.utf8), waiverFiles: [])
    }

    func testBlockStyleKeysAtColumnOne() {
        XCTAssertEqual(kind("plan: p\nengagements: []\n"), .plan)
        XCTAssertEqual(kind("policy: x\nrules: []\n"), .rules)
        XCTAssertEqual(kind("note: x\n  plan: nested\n"), .yaml)
    }

    func testAFlowMappingIsReadByItsOwnKeys() {
        XCTAssertEqual(kind("{\"plan\": \"p\", \"date\": \"2026-12-01\", \"engagements\": [{\"id\": \"e-1\"}]}", path: "/w/plan.json"), .plan)
        XCTAssertEqual(kind("\n  {policy: x, rules: [{id: R-1, assert: 'a: {b}'}]}"), .rules)
        XCTAssertEqual(kind("{'waivers': []}"), .waivers)
        // A key only inside a nested mapping, or inside a string, is not the document's.
        XCTAssertEqual(kind("{\"meta\": {\"plan\": \"p\"}, \"note\": \"engagements: none\"}"), .yaml)
        XCTAssertEqual(kind("{\"a\\\"plan\": 1}"), .yaml)
        // Nothing after the mapping's end is read; an unclosed mapping keeps what it has.
        XCTAssertEqual(kind("{\"x\": 1}\nplan: p\n"), .yaml)
        XCTAssertEqual(kind("{\"engagements\": [{\"id\": \"e-1\""), .plan)
    }
}

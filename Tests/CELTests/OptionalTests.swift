import Testing
@testable import CEL

/// Optional values on host objects and free-form maps, as rules use them; the cel-spec
/// `optionals` conformance tests cover the rest.
@Suite struct OptionalTests {
    static let vars: [String: CELValue] = [
        "location": .object(Location(country: "PH", overlapHours: 2, region: nil)),
        "attributes": .map(CELMap(["cost_center": "R&D"])),
    ]

    @Test(arguments: [
        ("attributes.?cost_center.orValue('none')", CELValue.string("R&D")),
        ("attributes.?budget_owner.orValue('none')", .string("none")),
        ("location.?region.orValue('none')", .string("none")),
        ("location.?country.value()", .string("PH")),
        ("location.?region.hasValue()", .bool(false)),
        ("has(attributes.?budget_owner.x)", .bool(false)),
        ("[?location.?region, ?location.?country]", .list([.string("PH")])),
        ("{?'r': location.?region, 'c': 1}", .map(CELMap(["c": .int(1)]))),
        ("attributes.?cost_center.optMap(c, c + '!').value()", .string("R&D!")),
    ])
    func evaluates(expression: String, expected: CELValue) throws {
        let program = try shoreEnv().compile(expression)
        #expect(program.evaluate(Self.vars) == expected)
    }

    /// Optional selection on a declared object keeps the field's type.
    @Test func checkedTypes() throws {
        let env = shoreEnv()
        #expect(try env.compile("location.?region").resultType == .optional(.string))
        #expect(try env.compile("location.?region.orValue('none')").resultType == .string)
        #expect(try env.compile("attributes.?x").resultType == .optional(.dyn))
        #expect(try env.compile("[optional.none(), optional.of(1)]").resultType == .list(.optional(.int)))
        let wrong = issues { _ = try env.compile("location.?region.orValue(1)") }
        #expect(wrong.first?.message.contains("no matching overload for 'orValue'") == true, "\(wrong)")
    }

    @Test(arguments: ["a.?b", "a[?b]", "[?a, b]", "{?a: b, c: d}", "a.?b.c[?0]"])
    func unparsesAsWritten(text: String) throws {
        #expect(CELUnparser.unparse(try CELParser.parse(text).expr) == text)
    }
}

import Testing
@testable import CEL

/// A host object listing its fields in a `CELFieldTable`: selections planned in an
/// expression find the field by its name's number, lookups by name by the name.
final class Gadget: CELObject {
    enum Field: String, CaseIterable, Sendable {
        case size, colorName = "color_name"
    }

    static let fields = CELFieldTable<Field>()
    let size: Int64
    let color: String?

    init(size: Int64, color: String?) {
        self.size = size
        self.color = color
    }

    var celTypeName: String { "test.Gadget" }
    func celField(_ name: String) -> CELValue? { Self.fields[name].flatMap(value) }
    func celField(_ field: CELFieldName) -> CELValue? { Self.fields[field].flatMap(value) }

    func value(_ field: Field) -> CELValue? {
        switch field {
        case .size: .int(size)
        case .colorName: color.map(CELValue.string)
        }
    }
}

@Suite struct FieldNameTests {
    @Test func equalNamesShareANumberAndOthersDoNot() {
        #expect(CELFieldName("color_name").number == CELFieldName("color_name").number)
        #expect(CELFieldName("size").number != CELFieldName("color_name").number)
        // Swift string equality: a decomposed é is the same name as the composed one.
        #expect(CELFieldName("caf\u{E9}").number == CELFieldName("cafe\u{301}").number)
    }

    @Test func aTableAnswersByNumberAsByName() {
        let gadget = Gadget(size: 3, color: nil)
        // Names numbered before and after the table was made, fields and not.
        let names = ["size", "color_name", "colour", "", "Size", "size ", "made_after_the_table_\(Int.random(in: 0..<1_000_000))"]
        for name in names {
            #expect(gadget.celField(CELFieldName(name)) == gadget.celField(name), "\(name)")
        }
        #expect(gadget.celField(CELFieldName("size")) == .int(3))
        #expect(gadget.celField(CELFieldName("color_name")) == nil)
        #expect(gadget.celField(CELFieldName("colour")) == nil)
    }

    @Test func selectionsAndHasUseTheTable() throws {
        var env = CELEnvironment()
        env.declareVariable("g", type: .dyn)
        let cases: [(String, CELValue)] = [
            ("g.size", .int(4)), ("has(g.size)", .bool(true)), ("has(g.color_name)", .bool(false)),
            ("[g].all(x, x.size == 4)", .bool(true)), ("g.color_name", .err("no such key: color_name")),
            ("g.nope", .err("no such key: nope")), ("has(g.nope)", .bool(false)),
        ]
        for (text, expected) in cases {
            let program = try env.compile(text)
            let vars: [String: CELValue] = ["g": .object(Gadget(size: 4, color: nil))]
            #expect(program.evaluate(vars) == expected, "\(text)")
            #expect(program.evaluateTraced(vars).0 == expected, "\(text) traced")
        }
    }
}

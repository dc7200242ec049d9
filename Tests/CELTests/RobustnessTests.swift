import Testing
@testable import CEL

/// Random inputs must never crash the parser, checker or evaluator.
@Suite struct RobustnessTests {
    static let pieces = [
        "1", "0u", "-", "+", "*", "/", "%", "(", ")", "[", "]", "{", "}", ",", ":", "?", ".", "!", "==", "<=", "&&", "||",
        " in ", "x", "y", "size", "has", "all", "exists", "map", "filter", "'s'", "\"\\", "b'\\xff'", "r'\\d'", "'''", "`",
        "1.5e3", "0x1F", "9223372036854775808", "null", "true", "timestamp('2020-01-01T00:00:00Z')", "duration('1h')",
        "cel.bind", "math.greatest", "'é😀'", ".split", ".substring", "(1, 2)", "int", "type", "dyn", " ", "\n", "@", "#",
    ]

    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func randomExpressionsDoNotCrash() {
        var rng = Rng(state: 42)
        var env = CELEnvironment()
        env.declareVariable("x", type: .dyn)
        env.declareVariable("y", type: .list(.int))
        var compiled = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(1 + rng.next(14)) { text += Self.pieces[rng.next(Self.pieces.count)] }
            if let ast = try? env.parse(text) {
                _ = CELUnparser.unparse(ast.expr)
                let unchecked = env.uncheckedProgram(ast)
                _ = unchecked.evaluate(["x": .int(3), "y": [1, 2, 3]], budget: 10_000)
                if let p = try? env.compile(text) {
                    compiled += 1
                    _ = p.evaluateTraced(CELActivation(["x": "a", "y": []]), budget: 10_000)
                }
            }
        }
        #expect(compiled > 0)
    }

    @Test func stringFunctionEdgeCases() throws {
        let env = CELEnvironment()
        for text in ["'abc'.substring(3)", "''.charAt(0)", "'abc'.indexOf('', 3)", "'abc'.lastIndexOf('', 0)",
                     "'aaa'.replace('', 'x')", "'a'.replace('a', 'b', 0)", "''.split('')", "'ab'.split('', 1)",
                     "'%'.format([])", "'%.'.format([1])", "'%.3'.format([1])", "duration('1.5h').getMinutes()",
                     "timestamp('2020-01-01T00:00:00.1234567891Z')", "duration('-9223372036854775808s')",
                     "duration('99999999999999999999h')", "'x'.matches('[')", "int('9223372036854775808')",
                     "timestamp('2020-13-01T00:00:00Z')", "timestamp(1).getHours('Nowhere/Zone')", "[1][-1]",
                     "{1: 2}[2]", "math.bitShiftLeft(1, 200)", "math.least([])", "-(-9223372036854775807 - 1)"] {
            _ = try env.compile(text).evaluate()
        }
    }
}

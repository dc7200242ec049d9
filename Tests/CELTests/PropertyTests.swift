import Testing
import CEL
import SeededRandom

// Seeded property tests: the SeededRandom module's SplitMix64 instead of a
// property-testing dependency, so `swift test` needs nothing new and every run sees
// the same few thousand cases (a failure names its seed and expression).

typealias SeededRandom = SplitMix64

/// Random CEL text. `typed` keeps to a grammar where every expression checks against
/// `PropertyEnv.env`; otherwise any syntax (most of it ill-typed).
struct ExpressionSource {
    var random: SeededRandom
    var bound: [String] = []
    var counter = 0

    enum Kind: CaseIterable { case int, double, string, bool, list }

    mutating func any(_ depth: Int) -> String {
        if depth <= 0 { return random.pick(["1", "-2", "3u", "2.5", "-0.5", "1e3", "'s'", "\"q\\\"\"", "b'\\xff'", "r'\\d'",
                                            "true", "false", "null", "x", "y.z", "a.b.c", "[]", "{}", "'''t'''", "0x1F"]) }
        let d = depth - 1
        switch random.below(17) {
        case 0: return "\(any(d)) \(random.pick(["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "in"])) \(any(d))"
        case 1: return "\(random.pick(["!", "-", "!!", "--"]))\(any(d))"
        case 2: return "(\(any(d)))"
        case 3: return "\(any(d)) ? \(any(d)) : \(any(d))"
        case 4: return "\(any(d)).\(random.pick(["f", "size", "`odd-name`", "exists_one"]))"
        case 5: return "\(any(d))[\(any(d))]"
        case 6: return "\(random.pick(["size", "int", "string", "f", "has", "dyn"]))(\(any(d)))"
        case 7: return "\(any(d)).\(random.pick(["startsWith", "contains", "matches", "g"]))(\(any(d)))"
        case 8: return "[\((0..<random.below(3)).map { _ in any(d) }.joined(separator: ", "))]"
        case 9: return "{\((0..<random.below(3)).map { _ in "\(any(d)): \(any(d))" }.joined(separator: ", "))}"
        case 10: return "\(any(d)).\(random.pick(["all", "exists", "exists_one", "map", "filter"]))(v, \(any(d)))"
        case 11: return "\(any(d)).map(v, \(any(d)), \(any(d)))"
        case 12: return "has(\(any(d)).f)"
        case 13: return "\(any(d)) \(random.pick(["+", "*", "&&", "||", "=="])) (\(any(d)) \(random.pick(["-", "/", "||", "&&", "<"])) \(any(d)))"
        case 14: return "a.b{f: \(any(d))}"
        case 15: return "cel.bind(w, \(any(d)), \(any(d)))"
        default: return "-\(random.pick(["1", "2.0", "x", "(1 + 2)"]))"
        }
    }

    mutating func typed(_ kind: Kind, _ depth: Int) -> String {
        let d = depth - 1
        switch kind {
        case .int:
            if depth <= 0 { return random.pick(["i", "j", "0", "1", "-7", "9223372036854775807", "-9223372036854775807"] + bound) }
            switch random.below(9) {
            case 0: return "(\(typed(.int, d)) \(random.pick(["+", "-", "*", "/", "%"])) \(typed(.int, d)))"
            case 1: return "-\(typed(.int, d))"
            case 2: return "size(\(typed(.list, d)))"
            case 3: return "\(typed(.list, d))[\(typed(.int, d))]"
            case 4: return "(\(typed(.bool, d)) ? \(typed(.int, d)) : \(typed(.int, d)))"
            case 5: return "int(\(typed(.double, d)))"
            case 6: return "size(\(typed(.string, d)))"
            case 7: return "m[\(typed(.string, d))]"
            default: return typed(.int, 0)
            }
        case .double:
            if depth <= 0 { return random.pick(["f", "0.0", "1.5", "-2.25", "1e308"]) }
            switch random.below(4) {
            case 0: return "(\(typed(.double, d)) \(random.pick(["+", "-", "*", "/"])) \(typed(.double, d)))"
            case 1: return "double(\(typed(.int, d)))"
            case 2: return "-\(typed(.double, d))"
            default: return typed(.double, 0)
            }
        case .string:
            if depth <= 0 { return random.pick(["s", "''", "'ab'", "'é'", "\"x\\ty\""]) }
            switch random.below(4) {
            case 0: return "(\(typed(.string, d)) + \(typed(.string, d)))"
            case 1: return "string(\(typed(.int, d)))"
            case 2: return "(\(typed(.bool, d)) ? \(typed(.string, d)) : \(typed(.string, d)))"
            default: return typed(.string, 0)
            }
        case .bool:
            if depth <= 0 { return random.pick(["b", "true", "false"]) }
            switch random.below(10) {
            case 0: return "(\(typed(.bool, d)) && \(typed(.bool, d)))"
            case 1: return "(\(typed(.bool, d)) || \(typed(.bool, d)))"
            case 2: return "!\(typed(.bool, d))"
            case 3: return "(\(typed(.int, d)) \(random.pick(["<", "<=", "==", "!=", ">", ">="])) \(typed(.int, d)))"
            case 4: return "(\(typed(.double, d)) < \(typed(.double, d)))"
            case 5: return "\(typed(.string, d)).startsWith(\(typed(.string, d)))"
            case 6: return "(\(typed(.int, d)) in \(typed(.list, d)))"
            case 7: return comprehension(random.pick(["all", "exists", "exists_one"]), d) { $0.typed(.bool, d) }
            case 8: return "(\(typed(.string, d)) in m)"
            default: return typed(.bool, 0)
            }
        case .list:
            if depth <= 0 { return random.pick(["l", "[]", "[1, 2, 3]"]) }
            switch random.below(5) {
            case 0: return "[\((0..<random.below(4)).map { _ in typed(.int, d) }.joined(separator: ", "))]"
            case 1: return "(\(typed(.list, d)) + \(typed(.list, d)))"
            case 2: return comprehension("map", d) { $0.typed(.int, d) }
            case 3: return comprehension("filter", d) { $0.typed(.bool, d) }
            default: return typed(.list, 0)
            }
        }
    }

    mutating func comprehension(_ macro: String, _ d: Int, body: (inout ExpressionSource) -> String) -> String {
        let range = typed(.list, d)
        let name = "v\(counter)"
        counter += 1
        bound.append(name)
        let inner = body(&self)
        bound.removeLast()
        return "\(range).\(macro)(\(name), \(inner))"
    }
}

enum PropertyEnv {
    static let env: CELEnvironment = {
        var env = CELEnvironment()
        for (name, type) in [("i", CELType.int), ("j", .int), ("f", .double), ("s", .string), ("b", .bool),
                             ("l", .list(.int)), ("m", .map(.string, .int)), ("e", .bool)] {
            env.declareVariable(name, type: type)
        }
        return env
    }()

    static func values(_ random: inout SeededRandom) -> [String: CELValue] {
        [
            "i": .int(random.pick([0, 1, -1, 7, Int64.max, Int64.min, 1 << 40])),
            "j": .int(Int64(random.below(21)) - 10),
            "f": .double(random.pick([0.0, -0.0, 1.5, .nan, .infinity, 1e308])),
            "s": .string(random.pick(["", "a", "ab", "é", "9"])),
            "b": .bool(random.below(2) == 1),
            "l": .list((0..<random.below(5)).map { _ in .int(Int64(random.below(7)) - 3) }),
            "m": .map(CELMap(["a": .int(1), "": .int(0), "é": .int(-4)])),
            // `e` is declared but never bound: reading it is an error value.
        ]
    }
}

@Suite("CEL properties (seeded)")
struct PropertyTests {
    /// unparse(parse(e)) parses again, to the same unparsed text.
    @Test func parseUnparseRoundTrip() {
        var parsed = 0
        for seed in 0..<3_000 as Range<UInt64> {
            var source = ExpressionSource(random: SeededRandom(seed: seed))
            let text = source.any(1 + Int(seed % 5))
            guard let ast = try? CELParser.parse(text) else { continue }
            parsed += 1
            let once = CELUnparser.unparse(ast.expr)
            let again: String
            do {
                again = CELUnparser.unparse(try CELParser.parse(once).expr)
            } catch {
                Issue.record("seed \(seed): \(text) unparsed to \(once), which does not parse: \(error)")
                continue
            }
            #expect(again == once, "seed \(seed): \(text)")
        }
        #expect(parsed > 1_500, "the generator should mostly produce valid syntax (\(parsed) parsed)")
    }

    /// Negations of literals the parser would fold (found by fuzz cel: `--0` unparsed
    /// to `-0`, which parses as the literal `0`).
    @Test(arguments: ["--0", "-(0)", "-(5)", "--5", "-(0.0)", "--0.0", "-(-0.0)", "-(1e3)", "- 0", "-(0u)", "-(-9223372036854775807)"])
    func negatedLiteralsRoundTrip(text: String) throws {
        let once = CELUnparser.unparse(try CELParser.parse(text).expr)
        #expect(CELUnparser.unparse(try CELParser.parse(once).expr) == once, "\(text) → \(once)")
    }

    /// The same program on the same values gives the same value, and so does the
    /// program compiled from its unparsed text.
    @Test func evaluationIsDeterministicAndSurvivesUnparsing() throws {
        for seed in 0..<2_000 as Range<UInt64> {
            var source = ExpressionSource(random: SeededRandom(seed: seed))
            let kind = source.random.pick(ExpressionSource.Kind.allCases)
            let text = source.typed(kind, 1 + Int(seed % 4))
            var random = SeededRandom(seed: seed ^ 0xABCD)
            let values = PropertyEnv.values(&random)
            let program: CELProgram
            do { program = try PropertyEnv.env.compile(text) } catch {
                Issue.record("seed \(seed): \(text) does not compile: \(error)")
                continue
            }
            let first = program.evaluate(values, budget: 100_000)
            let second = program.evaluate(values, budget: 100_000)
            #expect(first.literalDescription == second.literalDescription, "seed \(seed): \(text)")
            let recompiled = try PropertyEnv.env.compile(CELUnparser.unparse(program.ast.expr))
            let third = recompiled.evaluate(values, budget: 100_000)
            #expect(first.literalDescription == third.literalDescription, "seed \(seed): \(text)")
        }
    }

    /// `a && b` == `b && a` and `a || b` == `b || a`, errors included: false (true)
    /// absorbs an error on either side; two errors give an error.
    @Test func logicalOperatorsCommuteWithErrors() throws {
        let operands = ["true", "false", "b", "!b", "e", "1 / 0 == 1", "l[100] == 1", "m['missing'] == 1",
                        "int('x') == 1", "i + 1 > 0", "dyn(1) == true", "l.all(v, 10 / v > 0)", "f > 0.0"]
        var random = SeededRandom(seed: 7)
        var cases = 0
        for a in operands {
            for b in operands {
                for op in ["&&", "||"] {
                    let forward = try PropertyEnv.env.compile("(\(a)) \(op) (\(b))")
                    let backward = try PropertyEnv.env.compile("(\(b)) \(op) (\(a))")
                    for _ in 0..<8 {
                        let values = PropertyEnv.values(&random)
                        let x = forward.evaluate(values, budget: 100_000)
                        let y = backward.evaluate(values, budget: 100_000)
                        cases += 1
                        if x.isError || y.isError {
                            #expect(x.isError && y.isError, "\(a) \(op) \(b): \(x.literalDescription) vs \(y.literalDescription)")
                        } else {
                            #expect(x.literalDescription == y.literalDescription, "\(a) \(op) \(b)")
                        }
                        let absorbing: CELValue = op == "&&" ? .bool(false) : .bool(true)
                        let av = try PropertyEnv.env.compile(a).evaluate(values, budget: 100_000)
                        if av.literalDescription == absorbing.literalDescription {
                            #expect(x.literalDescription == absorbing.literalDescription, "\(a) absorbs \(b) under \(op)")
                        }
                    }
                }
            }
        }
        #expect(cases > 2_000)
    }
}

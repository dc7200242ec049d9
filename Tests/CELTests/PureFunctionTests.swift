import Synchronization
import Testing
import CEL

@Suite("Pure host functions")
struct PureFunctionTests {
    /// Counts calls of the host function.
    final class Calls: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    static func environment(pure: Bool, calls: Calls) -> CELEnvironment {
        var env = CELEnvironment()
        env.declareVariable("x", type: .int)
        env.declareFunction(CELFunctionDecl(name: "rank", overloads: [
            CELOverload(id: "rank_string", parameters: [.string], result: .int) { args in
                calls.add()
                guard case .string(let s) = args[0] else { return .err("rank expects a string") }
                return s == "bad" ? .err("unknown rank '\(s)'") : .int(Int64(s.count))
            },
        ], isPure: pure))
        return env
    }

    @Test func aCallOnLiteralsIsComputedOnceWhenPlanned() throws {
        let calls = Calls()
        let program = try Self.environment(pure: true, calls: calls).compile("x >= rank('abc')")
        let afterPlanning = calls.value
        for x in 0..<100 { #expect(program.evaluate(["x": .int(Int64(x))]) == .bool(x >= 3)) }
        #expect(calls.value == afterPlanning)
        // The trace still shows the call's value.
        let (_, trace) = program.evaluateTraced(CELActivation(["x": .int(1)]))
        #expect(trace.values.values.contains { $0 == .int(3) })
    }

    @Test func impureOrNonLiteralCallsRunEachTime() throws {
        let calls = Calls()
        let program = try Self.environment(pure: false, calls: calls).compile("x >= rank('abc')")
        for x in 0..<10 { _ = program.evaluate(["x": .int(Int64(x))]) }
        #expect(calls.value >= 10)
    }

    @Test func aFoldedErrorIsStillAnErrorAtEveryEvaluation() throws {
        let program = try Self.environment(pure: true, calls: Calls()).compile("x >= rank('bad')")
        #expect(program.evaluate(["x": .int(1)]).isError)
        #expect(try Self.environment(pure: true, calls: Calls()).compile("rank('bad') == 1 || true").evaluate(["x": .int(1)]) == .bool(true))
    }
}

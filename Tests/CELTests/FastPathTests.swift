import Testing
@testable import CEL

/// The planner's fast paths (all/exists loops, variable selects, operator kernels) are
/// used only in untraced plans; traced plans keep the general forms. Both must agree on
/// every value, error (message and node id) and on where the step budget runs out.
@Suite struct FastPathTests {
    static func env() -> CELEnvironment {
        var env = shoreEnv()
        for name in ["xs", "ys", "m", "n", "s", "cs", "o"] { env.declareVariable(name, type: .dyn) }
        return env
    }

    static let variableSets: [[String: CELValue]] = [
        ["xs": [1, 2, 3], "ys": [3, 4], "m": .map(CELMap(["a": 1, "b": 0])), "n": 2, "s": "B2", "cs": ["DE", "FR", "US"],
         "location": .object(Location(country: "DE", overlapHours: 3.5, region: "EU")),
         "o": .optional(of: .map(CELMap(["a": 1])))],
        ["xs": [0, "a", 2.5, .null], "ys": [], "m": .map(CELMap()), "n": 2.5, "s": "C9", "cs": [],
         "location": .object(Location(country: "PH", overlapHours: 0, region: nil)), "o": .optionalNone],
        ["xs": [true, false, true], "ys": [false], "m": [1, 2], "n": "x", "s": 3, "cs": ["PH", 1, .null],
         "location": .null, "o": .optional(of: .object(Location(country: "FR", overlapHours: 1, region: nil)))],
        ["xs": [], "ys": [.err("boom")], "m": .err("no m"), "n": .uint(7), "s": "A1", "cs": .err("no cs"),
         "location": .object(Location(country: "US", overlapHours: .nan, region: "NA")), "o": .null],
    ]

    static let expressions = [
        "xs.exists(x, x > 1)", "xs.all(x, x > 1)", "xs.all(x, 10 / x > 1)", "xs.exists(x, x)", "xs.all(x, x)",
        "xs.exists(x, ys.all(y, y != x))", "xs.all(x, ys.exists(y, y == x) || x == 1)",
        "m.exists(k, k == 'b')", "m.all(k, m[k] > 0)", "ys.exists(y, y)", "ys.all(y, y)",
        "xs.exists(x, x == 2) && ys.all(y, y > 0)", "ys.exists(x, x == n)",
        "location.country in cs", "location.region == 'EU'", "location.overlap_hours >= n",
        "location.country == s || has(location.region)", "xs.exists(x, location.country in cs)",
        "level(s) >= 3", "level(n)", "n == 2.0", "n < 2.5", "s < 'B'", "n != 1u", "n in xs", "xs.exists_one(x, x == 1)", "'DE' in cs", "'a' in m", "'x' in s",
        "location.overlap_hours < 3", "n >= 2u", "s == null",
        // A variable holding an optional: selecting on it selects on its value.
        "o.a", "o.country", "has(o.a)", "has(o.country)", "xs.exists(x, o.a == x)",
    ]

    /// List literals are constants in untraced plans (no steps charged), built per
    /// evaluation in traced ones, so with these only values are compared, not budgets
    /// (map, filter and cel.bind expand to list literals too).
    static let literalListExpressions = [
        "xs.map(x, x * 2)", "xs.filter(x, x > 1)", "cel.bind(t, xs, t.all(x, x > 0))",
        "s in ['A1', 'B2']", "s in ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'A1']",
        "n in ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 2]", "[1, 2].exists(x, x == n)",
        "['A1', 'x'].all(c, c in cs || c == s)", "[o].exists(p, p.a == 1)",
    ]

    /// `in` over a long list variable goes through a per-call-site index of the first
    /// such list; other lists, non-string members and non-string needles are scanned.
    @Test func membershipIndexMatchesScanning() throws {
        var env = CELEnvironment()
        env.declareVariable("x", type: .dyn)
        env.declareVariable("names", type: .dyn)
        let program = try env.compile("x in names")
        let first: [CELValue] = (0..<12).map { .string("c\($0)") }
        let second: [CELValue] = (6..<20).map { .string("c\($0)") }
        let mixed: [CELValue] = first + [1, 2.5, .null]
        let decomposed: [CELValue] = first + [.string("e\u{301}")]
        let needles: [CELValue] = ["c0", "c7", "c15", "c99", "", 1, 1.0, .uint(1), 2.5, .null, "é", "e\u{301}"]
        // The same contents in other storages (a parallel chunk's own copy of a named set),
        // and more long lists than one call site indexes.
        let copies: [[CELValue]] = [first.map { $0 }, second.map { $0 }]
        let many: [[CELValue]] = (0..<(MembershipIndex.maximumLists + 4)).map { n in (0..<10).map { .string("m\(n)-\($0)") } }
        for list in [first, second, first, mixed, decomposed, second, []] + copies + many + [first] + copies {
            for needle in needles {
                let expected = list.contains { equalValues(needle, $0) }
                #expect(program.evaluate(["x": needle, "names": .list(list)]) == .bool(expected), "\(needle) in \(list)")
            }
        }
    }

    /// Each storage of a long list is indexed, not only the first one seen: a named set
    /// reaches each parallel chunk of a check as that chunk's own copy.
    @Test func membershipIndexAnswersForEveryCopyOfAList() {
        let index = MembershipIndex()
        let names: [CELValue] = (0..<12).map { .string("c\($0)") }
        let copies = (0..<8).map { _ in names.map { $0 } }
        for copy in copies {
            #expect(index.contains("c3", in: copy) == true)
            #expect(index.contains("c99", in: copy) == false)
        }
        let beyond = (0..<MembershipIndex.maximumLists).map { _ in names.map { $0 } }
        let answered = beyond.filter { index.contains("c3", in: $0) != nil }.count
        #expect(answered == MembershipIndex.maximumLists - copies.count, "a call site indexes at most \(MembershipIndex.maximumLists) lists")
        let mixed: [CELValue] = names + [1]
        #expect(MembershipIndex().contains("c3", in: mixed) == nil, "a list with a member that is not a string is scanned")
    }

    static func same(_ a: CELValue, _ b: CELValue) -> Bool {
        if case .error(let x) = a, case .error(let y) = b { return x.message == y.message && x.nodeID == y.nodeID }
        if case .double(let x) = a, case .double(let y) = b, x.isNaN, y.isNaN { return true }
        return a == b
    }

    @Test func fastAndGeneralPlansAgree() throws {
        let env = Self.env()
        for text in Self.expressions {
            let program = try env.compile(text)
            for (i, vars) in Self.variableSets.enumerated() {
                for budget in [nil] + Array(0...40) as [Int?] {
                    let fast = program.evaluate(vars, budget: budget)
                    let general = program.evaluateTraced(vars, budget: budget).0
                    #expect(Self.same(fast, general), "\(text) with variables #\(i), budget \(budget.map(String.init) ?? "default"): \(fast) vs \(general)")
                }
            }
        }
        for text in Self.literalListExpressions {
            let program = try env.compile(text)
            for (i, vars) in Self.variableSets.enumerated() {
                let fast = program.evaluate(vars)
                let general = program.evaluateTraced(vars).0
                #expect(Self.same(fast, general), "\(text) with variables #\(i): \(fast) vs \(general)")
            }
        }
    }
}

/// Builds CEL expressions from the fuzzer's bytes with a small typed grammar, so that
/// nearly every input is a well-typed expression over the variables of `environment`.
public struct ExpressionGenerator {
    /// The types the grammar produces.
    public enum Kind: CaseIterable, Sendable { case int, double, string, bool, intList, stringMap }

    public var reader: ByteReader
    /// Names of comprehension variables in scope (all ints).
    var bound: [String] = []
    var nextVariable = 0
    let maxDepth: Int

    public init(_ reader: ByteReader, maxDepth: Int = 6) {
        self.reader = reader
        self.maxDepth = maxDepth
    }

    /// The declared variables and their types.
    public static let variables: [(String, CELType, Kind)] = [
        ("i", .int, .int), ("j", .int, .int), ("d", .double, .double), ("s", .string, .string),
        ("t", .string, .string), ("b", .bool, .bool), ("l", .list(.int), .intList),
        ("m", .map(.string, .int), .stringMap),
    ]

    /// An environment declaring `variables`.
    public static var environment: CELEnvironment {
        var env = CELEnvironment()
        for (name, type, _) in variables { env.declareVariable(name, type: type) }
        return env
    }

    /// Values for the variables, drawn from the reader.
    public mutating func activation() -> [String: CELValue] {
        var values: [String: CELValue] = [:]
        values["i"] = .int(reader.int64())
        values["j"] = .int(reader.int64())
        values["d"] = .double(reader.double())
        values["s"] = .string(reader.string())
        values["t"] = .string(reader.string())
        values["b"] = .bool(reader.bool())
        values["l"] = .list((0..<reader.below(6)).map { _ in .int(reader.int64()) })
        var map = CELMap()
        for _ in 0..<reader.below(4) { _ = map.insert(.string(reader.string()), .int(reader.int64())) }
        values["m"] = .map(map)
        return values
    }

    public mutating func expression(_ kind: Kind) -> String { gen(kind, depth: 0) }

    mutating func gen(_ kind: Kind, depth: Int) -> String {
        let leaf = depth >= maxDepth || reader.isAtEnd
        switch kind {
        case .int: return leaf ? intLeaf() : intNode(depth + 1)
        case .double: return leaf ? doubleLeaf() : doubleNode(depth + 1)
        case .string: return leaf ? stringLeaf() : stringNode(depth + 1)
        case .bool: return leaf ? boolLeaf() : boolNode(depth + 1)
        case .intList: return leaf ? "l" : listNode(depth + 1)
        case .stringMap: return leaf ? "m" : mapNode(depth + 1)
        }
    }

    mutating func intLeaf() -> String {
        switch reader.below(5 + bound.count) {
        case 0: return "i"
        case 1: return "j"
        case 2: return String(reader.int64() / 2)   // never Int64.min: its literal does not parse
        case 3: return String(reader.below(10))
        case 4: return "-" + String(reader.below(10))
        case let n: return bound[n - 5]
        }
    }

    mutating func intNode(_ d: Int) -> String {
        switch reader.below(25) {
        case 0: return "(\(gen(.int, depth: d)) + \(gen(.int, depth: d)))"
        case 1: return "(\(gen(.int, depth: d)) - \(gen(.int, depth: d)))"
        case 2: return "(\(gen(.int, depth: d)) * \(gen(.int, depth: d)))"
        case 3: return "(\(gen(.int, depth: d)) / \(gen(.int, depth: d)))"
        case 4: return "(\(gen(.int, depth: d)) % \(gen(.int, depth: d)))"
        case 5: return "-\(gen(.int, depth: d))"
        case 6: return "size(\(gen(.string, depth: d)))"
        case 7: return "size(\(gen(.intList, depth: d)))"
        case 8: return "\(gen(.intList, depth: d))[\(gen(.int, depth: d))]"
        case 9: return "\(gen(.stringMap, depth: d))[\(gen(.string, depth: d))]"
        case 10: return "(\(gen(.bool, depth: d)) ? \(gen(.int, depth: d)) : \(gen(.int, depth: d)))"
        case 11: return "int(\(gen(.double, depth: d)))"
        case 12: return "int(\(gen(.string, depth: d)))"
        case 13: return "math.abs(\(gen(.int, depth: d)))"
        case 14: return "\(gen(.string, depth: d)).indexOf(\(gen(.string, depth: d)))"
        case 15: return "\(gen(.string, depth: d)).lastIndexOf(\(gen(.string, depth: d)))"
        case 16: return "math.\(["bitShiftLeft", "bitShiftRight", "bitAnd", "bitXor"][reader.below(4)])(\(gen(.int, depth: d)), \(gen(.int, depth: d)))"
        case 17: return "math.greatest(\(gen(.int, depth: d)), \(gen(.int, depth: d)))"
        case 18: return "\(timestamp()).\(["getFullYear", "getDayOfYear", "getHours", "getMilliseconds"][reader.below(4)])(\(reader.bool() ? "" : "'Asia/Manila'"))"
        case 19: return "(\(timestamp()) - \(timestamp())).getSeconds()"
        case 20: return "int(\(timestamp()) + \(duration()))"
        // Optional values: absent keys and indexes, and their defaults.
        case 21: return "\(gen(.stringMap, depth: d))[?\(gen(.string, depth: d))].orValue(\(gen(.int, depth: d)))"
        case 22: return "\(gen(.intList, depth: d))[?\(gen(.int, depth: d))].orValue(\(gen(.int, depth: d)))"
        case 23: return "optional.ofNonZeroValue(\(gen(.int, depth: d))).or(optional.of(\(gen(.int, depth: d)))).value()"
        default: return "size(\(gen(.string, depth: d)).split(\(gen(.string, depth: d))))"
        }
    }

    mutating func timestamp() -> String {
        ["timestamp('2027-01-01T00:00:00Z')", "timestamp('9999-12-31T23:59:59.999999999Z')", "timestamp('0001-01-01T00:00:00Z')",
         "timestamp(s)", "timestamp(i)", "timestamp('2027-02-30T00:00:00+14:00')"][reader.below(6)]
    }

    mutating func duration() -> String {
        ["duration('1h')", "duration('-5m30.5s')", "duration('999999999999h')", "duration(s)", "duration('315576000000s')"][reader.below(5)]
    }

    mutating func doubleLeaf() -> String {
        switch reader.below(4) {
        case 0: return "d"
        case 1: return "1.5"
        case 2: return "0.0"
        default: return "1e308"
        }
    }

    mutating func doubleNode(_ d: Int) -> String {
        switch reader.below(6) {
        case 0: return "(\(gen(.double, depth: d)) + \(gen(.double, depth: d)))"
        case 1: return "(\(gen(.double, depth: d)) * \(gen(.double, depth: d)))"
        case 2: return "(\(gen(.double, depth: d)) / \(gen(.double, depth: d)))"
        case 3: return "double(\(gen(.int, depth: d)))"
        case 4: return "-\(gen(.double, depth: d))"
        default: return "double(\(gen(.string, depth: d)))"
        }
    }

    mutating func stringLeaf() -> String {
        switch reader.below(5) {
        case 0: return "s"
        case 1: return "t"
        case 2: return "''"
        case 3: return "'a'"
        default: return "\"é\\n\""
        }
    }

    mutating func stringNode(_ d: Int) -> String {
        switch reader.below(16) {
        case 0: return "(\(gen(.string, depth: d)) + \(gen(.string, depth: d)))"
        case 1: return "string(\(gen(.int, depth: d)))"
        case 2: return "string(\(gen(.double, depth: d)))"
        case 3: return "(\(gen(.bool, depth: d)) ? \(gen(.string, depth: d)) : \(gen(.string, depth: d)))"
        case 4: return "\(gen(.string, depth: d)).substring(\(gen(.int, depth: d)))"
        case 5: return "\(gen(.string, depth: d)).lowerAscii()"
        case 6: return "\(gen(.string, depth: d)).replace(\(gen(.string, depth: d)), \(gen(.string, depth: d)))"
        case 7: return "\(gen(.string, depth: d)).split(\(gen(.string, depth: d))).join(\(gen(.string, depth: d)))"
        case 8:
            let formats = ["'%d'", "'%s|%s'", "'%.3f'", "'%x'", "'%.99999999999999999999f'", "'%'", "'%e'", "'%b'", "'%o'", "'%%'", "s"]
            return "\(formats[reader.below(formats.count)]).format([\(gen(.int, depth: d)), \(gen(.string, depth: d))])"
        case 9: return "\(gen(.string, depth: d)).charAt(\(gen(.int, depth: d)))"
        case 10: return "\(gen(.string, depth: d)).trim().reverse().upperAscii()"
        case 11: return "strings.quote(\(gen(.string, depth: d)))"
        case 12: return "string(\(timestamp()))"
        case 13: return "string(\(duration()))"
        case 14: return "\(gen(.string, depth: d)).substring(\(gen(.int, depth: d)), \(gen(.int, depth: d)))"
        default: return "string(bytes(\(gen(.string, depth: d))))"
        }
    }

    mutating func boolLeaf() -> String {
        switch reader.below(3) {
        case 0: return "b"
        case 1: return "true"
        default: return "false"
        }
    }

    mutating func boolNode(_ d: Int) -> String {
        switch reader.below(16) {
        case 0: return "(\(gen(.bool, depth: d)) && \(gen(.bool, depth: d)))"
        case 1: return "(\(gen(.bool, depth: d)) || \(gen(.bool, depth: d)))"
        case 2: return "!\(gen(.bool, depth: d))"
        case 3: return "(\(gen(.int, depth: d)) < \(gen(.int, depth: d)))"
        case 4: return "(\(gen(.int, depth: d)) == \(gen(.int, depth: d)))"
        case 5: return "(\(gen(.double, depth: d)) <= \(gen(.double, depth: d)))"
        case 6: return "(\(gen(.string, depth: d)) == \(gen(.string, depth: d)))"
        case 7: return "\(gen(.string, depth: d)).startsWith(\(gen(.string, depth: d)))"
        case 8: return "\(gen(.string, depth: d)).contains(\(gen(.string, depth: d)))"
        case 9: return "(\(gen(.int, depth: d)) in \(gen(.intList, depth: d)))"
        case 10: return "(\(gen(.string, depth: d)) in \(gen(.stringMap, depth: d)))"
        case 11: return comprehension("all", d)
        case 12: return comprehension("exists", d)
        case 13: return comprehension("exists_one", d)
        case 14: return "has(\(gen(.stringMap, depth: d)).a)"
        default: return "\(gen(.string, depth: d)).matches(\(["'a+'", "'^(a+)+$'", "'[a-z]*'", "'('"][reader.below(4)]))"
        }
    }

    mutating func comprehension(_ macro: String, _ d: Int) -> String {
        let range = gen(.intList, depth: d)
        let name = "x\(nextVariable)"
        nextVariable += 1
        bound.append(name)
        defer { bound.removeLast() }
        return "\(range).\(macro)(\(name), \(gen(.bool, depth: d)))"
    }

    mutating func listNode(_ d: Int) -> String {
        switch reader.below(6) {
        case 0: return "[\((0..<reader.below(4)).map { _ in gen(.int, depth: d) }.joined(separator: ", "))]"
        case 1: return "(\(gen(.intList, depth: d)) + \(gen(.intList, depth: d)))"
        case 2:
            let range = gen(.intList, depth: d)
            let name = "x\(nextVariable)"
            nextVariable += 1
            bound.append(name)
            defer { bound.removeLast() }
            return "\(range).map(\(name), \(gen(.int, depth: d)))"
        case 3:
            let range = gen(.intList, depth: d)
            let name = "x\(nextVariable)"
            nextVariable += 1
            bound.append(name)
            defer { bound.removeLast() }
            return "\(range).filter(\(name), \(gen(.bool, depth: d)))"
        case 4: return "[?\(gen(.intList, depth: d))[?\(gen(.int, depth: d))], \(gen(.int, depth: d))]"
        default: return "l"
        }
    }

    mutating func mapNode(_ d: Int) -> String {
        switch reader.below(4) {
        case 0: return "{'a': \(gen(.int, depth: d)), 'b': \(gen(.int, depth: d))}"
        case 2: return "{?'a': \(gen(.stringMap, depth: d)).?b, 'c': \(gen(.int, depth: d))}"
        case 1: return "{\(gen(.string, depth: d)): \(gen(.int, depth: d))}"
        default: return "m"
        }
    }
}

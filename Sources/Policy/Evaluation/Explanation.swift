import CEL

/// The values behind a failed assert, for the "because" lines of a finding:
/// `location.country == company.country` ↦ `"PH" == "US"`.
///
/// Planned once per rule: the operands of a top-level comparison (or, for any other
/// assert, each plan field it reads) are programs of their own, so explaining a finding
/// costs a few small evaluations, not a traced re-run.
struct Explanation {
    private enum Shape {
        case comparison(text: String, op: String, lhs: RuleProgram.Bound, rhs: RuleProgram.Bound)
        case fields([(text: String, value: RuleProgram.Bound)])
    }

    private static let operators: [String: String] = [
        "_==_": "==", "_!=_": "!=", "_<_": "<", "_<=_": "<=", "_>_": ">", "_>=_": ">=",
        "@in": "in", "_&&_": "&&", "_||_": "||",
    ]

    private let shape: Shape

    /// Plans the operands (or fields) as sub-programs of `assert`: the checked expression
    /// is reused, nothing is checked or planned from text again.
    init(_ assert: CELProgram, scope: RuleScope, sets: [String: CELValue]) {
        let text = Array(assert.ast.source.unicodeScalars)
        func source(_ expr: CELExpr) -> String {
            let start = max(0, min(expr.range.start, text.count)), end = max(start, min(expr.range.end, text.count))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: text[start..<end])
            return String(view)
        }
        func bound(_ expr: CELExpr) -> RuleProgram.Bound {
            RuleProgram.Bound(assert.subprogram(expr), scope: scope, sets: sets)
        }
        // An operand is shown as one value only when its recorded text is a whole
        // expression on its own: `!(a in b)` is recorded without its `)`, and such an
        // assert is shown by its fields instead. Parsing the text is the test; the
        // operand's program is still the checked sub-expression's.
        func isWhole(_ expr: CELExpr) -> Bool { (try? CELParser.parse(source(expr))) != nil }
        let root = assert.ast.expr
        if case .call(nil, let function, let args) = root.kind, let op = Self.operators[function], args.count == 2,
           isWhole(args[0]), isWhole(args[1]) {
            shape = .comparison(text: source(root), op: op, lhs: bound(args[0]), rhs: bound(args[1]))
            return
        }
        var seen = Set<String>()
        var fields: [(String, RuleProgram.Bound)] = []
        root.walk { expr in
            // Only a variable this scope binds: elsewhere the name is a macro's own variable.
            guard case .select(let operand, _, false) = expr.kind, case .ident(let name) = operand.kind,
                  PolicyEnvironment.scopeVariables.contains(name), Binding(name, in: scope) != nil else { return }
            let written = source(expr)
            if seen.insert(written).inserted { fields.append((written, bound(expr))) }
        }
        shape = .fields(fields)
    }

    /// The "because" lines for `subject`. Lines that come out the same share one array
    /// (kept in `cache`, one per rule and thread), and an operand that reads only named
    /// sets is shown once: `location.country in approved` lists `approved` a single time.
    /// The lines are looked up by the values of the operands that read the plan (a
    /// string, number, bool or list of strings as it is, anything else as shown; no
    /// array is made for one or two such operands), and shown and built only when the
    /// cache does not hold them.
    func because(_ subjects: PlanSubjects, _ subject: Subject, budget: Int, slots: inout [CELValue],
                 cache: inout Cache) -> [Because] {
        var key = Cache.Key()
        func show(_ bound: RuleProgram.Bound, _ operand: Int) {
            if bound.isConstant {
                if operand < cache.constants.count, cache.constants[operand] != nil { return }
                let shown = ValueDisplay.summary(bound.evaluate(subjects, subject, budget: budget, slots: &slots))
                if operand >= cache.constants.count {
                    cache.constants += [String?](repeating: nil, count: operand + 1 - cache.constants.count)
                }
                cache.constants[operand] = shown
            } else {
                key.add(Cache.Operand(bound.evaluate(subjects, subject, budget: budget, slots: &slots)))
            }
        }
        switch shape {
        case .comparison(_, _, let lhs, let rhs):
            show(lhs, 0)
            show(rhs, 1)
        case .fields(let fields):
            for operand in fields.indices { show(fields[operand].value, operand) }
        }
        if let lines = cache.lines(for: key) { return lines }
        // The operands' shown values in order: a constant's from the cache, the others' from the key.
        var read = 0
        func shown(_ bound: RuleProgram.Bound, _ operand: Int) -> String {
            if bound.isConstant { return cache.constants[operand] ?? "" }
            defer { read += 1 }
            return key[read].shown
        }
        let lines: [Because]
        switch shape {
        case .comparison(let text, let op, let lhs, let rhs):
            let left = shown(lhs, 0), right = shown(rhs, 1)
            lines = [Because(expression: text, value: "\(left) \(op) \(right)")]
        case .fields(let fields):
            lines = fields.indices.map { Because(expression: fields[$0].text, value: shown(fields[$0].value, $0)) }
        }
        cache.keep(lines, for: key)
        return lines
    }

    /// What one thread has already worked out for one rule's findings.
    struct Cache {
        /// The shown value of each operand that reads only named sets, by operand number.
        fileprivate var constants: [String?] = []
        /// The lines made so far, by the values of the operands that read the plan, in a
        /// `SlotTable`: a lookup is a hash and one comparison, and the table never grows,
        /// however many different values a plan has (64 slots: a table per rule and
        /// thread, so small enough for a hundred rules).
        private var table: SlotTable<(key: Key, lines: [Because])>

        init(slotCount: Int = 64) {
            table = SlotTable(slotCount: slotCount)
        }

        fileprivate func lines(for key: Key) -> [Because]? {
            table.withEntry(for: key.hash, where: { $0.key == key }, \.lines)
        }

        fileprivate mutating func keep(_ lines: [Because], for key: Key) {
            table.keep((key, lines), for: key.hash)
        }

        /// The values of the operands that read the plan, in order, and their hash: the
        /// first two held on their own, so the usual one or two operands cost no array.
        fileprivate struct Key: Equatable {
            private var first: Operand?, second: Operand?
            private var more: [Operand] = []
            private(set) var hash: UInt64 = 0

            mutating func add(_ value: Operand) {
                hash = Self.mix(hash, value.hash)
                if first == nil { first = value } else if second == nil { second = value } else { more.append(value) }
            }

            subscript(position: Int) -> Operand {
                switch position {
                case 0: first ?? .shown("")
                case 1: second ?? .shown("")
                default: more[position - 2]
                }
            }

            static func == (a: Key, b: Key) -> Bool {
                a.hash == b.hash && a.first == b.first && a.second == b.second && a.more == b.more
            }

            /// One step of the key's hash (a multiply and a fold: spreads the bits of
            /// `word` over the slot number's low bits).
            static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
                let product = ((hash ^ word) &+ 0x9E37_79B9_7F4A_7C15).multipliedFullWidth(by: 0xD6E8_FEB8_6659_FD93)
                return product.high ^ product.low
            }
        }

        /// An operand's value as a key: a string by its bytes, a number or bool by its
        /// type and bits, a list of strings as it is (not copied), anything else by how
        /// it is shown. Two values are the same key only when they show the same.
        fileprivate enum Operand: Equatable {
            case string(String)
            case scalar(Scalar, bits: UInt64)
            /// A list whose items are all strings.
            case strings([CELValue])
            case shown(String)

            enum Scalar: UInt64 { case int = 1, uint, double, bool }

            init(_ value: CELValue) {
                switch value {
                case .string(let text): self = .string(text)
                case .int(let number): self = .scalar(.int, bits: UInt64(bitPattern: number))
                case .uint(let number): self = .scalar(.uint, bits: number)
                case .double(let number): self = .scalar(.double, bits: number.bitPattern)
                case .bool(let flag): self = .scalar(.bool, bits: flag ? 1 : 0)
                case .list(let items) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
                    self = .strings(items)
                default: self = .shown(ValueDisplay.summary(value))
                }
            }

            /// The value as a finding's `because` shows it (`ValueDisplay.summary`).
            var shown: String {
                switch self {
                case .string(let text): ValueDisplay.summary(.string(text))
                case .scalar(.int, let bits): ValueDisplay.summary(.int(Int64(bitPattern: bits)))
                case .scalar(.uint, let bits): ValueDisplay.summary(.uint(bits))
                case .scalar(.double, let bits): ValueDisplay.summary(.double(Double(bitPattern: bits)))
                case .scalar(.bool, let bits): ValueDisplay.summary(.bool(bits != 0))
                case .strings(let items): ValueDisplay.summary(.list(items))
                case .shown(let text): text
                }
            }

            var hash: UInt64 {
                switch self {
                case .string(let text): Self.hash(text, 0x5354)
                case .scalar(let kind, let bits): Key.mix(kind.rawValue, bits)
                case .strings(let items):
                    items.reduce(Key.mix(0x4C53, UInt64(items.count))) { hash, item in
                        if case .string(let text) = item { Key.mix(hash, Self.hash(text, 0)) } else { hash }
                    }
                case .shown(let text): Self.hash(text, 0x5348)
                }
            }

            /// The hash of a text's UTF-8 bytes, eight at a time.
            static func hash(_ text: String, _ seed: UInt64) -> UInt64 {
                var text = text
                return text.withUTF8 { bytes in
                    var hash = Key.mix(seed, UInt64(bytes.count))
                    guard let base = bytes.baseAddress else { return hash }
                    var index = 0
                    while index + 8 <= bytes.count {
                        hash = Key.mix(hash, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                        index += 8
                    }
                    if index < bytes.count {
                        var last: UInt64 = 0
                        for i in index..<bytes.count { last = last << 8 | UInt64(base[i]) }
                        hash = Key.mix(hash, last)
                    }
                    return hash
                }
            }

            static func == (a: Operand, b: Operand) -> Bool {
                switch (a, b) {
                case (.string(let x), .string(let y)), (.shown(let x), .shown(let y)): return sameScalars(x, y)
                case (.scalar(let k, let x), .scalar(let l, let y)): return k == l && x == y
                case (.strings(let x), .strings(let y)):
                    guard x.count == y.count else { return false }
                    for (p, q) in zip(x, y) {
                        guard case .string(let s) = p, case .string(let t) = q, sameScalars(s, t) else { return false }
                    }
                    return true
                default: return false
                }
            }
        }
    }
}

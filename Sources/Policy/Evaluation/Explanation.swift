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
    /// string, number or bool as it is, anything else as shown; no array is made for one
    /// such operand), and shown and built only the first time.
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
                key.add(Cache.Value(bound.evaluate(subjects, subject, budget: budget, slots: &slots)))
            }
        }
        switch shape {
        case .comparison(_, _, let lhs, let rhs):
            show(lhs, 0)
            show(rhs, 1)
        case .fields(let fields):
            for operand in fields.indices { show(fields[operand].value, operand) }
        }
        if let lines = cache.lines[key] { return lines }
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
        cache.lines[key] = lines
        return lines
    }

    /// What one thread has already worked out for one rule's findings.
    struct Cache {
        /// The shown value of each operand that reads only named sets, by operand number.
        fileprivate var constants: [String?] = []
        /// The lines made so far, by the values of the operands that read the plan.
        fileprivate var lines: [Key: [Because]] = [:]

        /// The values of the operands that read the plan, in order: the first held on its
        /// own, so the usual single operand costs no array.
        fileprivate struct Key: Hashable {
            private var first: Value?
            private var more: [Value] = []

            mutating func add(_ value: Value) {
                if first == nil { first = value } else { more.append(value) }
            }

            subscript(position: Int) -> Value { position == 0 ? first ?? .shown("") : more[position - 1] }
        }

        /// An operand's value as a key: a string, number, bool or list of strings as it is
        /// (two values are the same key only when they show the same: the same type and
        /// the same bits), anything else by how it is shown.
        fileprivate enum Value: Hashable {
            case string(String), int(Int64), uint(UInt64), double(bits: UInt64), bool(Bool)
            case strings([String])
            case shown(String)

            init(_ value: CELValue) {
                switch value {
                case .string(let text): self = .string(text)
                case .int(let number): self = .int(number)
                case .uint(let number): self = .uint(number)
                case .double(let number): self = .double(bits: number.bitPattern)
                case .bool(let flag): self = .bool(flag)
                case .list(let items):
                    var strings: [String] = []
                    strings.reserveCapacity(items.count)
                    for item in items {
                        guard case .string(let text) = item else { self = .shown(ValueDisplay.summary(value)); return }
                        strings.append(text)
                    }
                    self = .strings(strings)
                default: self = .shown(ValueDisplay.summary(value))
                }
            }

            /// The value as a finding's `because` shows it (`ValueDisplay.summary`).
            var shown: String {
                switch self {
                case .string(let text): ValueDisplay.summary(.string(text))
                case .int(let number): ValueDisplay.summary(.int(number))
                case .uint(let number): ValueDisplay.summary(.uint(number))
                case .double(let bits): ValueDisplay.summary(.double(Double(bitPattern: bits)))
                case .bool(let flag): ValueDisplay.summary(.bool(flag))
                case .strings(let texts): ValueDisplay.summary(.list(texts.map { .string($0) }))
                case .shown(let text): text
                }
            }
        }
    }
}

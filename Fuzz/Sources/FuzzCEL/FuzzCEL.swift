import FuzzSupport

let environment = ExpressionGenerator.environment

/// CEL on random well-typed expressions over random values. Oracles: the expression
/// compiles; evaluation is deterministic, bounded by the budget, and of the checked type
/// (or an error); the traced evaluation agrees; the unparsed text parses back to itself
/// and evaluates to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var generator = ExpressionGenerator(ByteReader(Array(UnsafeBufferPointer(start: data, count: size))))
    let kind = ExpressionGenerator.Kind.allCases[generator.reader.below(ExpressionGenerator.Kind.allCases.count)]
    let values = generator.activation()
    let text = generator.expression(kind)
    let program: CELProgram
    do {
        program = try environment.compile(text)
    } catch {
        require(false, "a generated expression does not compile: \(text)\n\(error)")
        return 0
    }
    let first = program.evaluate(values, budget: FuzzLimits.budget)
    let second = program.evaluate(values, budget: FuzzLimits.budget)
    require(first.literalDescription == second.literalDescription,
            "not deterministic: \(text) gave \(first.literalDescription) then \(second.literalDescription)")
    let (traced, _) = program.evaluateTraced(CELActivation(values), budget: FuzzLimits.budget)
    require(first.literalDescription == traced.literalDescription,
            "traced evaluation differs: \(text) gave \(first.literalDescription) vs \(traced.literalDescription)")
    if !first.isError {
        let expected: CELType = switch kind {
        case .int: .int
        case .double: .double
        case .string: .string
        case .bool: .bool
        case .intList: .list(.dyn)
        case .stringMap: .map(.dyn, .dyn)
        }
        require(first.celType == expected, "\(text) has type \(program.resultType) but gave \(first.literalDescription)")
    }

    // && and || commute, errors included (CEL's absorption: false && error is false).
    if kind == .bool {
        let other = generator.expression(.bool)
        for op in ["&&", "||"] {
            guard let ab = try? environment.compile("(\(text)) \(op) (\(other))"),
                  let ba = try? environment.compile("(\(other)) \(op) (\(text))") else {
                require(false, "a generated conjunction does not compile: \(text) \(op) \(other)")
                return 0
            }
            let x = ab.evaluate(values, budget: FuzzLimits.budget)
            let y = ba.evaluate(values, budget: FuzzLimits.budget)
            if x.isError || y.isError {
                // A budget error can depend on the order (one side may run out first).
                let budget = x.literalDescription.contains("cost limit") || y.literalDescription.contains("cost limit")
                require(budget || (x.isError && y.isError), "\(text) \(op) \(other): \(x.literalDescription) vs \(y.literalDescription)")
            } else {
                require(x.literalDescription == y.literalDescription, "\(text) \(op) \(other) does not commute")
            }
        }
    }

    // Round trip through the unparser.
    let unparsed = CELUnparser.unparse(program.ast.expr)
    let reparsed: CELProgram
    do {
        reparsed = try environment.compile(unparsed)
    } catch {
        require(false, "unparsed text does not compile: \(text) → \(unparsed)\n\(error)")
        return 0
    }
    require(CELUnparser.unparse(reparsed.ast.expr) == unparsed, "unparse is not stable: \(text) → \(unparsed)")
    let again = reparsed.evaluate(values, budget: FuzzLimits.budget)
    if !(first.isError && again.isError) {
        require(first.literalDescription == again.literalDescription,
                "unparsed text evaluates differently: \(text) → \(unparsed): \(first.literalDescription) vs \(again.literalDescription)")
    }
    return 0
}

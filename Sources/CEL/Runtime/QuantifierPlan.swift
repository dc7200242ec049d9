/// The `all` and `exists` macros, recognized by the shape of their expansion and
/// planned as a plain loop: no accumulator slot, no closures for the loop condition
/// and step. Results, errors and step counts are those of the general comprehension:
/// per element one step for the loop, one for `&&` / `||`, and for `exists` one for
/// the `!_` of its loop condition (also charged when that condition stops the loop).
/// Traced plans keep the general form, so every node's value is still recorded.
enum Quantifier {
    case all, exists

    /// The predicate of an `all(x, p)` or `exists(x, p)` expansion, or nil for any other comprehension.
    init?(_ comp: CELComprehension) {
        guard comp.iterVar2 == nil else { return nil }
        let accu = comp.accuVar
        func isAccu(_ e: CELExpr) -> Bool {
            if case .ident(let n) = e.kind { return n == accu }
            return false
        }
        guard isAccu(comp.result),
              case .literal(.bool(let initial)) = comp.accuInit.kind,
              case .call(nil, "@not_strictly_false", let condArgs) = comp.loopCondition.kind, condArgs.count == 1,
              case .call(nil, let stepName, let stepArgs) = comp.loopStep.kind, stepArgs.count == 2, isAccu(stepArgs[0])
        else { return nil }
        // The predicate must not read the accumulator (macros never let it).
        if Quantifier.reads(accu, stepArgs[1]) { return nil }
        if initial, stepName == "_&&_", isAccu(condArgs[0]) {
            self = .all
        } else if !initial, stepName == "_||_", case .call(nil, "!_", let notArgs) = condArgs[0].kind,
                  notArgs.count == 1, isAccu(notArgs[0]) {
            self = .exists
        } else {
            return nil
        }
    }
}

extension Quantifier {
    /// Whether `e` reads the variable `name` (not counting nested comprehensions that rebind it).
    static func reads(_ name: String, _ e: CELExpr) -> Bool {
        switch e.kind {
        case .ident(let n): return n == name
        case .comprehension(let c):
            if reads(name, c.iterRange) || reads(name, c.accuInit) { return true }
            if c.accuVar == name || c.iterVar == name || c.iterVar2 == name { return false }
            return reads(name, c.loopCondition) || reads(name, c.loopStep) || reads(name, c.result)
        default:
            return e.children.contains { reads(name, $0) }
        }
    }
}

extension Planner {
    mutating func planQuantifier(_ q: Quantifier, _ comp: CELComprehension, _ id: Int) -> Eval {
        guard case .call(_, _, let stepArgs) = comp.loopStep.kind else { return { _ in .err("internal: quantifier", id) } }
        let stepID = comp.loopStep.id
        let range = planNode(comp.iterRange)
        _ = pushLocals([comp.accuVar])  // keeps slot numbering and scoping as in the general form
        let slot = pushLocals([comp.iterVar])[0]
        let predicate = planNode(stepArgs[1])
        locals.removeLast()
        locals.removeLast()
        let isAll = q == .all
        let opName = isAll ? "_&&_" : "_||_"
        return { c in
            let r = range(&c)
            switch r {
            case .error: return r
            case .list(let l): return Planner.quantify(l, isAll, slot, predicate, opName, id, stepID, &c)
            case .map(let m): return Planner.quantify(m.keys, isAll, slot, predicate, opName, id, stepID, &c)
            default: return .err("expression of type '\(r.celType)' cannot be iterated", id)
            }
        }
    }

    /// The loop of `all` (`isAll`) or `exists` over `elements`.
    @inline(__always)
    static func quantify(_ elements: [CELValue], _ isAll: Bool, _ slot: Int, _ predicate: Eval,
                         _ opName: String, _ id: Int, _ stepID: Int, _ c: inout EvalContext) -> CELValue {
        // The accumulator: `all` starts true, `exists` false; it stays a bool or an error.
        var accu = CELValue.bool(isAll)
        let extra = isAll ? 1 : 2  // `&&`, or `!_` and `||`
        for i in elements.indices {
            guard c.tick() else { return .err(costLimitMessage, id) }
            if case .bool(let b) = accu, b != isAll {
                // The loop condition stops here (`exists` charged its `!_` first).
                if !isAll, !c.tick() { return .err(costLimitMessage, id) }
                break
            }
            guard c.tick(extra) else { return .err(costLimitMessage, id) }
            c.locals[slot] = elements[i]
            let p = predicate(&c)
            // accu && p  /  accu || p, with accu not yet decided.
            if case .bool(let y) = p {
                if y != isAll { accu = p; continue }
                if case .bool = accu { accu = p }  // stays undecided
                continue
            }
            if case .error = accu { continue }
            if case .error = p { accu = p; continue }
            accu = .err("no matching overload for '\(opName)'", stepID)
        }
        return accu
    }
}

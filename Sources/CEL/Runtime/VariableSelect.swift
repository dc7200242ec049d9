/// `x.field` where `x` is a variable: the field is selected straight from the variable's
/// slot, without a closure call and a copy for the variable itself. Results and error
/// node ids are those of the general select over a variable read.
extension Planner {
    func planVariableSelect(_ operand: CELExpr, _ field: CELFieldName, _ id: Int) -> Eval? {
        guard case .ident(let name) = operand.kind else { return nil }
        if let s = localSlot(name) {
            return { c in
                guard c.tick() else { return .err(costLimitMessage, id) }
                if case .object(let object) = c.locals[s], !CELOptional.isOptional(object) {
                    return Planner.withID(object.celField(field) ?? .err("no such key: \(field.name)"), id)
                }
                return Planner.withID(Operators.select(c.locals[s], field.name), id)
            }
        }
        guard case .variable(let n)? = references?[operand.id], let s = globalIndex[n] else { return nil }
        let operandID = operand.id
        return { c in
            guard c.tick() else { return .err(costLimitMessage, id) }
            if case .object(let object) = c.globals[s], !CELOptional.isOptional(object) {
                return Planner.withID(object.celField(field) ?? .err("no such key: \(field.name)"), id)
            }
            return Planner.withID(Operators.select(Planner.withID(c.globals[s], operandID), field.name), id)
        }
    }
}

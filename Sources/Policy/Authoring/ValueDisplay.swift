import CEL

/// How `explain` and `eval` show a CEL value: its literal form, objects by their
/// identifying field (`shore.Location{country: "PH", city: "Manila"}`), long values cut.
public enum ValueDisplay {
    /// The fields that identify an object of each plan type, in order.
    static let identity: [String: [String]] = [
        "shore.Plan": ["id"], "shore.Company": ["name", "country"], "shore.Engagement": ["id"],
        "shore.Provider": ["name"], "shore.Location": ["country", "city"], "shore.Data": ["name"],
        "shore.Language": ["code", "level"], "shore.Cost": ["annual", "currency"], "shore.Country": ["code"],
        "shore.ProviderSummary": ["name"],
    ]

    /// One line, at most `limit` characters (cut with `…`).
    static func short(_ value: CELValue, limit: Int = 60) -> String {
        let text = literal(value)
        guard text.count > limit else { return text }
        return String(text.prefix(max(1, limit - 1))) + "…"
    }

    /// The full literal form; objects show their identifying fields.
    static func literal(_ value: CELValue) -> String {
        switch value {
        case .object(let optional as CELOptional):
            return optional.value.map { "optional.of(\(literal($0)))" } ?? "optional.none()"
        case .object(let object): return objectSummary(object)
        case .list(let items): return "[" + items.map(literal).joined(separator: ", ") + "]"
        default: return value.literalDescription
        }
    }

    /// `shore.Data{name: "card numbers"}`.
    static func objectSummary(_ object: any CELObject) -> String {
        let fields = identity[object.celTypeName] ?? []
        let shown = fields.compactMap { name in object.celField(name).map { "\(name): \($0.literalDescription)" } }
        return object.celTypeName + "{" + shown.joined(separator: ", ") + "}"
    }

    /// Every declared field of an object with its value, one per line (for `eval`).
    public static func expanded(_ value: CELValue, types: [CELObjectType]) -> String {
        guard case .object(let object) = value, let type = types.first(where: { $0.name == object.celTypeName }) else {
            return literal(value)
        }
        let lines = type.fields.keys.sorted().map { name in
            "  \(name): " + (object.celField(name).map { short($0, limit: 100) } ?? "(absent)")
        }
        return object.celTypeName + "{\n" + lines.joined(separator: ",\n") + "\n}"
    }

    /// Whether showing the value under an expression would only add noise.
    static func isNoise(_ value: CELValue) -> Bool {
        switch value {
        case .object(let object): !(object is CELOptional)
        case .list(let items): items.contains { if case .object = $0 { true } else { false } }
        default: false
        }
    }
}

extension PolicyEnvironment {
    /// The CEL object types of the plan (for showing objects field by field).
    public static var objectTypes: [CELObjectType] { PlanTypes.all }
}

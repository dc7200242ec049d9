import CEL

/// How Shore shows a CEL value to a person: the one home for it, and for how a plan
/// object is named. Three forms, for three places:
///
/// - `message`: inside a rule's message (`{{ … }}`): strings as they are, lists joined
///   with `, `, numbers in CEL's literal form (`8.0`, `42`).
/// - `summary`: a finding's `because` value: CEL literals, plan objects by the fields
///   that name and describe them (`{name: "Acme", kind: "agency", country: "PH"}`).
/// - `literal` (`short`, `expanded`): `explain` and `eval`: CEL literals, plan objects
///   with their type and naming fields (`shore.Provider{name: "Acme"}`).
public enum ValueDisplay {
    /// How each plan object is named to a person: the fields that identify it (shown
    /// wherever it is shown) and the fields that describe it (added in a finding's
    /// `because`, where the object is the evidence).
    static let identity: [String: (naming: [String], describing: [String])] = [
        PlanTypes.plan: (["id"], []),
        PlanTypes.company: (["name", "country"], []),
        PlanTypes.engagement: (["id"], []),
        PlanTypes.provider: (["name"], ["kind", "country"]),
        PlanTypes.location: (["country", "city"], []),
        PlanTypes.data: (["name"], ["classification"]),
        PlanTypes.language: (["code", "level"], []),
        PlanTypes.cost: (["annual", "currency"], []),
        PlanTypes.owner: (["country", "share"], []),
        PlanTypes.subcontractor: (["name"], ["country"]),
        PlanTypes.notification: (["supervisor", "date"], []),
        PlanTypes.hub: (["city", "timezone"], ["hours"]),
        PlanTypes.country: (["code"], ["headcount_share"]),
        PlanTypes.providerSummary: (["name"], ["cost_share"]),
    ]

    /// A value as a person reads it in a message.
    public static func message(_ value: CELValue) -> String {
        switch value {
        case .string(let s): s
        case .list(let items): items.map(message).joined(separator: ", ")
        case .error(let error): "<error: \(error.message)>"
        case .object: literal(value)
        default: value.literalDescription
        }
    }

    /// A finding's `because` value: objects by their naming and describing fields,
    /// without their type (`{code: "en", level: "C1"}`).
    public static func summary(_ value: CELValue) -> String {
        written(value, typed: false, describing: true)
    }

    /// The full literal form; objects show their type and naming fields.
    public static func literal(_ value: CELValue) -> String {
        written(value, typed: true, describing: false)
    }

    /// `literal` on one line, at most `limit` characters (cut with `…`).
    public static func short(_ value: CELValue, limit: Int = 60) -> String {
        let text = literal(value)
        guard text.count > limit else { return text }
        return String(text.prefix(max(1, limit - 1))) + "…"
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

    private static func written(_ value: CELValue, typed: Bool, describing: Bool) -> String {
        var out = ""
        write(value, typed: typed, describing: describing, into: &out)
        return out
    }

    /// Appends `written(value, …)` to `out`, without building the parts as strings of
    /// their own.
    private static func write(_ value: CELValue, typed: Bool, describing: Bool, into out: inout String) {
        switch value {
        case .object(let object):
            let type = object.celTypeName
            guard let fields = identity[type] else {
                if let optional = object as? CELOptional {
                    guard let wrapped = optional.value else { return out += "optional.none()" }
                    out += "optional.of("
                    write(wrapped, typed: typed, describing: describing, into: &out)
                    return out += ")"
                }
                return out += (typed ? type : "") + "{}"
            }
            if typed { out += type }
            out += "{"
            var first = true
            // The naming fields, then (for a summary) the describing ones: no list of the two made.
            for index in 0..<fields.naming.count + (describing ? fields.describing.count : 0) {
                let name = index < fields.naming.count ? fields.naming[index] : fields.describing[index - fields.naming.count]
                guard let field = object.celField(name) else { continue }
                if !first { out += ", " }
                first = false
                out += name
                out += ": "
                write(field, typed: typed, describing: describing, into: &out)
            }
            out += "}"
        case .string(let text) where CELValue.quotesAsIs(text):
            // Nothing to escape (the common case): `literalDescription`'s quotes around the
            // text, without making that string first.
            out += "\""
            out += text
            out += "\""
        case .list(let items):
            out += "["
            for (position, item) in items.enumerated() {
                if position > 0 { out += ", " }
                write(item, typed: typed, describing: describing, into: &out)
            }
            out += "]"
        default:
            out += value.literalDescription
        }
    }
}

extension PolicyEnvironment {
    /// The CEL object types of the plan (for showing objects field by field).
    public static var objectTypes: [CELObjectType] { PlanTypes.all }
}

import Reference
import SourceText
import YAML

/// Reads one YAML mapping against a `SchemaObject`: unknown keys (with did-you-mean),
/// derived keys, missing required fields and wrong types become diagnostics; typed
/// accessors check codes (countries, zones, languages …) against the reference data.
///
/// Diagnostic codes come from the file kind's `FieldCodes`, e.g. `plan.unknown-key`,
/// `plan.unknown-country`, `rules.missing-field`.
struct FieldReader {
    let schema: SchemaObject
    let codes: FieldCodes
    /// The mapping's entries matched against the schema's field names: the value node of
    /// each field by field index (nil when absent or null).
    private let fields: YAMLKeyMatch

    /// The mapping read.
    var node: YAMLNode { fields.mapping }

    /// Opens `node` as a `schema` mapping, reporting key problems; nil when `node` is
    /// not a mapping at all. One pass over the keys' bytes, no per-key allocation.
    /// `suppliedApart` names a field whose value was read apart from the mapping (a large
    /// plan's engagements, see `YAMLListPieces`): it is not reported missing.
    static func open(
        _ node: YAMLNode, as schema: SchemaObject, codes: FieldCodes, suppliedApart: String? = nil,
        into diagnostics: inout [Diagnostic]
    ) -> FieldReader? {
        guard let fields = node.match(schema.keys) else {
            diagnostics.append(Diagnostic(
                codes.wrongType, "expected \(schema.name) to be a mapping of fields, found \(node.kindDescription)",
                at: node.span, help: "write it as `key: value` lines (fields: \(schema.fieldNames.joined(separator: ", ")))"))
            return nil
        }
        for i in fields.unmatched {
            let keyNode = node.key(at: i)
            guard keyNode.kind == .scalar else {
                diagnostics.append(Diagnostic(
                    codes.wrongType, "a key in \(schema.name) must be plain text, found \(keyNode.kindDescription)",
                    at: keyNode.span))
                continue
            }
            let key = keyNode.scalar ?? ""
            if schema.derived.contains(key) {
                diagnostics.append(Diagnostic(
                    codes.derivedField ?? codes.unknownKey, "'\(key)' is computed by Shore and cannot be written in \(schema.name)",
                    at: keyNode.span, help: "remove '\(key)'; rules read it as \(schema.name).\(key)"))
            } else {
                let suggestion = Suggestions.closest(to: key, among: schema.fieldNames)
                diagnostics.append(Diagnostic(
                    codes.unknownKey, "unknown key '\(key)' in \(schema.name)",
                    at: keyNode.span,
                    help: suggestion.map { "did you mean '\($0)'?" }
                        ?? "expected one of: \(schema.fieldNames.joined(separator: ", "))"))
            }
        }
        for (f, field) in schema.fields.enumerated() where field.required && !fields.has(f) && field.name != suppliedApart {
            diagnostics.append(Diagnostic(
                codes.missingField, "\(schema.name) is missing the required field '\(field.name)'",
                at: node.entry(field.name)?.key.span ?? startSpan(node),
                help: "add `\(field.name): …` (\(field.type.expectation))"))
        }
        return FieldReader(schema: schema, codes: codes, fields: fields)
    }

    /// Records where this mapping and the fields it writes are, as a `kind` part of the
    /// plan (`kind`'s schema is this reader's).
    func place(_ kind: PlanPlace.Kind, in places: PlanPlaces) -> PlanPlace {
        precondition(kind.schema === schema, "a \(schema.name) recorded as a \(kind)")
        return places.record(node, kind: kind, fields: fields)
    }

    /// The value node of a field, nil when absent or null.
    func value(_ name: String) -> YAMLNode? {
        guard let f = schema.keys.index(of: name) else { return nil }
        return fields.value(f)
    }

    /// The value node of a field as written, null included; nil when absent.
    func written(_ name: String) -> YAMLNode? {
        guard let f = schema.keys.index(of: name) else { return nil }
        return fields.written(f)
    }

    /// The key node of a field, for pointing at it.
    func key(_ name: String) -> YAMLNode? { node.entry(name)?.key }

    /// Where a problem with a field's value is reported: the value, else the whole object.
    func span(of name: String) -> SourceSpan { value(name)?.span ?? node.span }

    // MARK: Scalars

    /// Free text: any scalar is taken as written (`ticket: 1234` is "1234").
    func string(_ name: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let value = value(name) else { return nil }
        return text(value, name, into: &diagnostics)
    }

    func text(_ value: YAMLNode, _ name: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard value.kind == .scalar, let text = value.scalar else {
            wrongType(value, name, expected: "text", into: &diagnostics)
            return nil
        }
        return text
    }

    func bool(_ name: String, into diagnostics: inout [Diagnostic]) -> Bool? {
        guard let value = value(name) else { return nil }
        if let bool = value.bool { return bool }
        wrongType(value, name, expected: FieldType.bool.expectation, into: &diagnostics,
                  help: ["yes", "no", "on", "off", "y", "n"].contains(value.scalar?.lowercased() ?? "")
                      ? "YAML 1.2 reads only true and false as booleans; write true or false" : nil)
        return nil
    }

    func integer(_ name: String, into diagnostics: inout [Diagnostic]) -> Int64? {
        guard let value = value(name) else { return nil }
        if let int = value.int { return int }
        if value.scalarKind == .int { return nil }  // out of range: already reported by the YAML layer
        wrongType(value, name, expected: FieldType.integer.expectation, into: &diagnostics)
        return nil
    }

    func number(_ name: String, into diagnostics: inout [Diagnostic]) -> Double? {
        guard let value = value(name) else { return nil }
        if let double = value.double, double.isFinite { return double }
        if value.scalarKind == .int { return nil }
        wrongType(value, name, expected: "a finite number", into: &diagnostics)
        return nil
    }

    /// A code checked by `check`, which throws a `ReferenceError` with a did-you-mean.
    func code<T>(
        _ name: String, kind: FieldCheck, expected: FieldType, into diagnostics: inout [Diagnostic],
        check: (String) throws(ReferenceError) -> T
    ) -> T? {
        guard let value = value(name) else { return nil }
        return code(value, name, kind: kind, expected: expected, into: &diagnostics, check: check)
    }

    func code<T>(
        _ value: YAMLNode, _ name: String, kind: FieldCheck, expected: FieldType, into diagnostics: inout [Diagnostic],
        check: (String) throws(ReferenceError) -> T
    ) -> T? {
        guard value.kind == .scalar, value.scalarKind == .string, let text = value.scalar else {
            wrongType(value, name, expected: expected.expectation, into: &diagnostics)
            return nil
        }
        do {
            return try check(text)
        } catch {
            diagnostics.append(Diagnostic(
                codes.code(kind), error.message, at: value.span,
                help: error.suggestion.map { "write '\($0)'" }))
            return nil
        }
    }

    func country(_ name: String, into diagnostics: inout [Diagnostic]) -> String? {
        code(name, kind: .country, expected: .country, into: &diagnostics) { code throws(ReferenceError) in
            try Countries.resolve(code).alpha2
        }
    }

    /// An ISO 3166-2 region of `country` (not checked when the country itself is invalid).
    func region(_ name: String, in country: String?, into diagnostics: inout [Diagnostic]) -> String? {
        guard let country else { return nil }
        return code(name, kind: .region, expected: .region, into: &diagnostics) { code throws(ReferenceError) in
            try Regions.resolve(code, in: country).code
        }
    }

    func currency(_ name: String, into diagnostics: inout [Diagnostic]) -> String? {
        code(name, kind: .currency, expected: .currency, into: &diagnostics) { code throws(ReferenceError) in
            try Currencies.resolve(code).code
        }
    }

    /// A Legal Entity Identifier with valid check digits.
    func lei(_ name: String, into diagnostics: inout [Diagnostic]) -> String? {
        code(name, kind: .lei, expected: .string, into: &diagnostics) { text throws(ReferenceError) in
            try LEI.validate(text)
        }
    }

    func date(_ name: String, into diagnostics: inout [Diagnostic]) -> CivilDate? {
        code(name, kind: .date, expected: .date, into: &diagnostics) { text throws(ReferenceError) in
            try CivilDate(parsing: text)
        }
    }

    func hours(_ name: String, into diagnostics: inout [Diagnostic]) -> BusinessHours? {
        code(name, kind: .hours, expected: .hours, into: &diagnostics) { text throws(ReferenceError) in
            try BusinessHours(parsing: text)
        }
    }

    func timeZone(_ name: String, into diagnostics: inout [Diagnostic]) -> String? {
        code(name, kind: .timeZone, expected: .timeZone, into: &diagnostics) { text throws(ReferenceError) in
            _ = try TimeZones.resolve(text)
            return text
        }
    }

    func oneOf(_ name: String, _ words: [String], into diagnostics: inout [Diagnostic]) -> String? {
        code(name, kind: .word, expected: .oneOf(words), into: &diagnostics) { text throws(ReferenceError) in
            if words.contains(text) { return text }
            let suggestion = Suggestions.closest(to: text, among: words)
            throw ReferenceError(
                "'\(text)' is not a valid \(name); expected one of \(words.joined(separator: ", "))",
                suggestion: suggestion)
        }
    }

    // MARK: Collections

    /// The items of a list field (empty when absent); reports a non-list.
    func list(_ name: String, into diagnostics: inout [Diagnostic]) -> [YAMLNode] {
        guard let value = value(name) else { return [] }
        guard value.kind == .sequence else {
            wrongType(value, name, expected: "a list", into: &diagnostics,
                      help: "write a list: `\(name): [a, b]` or one `- item` per line")
            return []
        }
        return value.items
    }

    /// A list of free-text strings.
    func strings(_ name: String, into diagnostics: inout [Diagnostic]) -> [String] {
        list(name, into: &diagnostics).compactMapSized { text($0, name, into: &diagnostics) }
    }

    /// A list of country codes, each checked.
    func countries(_ name: String, into diagnostics: inout [Diagnostic]) -> [String] {
        list(name, into: &diagnostics).compactMapSized { item in
            code(item, name, kind: .country, expected: .country, into: &diagnostics) { code throws(ReferenceError) in
                try Countries.resolve(code).alpha2
            }
        }
    }

    /// A mapping of currency codes to exchange rates above 0, in units per one `base`
    /// (a plan company's `fx:`, the `rates:` of shore.yaml's `fx:`); each code and rate checked.
    func rates(_ name: String, base: String, into diagnostics: inout [Diagnostic]) -> [String: Double] {
        guard let table = value(name) else { return [:] }
        guard table.kind == .mapping else {
            wrongType(table, name, expected: "a mapping of currency codes to rates", into: &diagnostics,
                      help: "write `\(name): { INR: 87.2 }`: units of each currency per one \(base)")
            return [:]
        }
        var rates: [String: Double] = [:]
        for entry in table.entries {
            guard let code = code(entry.key, name, kind: .currency, expected: .currency, into: &diagnostics,
                                  check: { text throws(ReferenceError) in try Currencies.resolve(text).code }) else { continue }
            guard let rate = entry.value.double, rate.isFinite, rate > 0 else {
                diagnostics.append(Diagnostic(codes.code(.rate), "the rate for \(code) must be a number above 0",
                                              at: entry.value.span, help: "give how many \(code) one \(base) buys, e.g. 87.2"))
                continue
            }
            rates[code] = rate
        }
        return rates
    }

    /// A list of regime ids, each checked.
    func regimes(_ name: String, into diagnostics: inout [Diagnostic]) -> [String] {
        list(name, into: &diagnostics).compactMapSized { item in
            code(item, name, kind: .regime, expected: .regime, into: &diagnostics) { id throws(ReferenceError) in
                try Regimes.resolve(id)
            }
        }
    }

    /// A list of language codes, each checked.
    func languages(_ name: String, into diagnostics: inout [Diagnostic]) -> [String] {
        list(name, into: &diagnostics).compactMapSized { item in
            code(item, name, kind: .language, expected: .language, into: &diagnostics) { code throws(ReferenceError) in
                try Languages.resolve(code).code
            }
        }
    }

    // MARK: Errors

    func wrongType(
        _ value: YAMLNode, _ name: String, expected: String, into diagnostics: inout [Diagnostic], help: String? = nil
    ) {
        diagnostics.append(Diagnostic(
            codes.wrongType, "'\(name)' in \(schema.name) must be \(expected), found \(value.kindDescription)",
            at: value.span, help: help))
    }

    static func startSpan(_ node: YAMLNode) -> SourceSpan {
        SourceSpan(file: node.document.source, start: node.start, end: node.start)
    }
}

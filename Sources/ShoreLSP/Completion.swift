import CEL
import Foundation
import Policy
import Reference
import SourceText
import YAML

/// `textDocument/completion`: inside a rule's CEL, the scope's variables, the fields
/// of the object before a dot, macro variables, functions, macros and sets; in YAML,
/// the schema's keys for the position and the values a field takes (codes with names).
extension LanguageServer {
    func completion(_ params: JSON) throws -> JSON {
        let request = try place(params)
        if request.kind == .rules, let parsed = request.parsed, let site = ExpressionSite.find(in: parsed, at: request.shore) {
            return ["isIncomplete": false, "items": .array(celCompletions(site, document: request.document))]
        }
        return ["isIncomplete": false, "items": .array(yamlCompletions(request.document, request.position, kind: request.kind))]
    }

    // MARK: CEL

    private func celCompletions(_ site: ExpressionSite, document: TextDocument) -> [JSON] {
        let policy = analyzer.environment(for: document)
        let environment = policy.environment(for: site.scope ?? .plan)
        if let literal = CodeValues.inStringLiteral(site.text, at: site.offset) {
            return CodeValues.items(for: literal, classifications: policy.classifications)
        }
        guard let place = environment.completionSite(in: site.text, at: site.offset) else { return [] }
        switch place.kind {
        case .member(let type):
            var items: [JSON] = []
            if case .object(let name) = type, let object = environment.objectTypes[name] {
                for (field, fieldType) in object.fields.sorted(by: { $0.key < $1.key }) {
                    items.append(Self.item(field, kind: 5, detail: fieldType.description,
                                           doc: PlanFieldDocs.documentation(ofField: field, inType: name)))
                }
            }
            for function in environment.callableFunctions {
                let overloads = function.overloads.filter { $0.isReceiver && Self.accepts($0.parameters.first, type) }
                guard !overloads.isEmpty else { continue }
                items.append(Self.item(function.name, kind: 2, detail: Self.signature(function.name, overloads[0]), doc: nil))
            }
            for macro in CELEnvironment.macros where macro.signature.hasPrefix("list.") && Self.isCollection(type) {
                items.append(Self.item(macro.name, kind: 2, detail: macro.signature, doc: macro.doc))
            }
            return items
        case .identifier:
            var items: [JSON] = []
            for (name, type) in place.locals.sorted(by: { $0.key < $1.key }) {
                items.append(Self.item(name, kind: 6, detail: type.description, doc: "Macro variable."))
            }
            for (name, type) in environment.variables.sorted(by: { $0.key < $1.key }) {
                if let set = policy.sets[name] {
                    items.append(Self.item(name, kind: 21, detail: "set of \(set.members.count)", doc: SetDescription.markdown(set)))
                } else {
                    items.append(Self.item(name, kind: 6, detail: type.description, doc: PlanFieldDocs.documentation(ofVariable: name)))
                }
            }
            for function in environment.callableFunctions {
                guard let overload = function.overloads.first(where: { !$0.isReceiver }) else { continue }
                items.append(Self.item(function.name, kind: 3, detail: Self.signature(function.name, overload), doc: nil))
            }
            for macro in CELEnvironment.macros where !macro.signature.hasPrefix("list.") {
                items.append(Self.item(macro.name, kind: 3, detail: macro.signature, doc: macro.doc))
            }
            return items
        }
    }

    static func signature(_ name: String, _ overload: CELOverload) -> String {
        var parameters = overload.parameters.map(\.description)
        var receiver = ""
        if overload.isReceiver, !parameters.isEmpty { receiver = parameters.removeFirst() + "." }
        return "\(receiver)\(name)(\(parameters.joined(separator: ", "))) -> \(overload.result)"
    }

    /// Whether a receiver function's first parameter takes a value of `type`.
    private static func accepts(_ parameter: CELType?, _ type: CELType) -> Bool {
        guard let parameter else { return false }
        switch (parameter, type) {
        case (.typeParam, _), (.dyn, _), (_, .dyn): return type != .error
        case (.list, .list), (.map, .map): return true
        default: return parameter == type
        }
    }

    private static func isCollection(_ type: CELType) -> Bool {
        switch type {
        case .list, .map, .dyn: true
        default: false
        }
    }

    static func item(_ label: String, kind: Int, detail: String?, doc: String?, insert: String? = nil) -> JSON {
        var object: [String: JSON] = ["label": .string(label), "kind": .int(kind)]
        if let detail { object["detail"] = .string(detail) }
        if let doc { object["documentation"] = ["kind": "markdown", "value": .string(doc)] }
        if let insert { object["insertText"] = .string(insert) }
        return .object(object)
    }

    // MARK: YAML

    private func yamlCompletions(_ document: TextDocument, _ position: LSPPosition, kind: DocumentKind) -> [JSON] {
        guard let root = SchemaNavigation.root(kind) else { return [] }
        let before = document.linePrefix(position)
        let indent = before.prefix { $0 == " " }.count
        var rest = before.dropFirst(indent)
        var keyIndent = indent
        if rest.hasPrefix("- ") {
            rest = rest.dropFirst(2)
            keyIndent += 2 + rest.prefix { $0 == " " }.count
            rest = rest.drop { $0 == " " }
        }
        let path = SchemaNavigation.keyPath(lines: document.line, line: position.line, indent: keyIndent)
        // A key being typed.
        if rest.allSatisfy({ $0.isLetter || $0 == "_" }) {
            if before.hasSuffix("- "), let field = SchemaNavigation.field(at: path, in: root) {
                return values(of: SchemaNavigation.elementType(field.type), field: field.name, document: document)
            }
            guard let object = SchemaNavigation.object(at: path, in: root) else {
                if path.last == "overrides" { return ruleIDs(document) }
                return []
            }
            return object.fields.map { field in
                Self.item(field.name, kind: 10, detail: (field.required ? "required · " : "") + field.type.expectation,
                          doc: field.description, insert: field.name + ": ")
            }
        }
        // A value after `key:`, or an item of a flow list `key: [a, b, `.
        guard let colon = rest.firstIndex(of: ":") else { return [] }
        let key = String(rest[..<colon])
        guard let field = SchemaNavigation.object(at: path, in: root)?.field(key) else { return [] }
        return values(of: SchemaNavigation.elementType(field.type), field: key, document: document)
    }

    private func values(of type: FieldType, field: String, document: TextDocument) -> [JSON] {
        if field == "rule" || field == "rules" { return ruleIDs(document) }
        switch type {
        case .country: return CodeValues.countries()
        case .language: return CodeValues.languages()
        case .timeZone: return TimeZones.knownIdentifiers.map { Self.item($0, kind: 12, detail: nil, doc: nil) }
        case .cefrLevel: return CodeValues.cefrLevels()
        case .currency:
            return Currencies.codes.map { Self.item($0, kind: 12, detail: Currencies.currency($0)?.name, doc: nil) }
        case .regime:
            return Regimes.all.map { Self.item($0, kind: 12, detail: $0.count == 2 ? Countries.countryName($0.uppercased()).map { "\($0) law" } : nil, doc: nil) }
        case .classification:
            return analyzer.environment(for: document).classifications.map { Self.item($0, kind: 12, detail: "classification", doc: nil) }
        case .oneOf(let words): return words.map { Self.item($0, kind: 12, detail: nil, doc: nil) }
        case .bool: return ["true", "false"].map { Self.item($0, kind: 12, detail: nil, doc: nil) }
        default: return []
        }
    }

    private func ruleIDs(_ document: TextDocument) -> [JSON] {
        (analyzer.rules(for: document).rules?.rules ?? []).map { rule in
            Self.item(rule.id, kind: 12, detail: rule.severity.rawValue, doc: rule.title)
        }
    }
}

/// Code values with their names: countries, languages, CEFR levels; and which of them
/// a CEL string literal at the cursor takes (`level('…`, `cefr('…`, a country, a language).
enum CodeValues {
    static func countries() -> [JSON] {
        Countries.all.map { LanguageServer.item($0.alpha2, kind: 12, detail: $0.displayName, doc: nil) }
    }

    static func languages() -> [JSON] {
        Languages.twoLetter.map { LanguageServer.item($0.code, kind: 12, detail: $0.name, doc: nil) }
    }

    static func cefrLevels() -> [JSON] {
        CEFRLevel.allCases.map { LanguageServer.item($0.rawValue, kind: 12, detail: $0.name, doc: nil) }
    }

    enum Literal { case classification, cefr, country, language }

    /// What a string literal open at `offset` holds, judged by the text before it.
    static func inStringLiteral(_ text: String, at offset: Int) -> Literal? {
        let scalars = Array(text.unicodeScalars.prefix(offset))
        var quote: Unicode.Scalar?
        var opened = 0
        for (index, scalar) in scalars.enumerated() {
            if let q = quote {
                if scalar == q { quote = nil }
            } else if scalar == "'" || scalar == "\"" {
                quote = scalar
                opened = index
            }
        }
        guard quote != nil else { return nil }
        let before = String(String.UnicodeScalarView(scalars[..<opened])).trimmingCharacters(in: .whitespaces)
        if before.hasSuffix("level(") { return .classification }
        if before.hasSuffix("cefr(") { return .cefr }
        if before.hasSuffix("country_name(") || before.hasSuffix("official_languages(") { return .country }
        let lower = before.lowercased()
        if lower.contains("country") || lower.contains("markets") { return .country }
        if lower.contains("lang") || lower.contains("code") { return .language }
        return nil
    }

    static func items(for literal: Literal, classifications: [String]) -> [JSON] {
        switch literal {
        case .classification: classifications.map { LanguageServer.item($0, kind: 12, detail: "classification", doc: nil) }
        case .cefr: cefrLevels()
        case .country: countries()
        case .language: languages()
        }
    }
}

/// A named set for people: members, source and as-of date.
enum SetDescription {
    static func markdown(_ set: NamedSet) -> String {
        var text = "**\(set.name)**: \(set.members.count) members\n\n" + set.members.joined(separator: ", ")
        if let node = set.node {
            text += "\n\nDefined in \(node.document.source.path):\(node.start.line)"
        } else {
            text += "\n\nSource: \(set.source ?? "built in")" + (set.asOf.map { " (as of \($0))" } ?? "")
        }
        return text
    }
}

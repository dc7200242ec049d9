import CEL
import Policy
import Reference
import SourceText
import YAML

/// `textDocument/hover`: in CEL, a sub-expression's type, a field's documentation, a
/// set's members and source, a code's name; in YAML, a key's description, a code's
/// name, and a rule id's title and severity.
extension LanguageServer {
    func hover(_ params: JSON) throws -> JSON {
        let request = try place(params)
        let (document, file, kind) = (request.document, request.file, request.kind)
        guard let parsed = request.parsed else { return .null }
        if kind == .rules, let site = ExpressionSite.find(in: parsed, at: request.shore) {
            return celHover(site, document: document, file: file)
        }
        guard let cursor = YAMLCursor.find(in: parsed, at: request.shore), let text = cursor.node.scalar else { return .null }
        let range = document.range(of: cursor.node.span, in: file)
        if cursor.role == .key {
            guard let root = SchemaNavigation.root(kind),
                  let field = SchemaNavigation.object(at: cursor.path, in: root)?.field(text) else { return .null }
            return Self.hover("**\(field.name)** — \(field.type.expectation)\n\n\(field.description)", range)
        }
        if let rule = ruleReference(cursor, kind: kind, document: document) {
            return Self.hover(Self.describe(rule), range)
        }
        guard let root = SchemaNavigation.root(kind), let field = SchemaNavigation.field(at: cursor.path, in: root) else { return .null }
        switch SchemaNavigation.elementType(field.type) {
        case .country: return Countries.countryName(text).map { Self.hover("\(text): \($0) (ISO 3166-1)", range) } ?? .null
        case .language: return Languages.name(text).map { Self.hover("\(text): \($0) (ISO 639)", range) } ?? .null
        case .cefrLevel: return CEFRLevel(rawValue: text).map { Self.hover("\(text): \($0.name)", range) } ?? .null
        case .currency: return Currencies.currency(text).map { Self.hover("\(text): \($0.name) (ISO 4217)", range) } ?? .null
        case .region: return Regions.region(text).map { Self.hover("\(text): \($0.name), \($0.type.lowercased()) of \(Countries.countryName($0.country) ?? $0.country) (ISO 3166-2)", range) } ?? .null
        default: return .null
        }
    }

    private func celHover(_ site: ExpressionSite, document: TextDocument, file: SourceFile) -> JSON {
        let policy = analyzer.environment(for: document)
        let environment = policy.environment(for: site.scope ?? .plan)
        guard let info = environment.nodeInfo(in: site.text, at: site.offset) else { return .null }
        let scalars = Array(site.text.unicodeScalars)
        let bounds = min(info.range.start, scalars.count)..<min(max(info.range.start, info.range.end), scalars.count)
        let source = String(String.UnicodeScalarView(scalars[bounds]))
        var text = "```cel\n\(source) : \(info.type)\n```"
        switch info.kind {
        case .field(let field, of: .object(let typeName)):
            if let doc = PlanFieldDocs.documentation(ofField: field, inType: typeName) { text += "\n\n" + doc }
        case .variable(let name):
            if let set = policy.sets[name] { text += "\n\n" + SetDescription.markdown(set) }
            else if let doc = PlanFieldDocs.documentation(ofVariable: name) { text += "\n\n" + doc }
        case .local: text += "\n\nMacro variable."
        case .call(let name):
            if let function = environment.functions[name] {
                text += "\n\n" + function.overloads.map { "`\(Self.signature(name, $0))`" }.joined(separator: "\n\n")
            } else if let macro = CELEnvironment.macros.first(where: { $0.name == name }) {
                text += "\n\n`\(macro.signature)`: \(macro.doc)"
            }
        case .literal(.string(let value)):
            if let name = Self.codeName(value) { text += "\n\n" + name }
        default: break
        }
        return Self.hover(text, document.range(of: site.span(from: info.range.start, to: info.range.end), in: file))
    }

    /// The rule a scalar names: a `rule:` in a test expectation or waiver, an item of a
    /// test's `rules:`, or an override's key in `shore.yaml`.
    func ruleReference(_ cursor: YAMLCursor, kind: DocumentKind, document: TextDocument) -> Rule? {
        guard let id = Self.ruleID(cursor, kind: kind) else { return nil }
        return analyzer.rules(for: document).rules?.rule(id)
    }

    /// The rule id a scalar names, by where it stands (not in rule files).
    static func ruleID(_ cursor: YAMLCursor, kind: DocumentKind) -> String? {
        let names = (cursor.role != .key && cursor.path.last == "rule") || (cursor.role == .item && cursor.path.last == "rules" && kind == .tests)
            || (cursor.role == .key && kind == .config && cursor.path == ["overrides"])
        return names && kind != .rules ? cursor.node.scalar : nil
    }

    static func describe(_ rule: Rule) -> String {
        var text = "**\(rule.id)**" + (rule.title.map { " — \($0)" } ?? "")
        text += "\n\nseverity: \(rule.severity.rawValue) · for: \(rule.scope.rawValue)" + (rule.enabled ? "" : " · disabled")
        text += "\n\n\(rule.span.path):\(rule.span.start.line)"
        return text
    }

    /// The name of a code in a CEL string literal: upper case a country, else a language.
    static func codeName(_ code: String) -> String? {
        let country = Countries.countryName(code).map { "\(code): \($0) (ISO 3166-1)" }
        let language = Languages.name(code).map { "\(code): \($0) (ISO 639)" }
        return code.uppercased() == code ? country : language
    }

    static func hover(_ markdown: String, _ range: LSPRange) -> JSON {
        ["contents": ["kind": "markdown", "value": .string(markdown)], "range": range.json]
    }
}

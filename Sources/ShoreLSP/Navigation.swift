import CEL
import Foundation
import Policy
import SourceText
import YAML

/// `textDocument/definition` (rule ids → the rule, set names → the set, a test's
/// `plan:` → the fixture) and `textDocument/documentSymbol` (rules, sets, tests,
/// engagements).
extension LanguageServer {
    func definition(_ params: JSON) throws -> JSON {
        let request = try place(params)
        let (document, kind, place) = (request.document, request.kind, request.shore)
        guard let parsed = request.parsed else { return .null }
        var conversion = DiagnosticConversion(documentsByPath: openDocumentsByPath)
        if kind == .rules, let site = ExpressionSite.find(in: parsed, at: place) {
            let policy = analyzer.environment(for: document)
            guard let info = policy.environment(for: site.scope ?? .plan).nodeInfo(in: site.text, at: site.offset),
                  case .variable(let name) = info.kind, let node = policy.sets[name]?.node else { return .null }
            let span = Self.keySpan(of: node) ?? node.span
            return ["uri": .string(conversion.uri(of: span)), "range": conversion.range(of: span).json]
        }
        guard let cursor = YAMLCursor.find(in: parsed, at: place) else { return .null }
        if let rule = ruleReference(cursor, kind: kind, document: document) {
            return ["uri": .string(conversion.uri(of: rule.span)), "range": conversion.range(of: rule.span).json]
        }
        if kind == .tests, cursor.role == .value, cursor.path == ["tests", "plan"], let relative = cursor.node.scalar {
            let folder = (document.path as NSString).deletingLastPathComponent
            let path = relative.hasPrefix("/") ? relative : (folder as NSString).appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: path) else { return .null }
            let zero = LSPPosition(line: 0, character: 0)
            return ["uri": .string(openDocumentsByPath[path]?.uri ?? DocumentURI.uri(ofPath: path)),
                    "range": LSPRange(start: zero, end: zero).json]
        }
        return .null
    }

    var openDocumentsByPath: [String: TextDocument] {
        Dictionary(analyzer.documents.values.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The key of the mapping entry whose value is `node` (a set's name), if found.
    private static func keySpan(of node: YAMLNode) -> SourceSpan? {
        guard let sets = node.document.root?["sets"] else { return nil }
        return sets.entries.first { $0.value.start == node.start }?.key.span
    }

    func documentSymbols(_ params: JSON) throws -> JSON {
        let (document, _) = try target(params)
        let file = document.sourceFile
        guard let root = analyzer.parsed(document)?.root else { return [] }
        func symbol(_ name: String, detail: String?, kind: Int, node: YAMLNode, selection: YAMLNode?, children: [JSON] = []) -> JSON {
            var object: [String: JSON] = [
                "name": .string(name.isEmpty ? "?" : name), "kind": .int(kind),
                "range": document.range(of: node.span, in: file).json,
                "selectionRange": document.range(of: (selection ?? node).span, in: file).json,
            ]
            if let detail { object["detail"] = .string(detail) }
            if !children.isEmpty { object["children"] = .array(children) }
            return .object(object)
        }
        var symbols: [JSON] = []
        for rule in root["rules"]?.items ?? [] where rule.kind == .mapping {
            symbols.append(symbol(rule["id"]?.scalar ?? "?", detail: rule["title"]?.scalar, kind: 12, node: rule, selection: rule["id"]))
        }
        for entry in root["sets"]?.entries ?? [] {
            symbols.append(symbol(entry.key.scalar ?? "?", detail: "set of \(entry.value.count)", kind: 14, node: entry.value, selection: entry.key))
        }
        for test in root["tests"]?.items ?? [] where test.kind == .mapping {
            symbols.append(symbol(test["name"]?.scalar ?? "?", detail: nil, kind: 6, node: test, selection: test["name"]))
        }
        for engagement in root["engagements"]?.items ?? [] where engagement.kind == .mapping {
            let locations = (engagement["locations"]?.items ?? []).map { location in
                symbol(location["country"]?.scalar ?? "?", detail: location["city"]?.scalar, kind: 20, node: location, selection: location["country"])
            }
            symbols.append(symbol(engagement["id"]?.scalar ?? "?", detail: engagement["service"]?.scalar, kind: 2,
                                  node: engagement, selection: engagement["id"], children: locations))
        }
        for waiver in root["waivers"]?.items ?? [] where waiver.kind == .mapping {
            symbols.append(symbol("waiver " + (waiver["rule"]?.scalar ?? "?"), detail: waiver["expires"]?.scalar, kind: 15, node: waiver, selection: waiver["rule"]))
        }
        return .array(symbols)
    }
}

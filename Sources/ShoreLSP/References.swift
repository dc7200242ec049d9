import Foundation
import Policy
import SourceText
import YAML

/// `textDocument/references` for rule ids: the rule itself and every place that names
/// it — tests (`rules:`, `expect: - rule:`), waivers (in waiver files and plans) and
/// `shore.yaml` overrides — in the workspace's files and the open documents.
extension LanguageServer {
    func references(_ params: JSON) throws -> JSON {
        let request = try place(params)
        guard let parsed = request.parsed, let cursor = YAMLCursor.find(in: parsed, at: request.shore) else { return [] }
        let id: String?
        if request.kind == .rules {
            id = cursor.role == .value && cursor.path == ["rules", "id"] ? cursor.node.scalar : nil
        } else {
            id = Self.ruleID(cursor, kind: request.kind)
        }
        guard let id, let rule = analyzer.rules(for: request.document).rules?.rule(id) else { return [] }
        let includeDeclaration = params["context"]?["includeDeclaration"]?.bool ?? true
        var spans: [SourceSpan] = includeDeclaration ? [rule.span] : []
        let workspace = analyzer.workspace(of: request.document)
        let searched = workspace.config.rules.isEmpty ? [workspace.root] : workspace.config.rules
        var files = Set(RuleFiles.findTests(under: searched).filter { FileManager.default.fileExists(atPath: $0) })
        files.formUnion(workspace.config.waivers)
        if let config = workspace.configPath { files.insert(config) }
        files.formUnion(analyzer.documents.values.map(\.path))
        let yaml = analyzer.yaml
        for path in files.sorted() {
            let text = yaml.overlay[path] ?? []
            let bytes = text.isEmpty ? (FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []) : text
            let kind = DocumentKind.of(path: path, bytes: bytes, waiverFiles: workspace.config.waivers)
            guard kind != .rules, kind != .yaml, let document = yaml.load(bytes: bytes, path: path).document else { continue }
            spans += YAMLCursor.all(in: document).filter { Self.ruleID($0, kind: kind) == id }.map(\.node.span)
        }
        var conversion = DiagnosticConversion(documentsByPath: openDocumentsByPath)
        return .array(spans.map { ["uri": .string(conversion.uri(of: $0)), "range": conversion.range(of: $0).json] })
    }
}

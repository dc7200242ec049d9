import SourceText

/// `textDocument/codeAction`: a quick fix for each diagnostic Shore gave a fix for
/// (did-you-mean replacements, `UK` → `GB`, quoting a YAML-split expression).
extension LanguageServer {
    func codeActions(_ params: JSON) throws -> JSON {
        let (document, _) = try target(params)
        var actions: [JSON] = []
        for diagnostic in params["context"]?["diagnostics"]?.array ?? [] {
            guard let replacement = diagnostic["data"]?["replacement"]?.string,
                  let range = QuickFix.range(for: diagnostic, in: document) else { continue }
            let edit: JSON = ["range": range.json, "newText": .string(replacement)]
            actions.append([
                "title": .string(diagnostic["code"]?.string.flatMap(DiagnosticCode.named) == .rulesYAMLSplitExpression
                                 ? "Quote the expression" : "Replace with '\(replacement)'"),
                "kind": "quickfix",
                "diagnostics": [diagnostic],
                "isPreferred": true,
                "edit": ["changes": .object([document.uri: [edit]])],
            ])
        }
        return .array(actions)
    }
}

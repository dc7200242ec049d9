import Foundation
import Policy
import Reporters
import SourceText
import YAML

/// "Explain this rule": a code lens on every rule of a rule file that runs
/// `shore.explain` on the last plan opened, answering with `shore explain`'s text.
extension LanguageServer {
    enum ExplainLens {
        static let command = "shore.explain"
    }

    func codeLenses(_ params: JSON) throws -> JSON {
        let (document, _) = try target(params)
        guard let plan = lastPlanPath,
              analyzer.kind(of: document, in: analyzer.workspace(of: document)) == .rules,
              let root = analyzer.parsed(document)?.root else { return [] }
        let file = document.sourceFile
        let name = (plan as NSString).lastPathComponent
        return .array((root["rules"]?.items ?? []).compactMap { rule -> JSON? in
            guard let id = rule["id"], let text = id.scalar else { return nil }
            return ["range": document.range(of: id.span, in: file).json,
                    "command": ["title": .string("Explain on \(name)"), "command": .string(ExplainLens.command),
                                "arguments": [.string(text), .string(plan), .string(document.uri)]]]
        })
    }

    /// `workspace/executeCommand` `shore.explain [ruleID, planPath, ruleFileURI]`: the
    /// explanation as `shore explain` prints it.
    func executeCommand(_ params: JSON) throws -> JSON {
        guard params["command"]?.string == ExplainLens.command, let arguments = params["arguments"]?.array,
              arguments.count >= 2, let ruleID = arguments[0].string, let plan = arguments[1].string else {
            throw RequestFailure(.invalidParams, "expected shore.explain with [rule id, plan path, rule file URI]")
        }
        let document = arguments.count > 2 ? arguments[2].string.flatMap { analyzer.documents[$0] } : nil
        let sources = document.map { document in
            let workspace = analyzer.workspace(of: document)
            return analyzer.ruleSources(for: document, in: workspace, kind: analyzer.kind(of: document, in: workspace))
        } ?? BuiltinPack.sources
        var request = InputRequest(rules: sources, plans: [plan])
        request.yaml = analyzer.yaml
        let inputs = InputLoader.load(request)
        guard let rules = inputs.rules, let loaded = inputs.plans.first else {
            return .string(DiagnosticRenderer().render(inputs.diagnostics))
        }
        switch Explainer.explain(ruleID: ruleID, in: rules, plan: loaded, waivers: inputs.waivers) {
        case .failure(let failure):
            throw RequestFailure(.requestFailed, failure.diagnostic.message + (failure.diagnostic.help.map { "; \($0)" } ?? ""))
        case .success(let explanation):
            return .string(ExplanationRenderer().render(explanation))
        }
    }
}

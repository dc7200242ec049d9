import Foundation
import Policy
import SourceText
import YAML

/// `textDocument/inlayHint` in plans: the facts Shore derives, beside the fields they
/// come from — a location's overlap hours and whether it is offshore, a data item's
/// level on the classification scale, a language's CEFR rank, an engagement's model.
extension LanguageServer {
    func inlayHints(_ params: JSON) throws -> JSON {
        let (document, _) = try target(params)
        let range = LSPRange(params["range"])
        guard analyzer.kind(of: document, in: analyzer.workspace(of: document)) == .plan else { return [] }
        let loaded = analyzer.loadPlan(document)
        guard let plan = loaded.plan else { return [] }
        let file = loaded.source
        var hints: [JSON] = []
        func hint(_ label: String, after span: SourceSpan?) {
            guard let span else { return }
            let position = document.position(of: span.end, in: file)
            if let range, !range.contains(position) { return }
            hints.append(["position": position.json, "label": .string(label), "kind": 1, "paddingLeft": true])
        }
        for engagement in plan.engagements {
            hint("\(engagement.model.rawValue) · \(engagement.headcount) people", after: engagement.place.span(of: "id"))
            for location in engagement.locations {
                let overlap = String(format: "%.1f", location.overlapHours)
                hint("overlap \(overlap) h" + (location.offshore ? " · offshore" : ""), after: location.place.span(of: "country"))
            }
            for item in engagement.data {
                hint("level \(item.level)", after: item.place.span(of: "classification"))
            }
            for language in engagement.languages {
                hint("cefr \(language.level.ordinal)", after: language.place.span(of: "level"))
            }
        }
        return .array(hints)
    }
}

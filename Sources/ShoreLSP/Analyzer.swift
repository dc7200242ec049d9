import Foundation
import Policy
import Reference
import SourceText
import YAML

/// Runs Shore's own loaders on the open documents, reading the editor's unsaved text
/// instead of the files on disk: the same code paths, and so the same diagnostics
/// and codes, as `shore lint`, `shore test` and plan loading.
final class Analyzer {
    /// Open documents by URI.
    private(set) var documents: [String: TextDocument] = [:]
    /// Loaded rules by the rule files they came from (one load serves lint's diagnostics,
    /// completion, hover and the plans checked against them).
    private var ruleSets: [[String]: LoadedInputs] = [:]
    /// Workspaces by the folder of the documents in them (their `shore.yaml` read once).
    private var workspaces: [String: Workspace] = [:]
    /// Each open document's YAML as last parsed, by URI, dropped when the document changes
    /// or closes: the requests on a document (hover, completion, definition, symbols,
    /// lenses) share one parse per edit instead of parsing the whole text each (a request
    /// on a 6 MB plan took 0.24 s).
    private var parses: [String: YAMLDocument?] = [:]
    /// How many times rules and workspaces were loaded, and documents parsed for
    /// requests (work counted, for tests).
    private(set) var ruleLoads = 0, workspaceLoads = 0, documentParses = 0

    /// Opens or updates a document.
    func open(_ document: TextDocument) {
        documents[document.uri] = document
        parses[document.uri] = nil
        invalidate(document)
    }

    func close(_ uri: String) {
        parses[uri] = nil
        if let document = documents.removeValue(forKey: uri) { invalidate(document) }
    }

    /// The YAML of an open document as the editor has it (nil when it is not YAML).
    func parsed(_ document: TextDocument) -> YAMLDocument? {
        if let cached = parses[document.uri] { return cached }
        let parsed = YAMLLoader(parallel: false).load(bytes: document.bytes, path: document.path).document
        documentParses += 1
        parses[document.uri] = .some(parsed)
        return parsed
    }

    /// Forgets loaded rule sets and workspaces (after a save, or a change to files on disk).
    func forgetRules() {
        ruleSets = [:]
        workspaces = [:]
    }

    private func invalidate(_ document: TextDocument) {
        switch DocumentKind.of(document, waiverFiles: []) {
        case .config: forgetRules()
        case .rules:
            ruleSets = [:]
            // A rule file its workspace does not list yet (new on disk) may belong to it.
            let folder = (document.path as NSString).deletingLastPathComponent
            if workspaces[folder]?.ruleFiles.contains(document.path) != true { workspaces = [:] }
        default: break
        }
    }

    /// A YAML loader that reads open documents from the editor.
    var yaml: YAMLLoader {
        var loader = YAMLLoader(parallel: false)
        for document in documents.values { loader.overlay[document.path] = document.bytes }
        return loader
    }

    /// The workspace of `document` (cached until a config changes or a file is saved).
    func workspace(of document: TextDocument) -> Workspace {
        let folder = (document.path as NSString).deletingLastPathComponent
        if let cached = workspaces[folder] { return cached }
        let found = Workspace.of(path: document.path, yaml: yaml)
        workspaceLoads += 1
        workspaces[folder] = found
        return found
    }

    func kind(of document: TextDocument, in workspace: Workspace) -> DocumentKind {
        DocumentKind.of(document, waiverFiles: workspace.config.waivers)
    }

    /// The rule files a document is checked with: a rule file outside the workspace's
    /// rules alone; otherwise the workspace's rules (the built-in pack when it has none).
    func ruleSources(for document: TextDocument, in workspace: Workspace, kind: DocumentKind) -> [RuleSource] {
        if kind == .rules, !workspace.ruleFiles.contains(document.path) { return [.file(document.path)] }
        return workspace.ruleSources.isEmpty ? BuiltinPack.sources : workspace.ruleSources
    }

    /// The inputs a document is checked with: its rules as written (no overrides; their
    /// info diagnostics kept for lint), the workspace's exchange rates, the editor's text.
    private func inputs(for document: TextDocument) -> LoadedInputs {
        let workspace = workspace(of: document)
        let sources = ruleSources(for: document, in: workspace, kind: kind(of: document, in: workspace))
        let key = sources.map(\.path)
        if let cached = ruleSets[key] { return cached }
        var request = InputRequest(rules: sources)
        request.yaml = yaml
        request.keepsRuleInfo = true
        request.exchangeRates = workspace.config.exchangeRates
        let loaded = InputLoader.load(request)
        ruleLoads += 1
        ruleSets[key] = loaded
        return loaded
    }

    /// The loaded rules the document sees (cached until a rule document changes).
    func rules(for document: TextDocument) -> RuleLoadResult { inputs(for: document).ruleLoad }

    /// The environment rules compile in: the loaded rules', else the built-in one.
    func environment(for document: TextDocument) -> PolicyEnvironment { inputs(for: document).environment }

    /// Loads a plan as `shore check` would with the document's rules, reading the editor's text.
    func loadPlan(_ document: TextDocument) -> PlanLoadResult {
        var loader = inputs(for: document).planLoader
        loader.yaml = yaml
        loader.today = CivilDate.today()
        return loader.load(path: document.path)
    }

    /// Everything Shore reports about `document`, located in it (or nowhere).
    func diagnostics(for document: TextDocument) -> [Diagnostic] {
        let yaml = self.yaml
        let workspace = workspace(of: document)
        let kind = kind(of: document, in: workspace)
        let found: [Diagnostic]
        switch kind {
        case .rules:
            let sources = ruleSources(for: document, in: workspace, kind: kind)
            found = Linter.report(rules(for: document), files: sources.map(\.path)).diagnostics
        case .tests:
            var request = RuleTestRequest(rules: ruleSources(for: document, in: workspace, kind: kind), tests: [document.path])
            request.overlay = yaml.overlay
            let report = RuleTestRunner.run(request)
            found = report.diagnostics + report.results.filter { !$0.passed && $0.notRun == nil }.map(Self.failure)
        case .waivers:
            found = WaiverReader.load(path: document.path, yaml: yaml).diagnostics
        case .config:
            found = ConfigLoader.load(path: document.path, yaml: yaml).diagnostics
        case .plan:
            found = loadPlan(document).diagnostics
        case .yaml:
            found = yaml.load(path: document.path).diagnostics
        }
        return found.filter { $0.location == nil || $0.location?.path == document.path }
    }

    /// A failed rule test, as `shore test` explains it.
    private static func failure(_ result: RuleTestResult) -> Diagnostic {
        Diagnostic(.testFailed, "the test '\(result.name)' fails", at: result.location,
                   notes: result.failureDetails.dropFirst().map { Diagnostic.Note($0.trimmingLeadingSpaces) },
                   help: "run `shore test` for the details; fix the rule or the expectation")
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}

import Foundation
import Policy
import SourceText
import YAML

/// The project a document belongs to: the nearest folder above it with a
/// `shore.yaml`, or the document's own folder; its config, rule files and waiver files.
struct Workspace {
    let root: String
    let configPath: String?
    let config: ShoreConfig
    /// The rules: what the config's `rules` names (files, folders, `builtin`,
    /// `builtin:NAME`, resolved as `shore check` resolves them), else `ROOT/rules`;
    /// empty when there are none.
    let ruleSources: [RuleSource]

    /// The rule files on disk among `ruleSources`.
    var ruleFiles: [String] { ruleSources.filter { $0.bytes == nil }.map(\.path) }

    /// The workspace of the document at `path`, reading files through `yaml` (which
    /// carries the editor's unsaved text).
    static func of(path: String, yaml: YAMLLoader) -> Workspace {
        let folder = (path as NSString).deletingLastPathComponent
        guard folder.hasPrefix("/") else {  // not a file: no workspace
            return Workspace(root: folder, configPath: nil, config: ShoreConfig(), ruleSources: [])
        }
        var probe = folder
        var root: String?
        while !probe.isEmpty {
            let candidate = (probe as NSString).appendingPathComponent("shore.yaml")
            if yaml.overlay[candidate] != nil || FileManager.default.fileExists(atPath: candidate) { root = probe; break }
            if probe == "/" { break }
            probe = (probe as NSString).deletingLastPathComponent
        }
        // Resolved as `shore check` resolves them (`InputSelection`): the config's rules, else
        // the `rules` folder; no built-in pack here (the analyzer falls back to it).
        let configPath = root.map { ($0 as NSString).appendingPathComponent("shore.yaml") }
        let base = root ?? folder
        let rules = (base as NSString).appendingPathComponent("rules")
        let selection = InputSelection.resolve(config: configPath, rulesFolder: isDirectory(rules) ? rules : nil,
                                               requireRules: false, yaml: yaml)
        return Workspace(root: base, configPath: configPath, config: selection.config, ruleSources: selection.rules ?? [])
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}

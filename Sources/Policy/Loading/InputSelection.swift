import SourceText
import YAML

/// Which inputs a run reads, before any is loaded: the project config (`shore.yaml`),
/// the rule files and the waiver files. Rules named by the caller (the command line)
/// win over the config's `rules:`, which win over the project's `rules` folder; with
/// none of these, `rules` is nil and the caller picks its fallback (the built-in pack
/// for check, an error for lint). The first stage of every command's input pipeline;
/// `InputLoader` is the next.
public struct InputSelection: Sendable {
    /// The config's settings (defaults when there is no config file).
    public var config: ShoreConfig
    /// The config file read, if any.
    public var configPath: String?
    /// The rule entries searched (files, folders, `builtin`, `builtin:NAME`); nil when
    /// nothing names any rules.
    public var ruleEntries: [String]?
    /// The rule files `ruleEntries` names; nil when it is nil.
    public var rules: [RuleSource]?
    /// The waiver files: the caller's, else the config's.
    public var waivers: [String]
    /// Problems reading the config.
    public var configDiagnostics: [Diagnostic]
    /// Problems with the rule entries (an unknown `builtin:NAME`; `rules.none`).
    public var ruleDiagnostics: [Diagnostic]

    /// Problems reading the config, then the rule entries.
    public var diagnostics: [Diagnostic] { configDiagnostics + ruleDiagnostics }

    /// Resolves a run's inputs.
    /// - Parameters:
    ///   - configPath: the config file to read, or nil for none.
    ///   - rules: rule entries the caller names (absolute paths or `builtin` selectors).
    ///   - waivers: waiver files the caller names (absolute paths).
    ///   - rulesFolder: the project's `rules` folder when it exists.
    ///   - requireRules: whether named entries that hold no rule file are a `rules.none`
    ///     error (not for `eval`, which works in the built-in environment without rules).
    ///   - displayPath: how `rules.none` shows a searched path.
    public static func resolve(config configPath: String?, rules: [String] = [], waivers: [String] = [],
                               rulesFolder: String?, requireRules: Bool = true, yaml: YAMLLoader = YAMLLoader(),
                               displayPath: (String) -> String = { $0 }) -> InputSelection {
        var config = ShoreConfig()
        var configDiagnostics: [Diagnostic] = []
        if let configPath {
            (config, configDiagnostics) = ConfigLoader.load(path: configPath, yaml: yaml)
        }
        let entries: [String]? = !rules.isEmpty ? rules : !config.rules.isEmpty ? config.rules : rulesFolder.map { [$0] }
        let named = entries.map(RuleFiles.sources(for:))
        var ruleDiagnostics = named?.diagnostics ?? []
        if requireRules, let entries, named?.sources.isEmpty == true {
            ruleDiagnostics.append(RuleFiles.noneFound(under: entries.map(displayPath)))
        }
        return InputSelection(config: config, configPath: configPath, ruleEntries: entries, rules: named?.sources,
                              waivers: waivers.isEmpty ? config.waivers : waivers,
                              configDiagnostics: configDiagnostics, ruleDiagnostics: ruleDiagnostics)
    }

    /// Every file on disk the run will read (rule files, waivers, the config), so
    /// `--output` can refuse to overwrite one.
    public var inputFiles: [String] {
        (rules ?? []).filter { $0.bytes == nil }.map(\.path) + waivers + (configPath.map { [$0] } ?? [])
    }
}

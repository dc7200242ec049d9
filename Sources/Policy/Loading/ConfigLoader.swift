import Reference
import SourceText
import YAML

/// `shore.yaml`: project settings for `shore check` (paths relative to the file's folder).
public struct ShoreConfig: Sendable {
    public var rules: [String] = []
    public var waivers: [String] = []
    /// The lowest severity that fails the run; `.some(nil)` for `none`.
    public var failOn: Severity??
    public var overrides: [String: RuleOverride] = [:]
    /// False with `waivers: { plan: forbid }`: a plan's own waivers are an error.
    public var allowPlanWaivers = true
    /// The rates plan costs are converted with: the built-in reference rates with `fx:`
    /// laid over them.
    public var exchangeRates: ExchangeRates = .builtIn

    public init() {}
}

/// Reads `shore.yaml`.
public enum ConfigLoader {
    public static func load(path: String, yaml: YAMLLoader = YAMLLoader()) -> (config: ShoreConfig, diagnostics: [Diagnostic]) {
        let loaded = yaml.load(path: path)
        var diagnostics = loaded.diagnostics
        var config = ShoreConfig()
        guard let root = loaded.document?.root,
              let fields = FieldReader.open(root, as: RuleSchema.config, codes: .config, into: &diagnostics) else {
            return (config, diagnostics)
        }
        let folder = NSStringPath(path).deletingLastPathComponent
        func paths(_ name: String, in fields: FieldReader) -> [String] {
            guard let value = fields.value(name) else { return [] }
            let items = value.kind == .sequence ? fields.strings(name, into: &diagnostics)
                : fields.string(name, into: &diagnostics).map { [$0] } ?? []
            return items.map { $0.hasPrefix("/") || folder.isEmpty || BuiltinPack.isSelector($0) ? $0 : folder + "/" + $0 }
        }
        config.rules = paths("rules", in: fields)
        if let waivers = fields.value("waivers"), waivers.kind == .mapping {
            if let settings = FieldReader.open(waivers, as: RuleSchema.waiverSettings, codes: .config, into: &diagnostics) {
                config.waivers = paths("files", in: settings)
                config.allowPlanWaivers = settings.oneOf("plan", ["allow", "forbid"], into: &diagnostics) != "forbid"
            }
        } else {
            config.waivers = paths("waivers", in: fields)
        }
        if let failOn = fields.oneOf("fail_on", FailOn.words, into: &diagnostics) {
            config.failOn = .some(FailOn(rawValue: failOn)?.severity)
        }
        if let fx = fields.value("fx"), let settings = FieldReader.open(fx, as: RuleSchema.exchangeRates, codes: .config, into: &diagnostics),
           let base = settings.currency("base", into: &diagnostics) {
            let rates = settings.rates("rates", base: base, into: &diagnostics)
            config.exchangeRates = ExchangeRates.builtIn.overlaid(rates, base: base)
        }
        if let overrides = fields.value("overrides") {
            if overrides.kind != .mapping {
                fields.wrongType(overrides, "overrides", expected: "a mapping of rule ids", into: &diagnostics)
            }
            for entry in overrides.entries {
                guard let id = entry.key.scalar,
                      let override = FieldReader.open(entry.value, as: RuleSchema.override, codes: .config, into: &diagnostics)
                else { continue }
                config.overrides[id] = RuleOverride(
                    severity: override.oneOf("severity", RuleSchema.severities, into: &diagnostics).flatMap(Severity.init(rawValue:)),
                    enabled: override.bool("enabled", into: &diagnostics), location: entry.key.span)
            }
        }
        return (config, diagnostics)
    }
}

/// Path helpers without Foundation's NSString bridging.
struct NSStringPath {
    let path: String
    init(_ path: String) { self.path = path }
    var deletingLastPathComponent: String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}


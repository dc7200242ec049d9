import Reference
import SourceText
import YAML

/// Reads waivers, from a plan's `waivers:` or a `--waivers` file.
public enum WaiverReader {
    /// Reads a list of waiver mappings, reporting each problem with `codes`
    /// (`waiver.*` in a waivers file, `plan.*` in a plan).
    static func read(_ items: [YAMLNode], codes: FieldCodes, into diagnostics: inout [Diagnostic]) -> [Waiver] {
        items.compactMap { read($0, codes: codes, into: &diagnostics) }
    }

    static func read(_ node: YAMLNode, codes: FieldCodes, into diagnostics: inout [Diagnostic]) -> Waiver? {
        guard let fields = FieldReader.open(node, as: WaiverSchema.waiver, codes: codes, into: &diagnostics) else {
            return nil
        }
        let rule = fields.string("rule", into: &diagnostics)
        let plan = fields.string("plan", into: &diagnostics)
        let engagement = fields.string("engagement", into: &diagnostics)
        let country = fields.country("country", into: &diagnostics)
        let reason = fields.string("reason", into: &diagnostics)
        let approvedBy = fields.string("approved_by", into: &diagnostics)
        let ticket = fields.string("ticket", into: &diagnostics)
        let expires = fields.date("expires", into: &diagnostics)
        guard let rule, let reason, let approvedBy, let expires else { return nil }
        return Waiver(rule: rule, plan: plan, engagement: engagement, country: country, reason: reason,
                      approvedBy: approvedBy, ticket: ticket, expires: expires, span: node.span)
    }

    /// Reads a `--waivers FILE`: a mapping with a `waivers:` list.
    public static func load(path: String, yaml: YAMLLoader = YAMLLoader()) -> (waivers: [Waiver], diagnostics: [Diagnostic]) {
        let loaded = yaml.load(path: path)
        var diagnostics = loaded.diagnostics
        guard let root = loaded.document?.root,
              let file = FieldReader.open(root, as: WaiverSchema.file, codes: .waiver, into: &diagnostics) else {
            return ([], diagnostics)
        }
        let waivers = read(file.list("waivers", into: &diagnostics), codes: .waiver, into: &diagnostics)
        return (waivers, diagnostics)
    }
}

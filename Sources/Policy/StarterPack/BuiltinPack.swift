import SourceText

/// The starter pack built into the binary, selectable by name wherever rules are named
/// (`--rules`, `shore.yaml`'s `rules:`): `builtin` is the whole pack, `builtin:NAME` one
/// of its files (NAME is the file name without `.yaml`: `builtin:sanctions`). So a
/// company's own rules can sit beside the built-in ones (`rules: [builtin, rules]`)
/// instead of silently replacing them.
public enum BuiltinPack {
    /// The word that names the pack.
    static let keyword = "builtin"

    /// The pack's parts, by file name without `.yaml`, in file order.
    public static var names: [String] {
        EmbeddedRules.files.map { name(of: $0.path) }
    }

    /// Every file of the pack, each named `builtin:NAME` in diagnostics and summaries.
    public static var sources: [RuleSource] {
        EmbeddedRules.files.map { RuleSource.embedded("\(keyword):\(name(of: $0.path))", text: $0.text) }
    }

    /// Whether a rules entry names the pack or a part of it rather than a path.
    public static func isSelector(_ entry: String) -> Bool {
        entry == keyword || entry.hasPrefix(keyword + ":")
    }

    /// The files `selector` names, or `rules.unknown-pack` with did-you-mean.
    public static func sources(selecting selector: String) -> Result<[RuleSource], Diagnostic> {
        if selector == keyword { return .success(sources) }
        let wanted = String(selector.dropFirst(keyword.count + 1))
        let matching = sources.filter { $0.path == selector }
        if !matching.isEmpty { return .success(matching) }
        let known = names.map { "\(keyword):\($0)" }
        return .failure(Diagnostic(
            .rulesUnknownPack, "'\(selector)' names no part of the built-in pack" + (wanted.isEmpty ? "" : " ('\(wanted)')"),
            at: nil,
            help: Suggestions.didYouMean(selector, among: known + [keyword])
                ?? "use builtin, or one of " + known.joined(separator: ", ")))
    }

    /// `rules/data-protection.yaml` → `data-protection`.
    static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file
    }
}

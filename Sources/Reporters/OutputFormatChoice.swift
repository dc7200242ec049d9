import SourceText

/// One rule for every command that writes a report file: the `--output` file's
/// extension names the format when it is a known one; an explicit `--format` must
/// agree with it; an extension the command does not know is an error unless
/// `--format` says what to write. No extension (or stdout): `--format`, else the default.
public enum OutputFormatChoice {
    /// The extensions `shore check` knows.
    public static let check: [String: OutputFormat] = [
        "json": .json, "sarif": .sarif, "sarif.json": .sarif, "xml": .junit,
        "md": .markdown, "markdown": .markdown, "txt": .text, "text": .text,
    ]

    /// The extensions `shore review` knows.
    public static let review: [String: ReviewFormat] = [
        "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html, "txt": .text, "text": .text,
    ]

    /// The format to write, or the coded error (`output.format-conflict`,
    /// `output.unknown-extension`) explaining why none can be chosen.
    public static func resolve<Format: RawRepresentable>(
        explicit: Format?, output: String?, known: [String: Format], fallback: Format
    ) -> Result<Format, Diagnostic> where Format.RawValue == String {
        guard let output, output != "-", let ext = fileExtension(output, known: known) else {
            return .success(explicit ?? fallback)
        }
        let listed = known.sorted { $0.key < $1.key }.map { ".\($0.key) (\($0.value.rawValue))" }.joined(separator: ", ")
        guard let inferred = known[ext] else {
            if let explicit { return .success(explicit) }
            return .failure(Diagnostic(
                .outputUnknownExtension, "cannot tell which format to write to \(output): '.\(ext)' is not an extension this command writes",
                at: nil, help: "use one of \(listed), or name the format with --format"))
        }
        if let explicit, explicit.rawValue != inferred.rawValue {
            return .failure(Diagnostic(
                .outputFormatConflict, "--format \(explicit.rawValue) conflicts with the output \(output), whose extension means \(inferred.rawValue)",
                at: nil, help: "drop --format (the extension decides), or name the file with the format's extension"))
        }
        return .success(inferred)
    }

    /// The lower-cased extension of the file name (`sarif.json` when `known` has it),
    /// or nil when the name has none.
    static func fileExtension<Format>(_ path: String, known: [String: Format]) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1, !(parts.count == 2 && parts[0].isEmpty), let last = parts.last, !last.isEmpty else { return nil }
        if parts.count > 2, known[parts[parts.count - 2] + "." + last] != nil {
            return parts[parts.count - 2] + "." + last
        }
        return String(last)
    }
}

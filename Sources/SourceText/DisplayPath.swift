/// File paths as a person reads them in a report or a message: relative to the folder
/// the command runs in when the file lies inside it, otherwise exactly as given. The one
/// rule for every command and format (check reports, lint, explain, review).
public enum DisplayPath {
    /// `path` relative to `folder` when it lies inside it (`.` for the folder itself);
    /// otherwise, or when `folder` is nil or empty, `path` unchanged.
    public static func relative(_ path: String, to folder: String?) -> String {
        guard let prefix = prefix(folder) else { return path }
        if path + "/" == prefix || (prefix == "/" && path == "/") { return "." }
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// `text` (rendered diagnostics, a test's failure lines) with every path inside
    /// `folder` written relative to it: each `folder/` is removed wherever it occurs.
    public static func relativeText(_ text: String, to folder: String?) -> String {
        guard let prefix = prefix(folder), prefix != "/" else { return text }
        return text.replacing(prefix, with: "")
    }

    /// `folder` with exactly one trailing `/`, or nil for no folder.
    private static func prefix(_ folder: String?) -> String? {
        guard var base = folder, !base.isEmpty else { return nil }
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        return base == "/" ? "/" : base + "/"
    }
}

/// A report's findings mostly name the same few files, one after another: this keeps the
/// last path's display forms so each is worked out once per run of findings in a file,
/// not once per finding.
struct DisplayPathMemo: Sendable {
    let options: ReportOptions
    private var path: String?
    private var shown = ""
    private var safe: String?
    private var uri: String?

    init(options: ReportOptions) {
        self.options = options
    }

    private mutating func select(_ path: String) {
        guard path != self.path else { return }
        self.path = path
        shown = options.displayPath(path)
        safe = nil
        uri = nil
    }

    /// `options.displayPath(path)`.
    mutating func shown(_ path: String) -> String {
        select(path)
        return shown
    }

    /// The display path made safe for a terminal (`TerminalSafeText.escaped`).
    mutating func terminalSafe(_ path: String) -> String {
        derived(path, \.safe, TerminalSafeText.escaped)
    }

    /// The display path as a URI reference (SARIF's `artifactLocation.uri`).
    mutating func uriReference(_ path: String) -> String {
        derived(path, \.uri, URIReference.fromPath)
    }

    /// A form of the display path, made the first time it is asked for and kept in `slot`.
    private mutating func derived(_ path: String, _ slot: WritableKeyPath<Self, String?>,
                                  _ make: (String) -> String) -> String {
        select(path)
        if let kept = self[keyPath: slot] { return kept }
        let made = make(shown)
        self[keyPath: slot] = made
        return made
    }
}

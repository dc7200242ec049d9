/// A problem with the tool's input (a YAML file, a plan, a rule), as opposed to a
/// policy finding about a plan.
///
/// Every diagnostic has a stable `code` (e.g. `.yamlDuplicateKey`, written `yaml.duplicate-key`) that users and
/// tests can rely on, a location where one is known, and where possible a `help`
/// line that says how to fix it ("did you mean 'GB'?").
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// A secondary message, pointing at another place ("first defined here").
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceSpan?
        public init(_ message: String, at location: SourceSpan? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var location: SourceSpan?
    public var notes: [Note]
    public var help: String?

    public init(
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceSpan?,
        severity: Severity = .error,
        notes: [Note] = [],
        help: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.help = help
    }

    /// One line: `path:line:col: error[code]: message`.
    public var description: String {
        let place = location.map { "\($0.path):\($0.start.line):\($0.start.column): " } ?? ""
        return "\(place)\(severity.rawValue)[\(code)]: \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, then code; diagnostics without a location first.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? a.offset < b.offset : l < r
            }
        }.map(\.element)
    }
}

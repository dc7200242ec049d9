import SourceText

/// `fail_on` in `shore.yaml` and `--fail-on`: the lowest severity of a failing finding
/// that fails the run (exit 1), or `none` for a run that reports without gating. The
/// one list of these words: the config reader, the config schema and the CLI use it.
public enum FailOn: String, CaseIterable, Sendable {
    case error, warning, info, none

    /// The gate's severity; nil for `none`.
    public var severity: Severity? { Severity(rawValue: rawValue) }

    /// The words, in the order help and error messages list them.
    public static var words: [String] { allCases.map(\.rawValue) }
}

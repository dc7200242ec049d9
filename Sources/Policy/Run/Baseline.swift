import SourceText
import YAML

/// A previous `--format json` result: its findings' fingerprints. `--baseline` reports
/// only findings that are not in it, so a team can adopt a rule without fixing every
/// old finding first.
public struct Baseline: Sendable {
    public let fingerprints: Set<String>
    /// The baseline's findings as it records them (to name the fixed ones).
    public let findings: [BaselineFinding]

    init(fingerprints: Set<String>, findings: [BaselineFinding] = []) {
        self.fingerprints = fingerprints
        self.findings = findings
    }

    /// Reads a JSON result written by `shore check --format json` (version 1): a regular
    /// file within the input size limit, nested at most `limits.maxDepth` deep.
    public static func load(path: String, limits: YAMLLimits = .default) -> Result<Baseline, Diagnostic> {
        switch FileReader.read(path: path, maxBytes: limits.maxFileBytes) {
        case .success(let bytes):
            return parse(bytes: bytes, path: path, limits: limits)
        case .failure(let diagnostic):
            let code = diagnostic.code == .ioUnreadable ? .baselineUnreadable : diagnostic.code
            return .failure(Diagnostic(code, diagnostic.message, at: diagnostic.location,
                                       help: diagnostic.help ?? help(path)))
        }
    }

    private static func help(_ path: String) -> String {
        "write one with `shore check … --format json --output \(path)`"
    }

    /// Reads the bytes of a JSON result; `path` names it in diagnostics.
    public static func parse(bytes: [UInt8], path: String, limits: YAMLLimits = .default) -> Result<Baseline, Diagnostic> {
        let help = help(path)
        let source = SourceFile(path: path, bytes: bytes)
        func at(_ offset: Int) -> SourceSpan {
            let position = source.position(ofByteOffset: min(offset, bytes.count))
            return SourceSpan(file: source, start: position, end: position)
        }
        let start = at(0)
        switch BaselineScanner(bytes: bytes, maxDepth: limits.maxDepth).scan() {
        case .success(let contents):
            guard contents.version == String(supportedVersion) else {
                return .failure(Diagnostic(
                    .baselineUnsupportedVersion,
                    contents.version.map { "\(path) is a version \($0) result; this Shore reads version \(supportedVersion)" }
                        ?? "\(path) has no \"version\"; this Shore reads version \(supportedVersion) results",
                    at: start, help: "write the baseline again with this Shore: " + help))
            }
            return .success(Baseline(fingerprints: contents.fingerprints, findings: contents.findings))
        case .failure(.tooDeep(let offset)):
            return .failure(Diagnostic(.baselineTooDeep, "\(path) nests deeper than \(limits.maxDepth) levels", at: at(offset),
                                       help: "a Shore JSON result nests only a few levels; " + help))
        case .failure(.duplicateKey(let key, let offset)):
            return .failure(Diagnostic(.baselineInvalid, "\(path) has the key \"\(key)\" twice in one object", at: at(offset),
                                       help: help))
        case .failure(.syntax(let offset)):
            return .failure(Diagnostic(.baselineInvalid, "\(path) is not valid JSON", at: at(offset), help: help))
        case .failure(.notAnObject), .failure(.noFindings):
            return .failure(Diagnostic(.baselineInvalid, "\(path) is not a Shore JSON result (no \"findings\" list)", at: start,
                                       help: help))
        }
    }

    /// The JSON result version baselines are read from.
    static let supportedVersion = 1

    /// The report without the findings already in the baseline, with the counts of
    /// new, known and fixed findings (`CheckReport.baseline`).
    public func filter(_ report: CheckReport) -> CheckReport {
        var found = Set<String>()
        var known = 0
        let plans = report.plans.map { plan in
            PlanReport(plan: plan.plan, findings: plan.findings.filter { finding in
                found.insert(finding.fingerprint)
                guard fingerprints.contains(finding.fingerprint) else { return true }
                known += 1
                return false
            })
        }
        let checked = Set(report.plans.map(\.plan.id))
        var fixed = findings.filter { entry in
            !found.contains(entry.fingerprint) && entry.plan.map(checked.contains) ?? true
        }
        var listed = Set<String>()
        fixed.removeAll { !listed.insert($0.fingerprint).inserted }
        let new = plans.reduce(0) { $0 + $1.findings.count }
        var filtered = report
        filtered.plans = plans
        filtered.baseline = BaselineComparison(new: new, known: known, fixed: fixed)
        return filtered
    }
}

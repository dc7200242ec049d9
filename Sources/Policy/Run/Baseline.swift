import Foundation
import SourceText

/// A previous `--format json` result: its findings' fingerprints. `--baseline` reports
/// only findings that are not in it, so a team can adopt a rule without fixing every
/// old finding first.
public struct Baseline: Sendable {
    public let fingerprints: Set<String>

    public init(fingerprints: Set<String>) {
        self.fingerprints = fingerprints
    }

    /// Reads a JSON result written by `shore check --format json`.
    public static func load(path: String) -> Result<Baseline, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic("baseline.unreadable", "cannot read the baseline \(path)", at: nil,
                                       help: "write one with `shore check … --format json --output \(path)`"))
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]] else {
            return .failure(Diagnostic("baseline.invalid", "\(path) is not a Shore JSON result (no \"findings\" list)", at: nil,
                                       help: "write one with `shore check … --format json --output \(path)`"))
        }
        return .success(Baseline(fingerprints: Set(findings.compactMap { $0["fingerprint"] as? String })))
    }

    /// The report without the findings already in the baseline.
    public func filter(_ report: CheckReport) -> CheckReport {
        CheckReport(
            plans: report.plans.map { PlanReport(plan: $0.plan, findings: $0.findings.filter { !fingerprints.contains($0.fingerprint) }) },
            rules: report.rules, diagnostics: report.diagnostics, failOn: report.failOn, waivers: report.waivers)
    }
}

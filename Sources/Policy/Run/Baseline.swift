import Foundation
import SourceText

/// A previous `--format json` result: its findings' fingerprints. `--baseline` reports
/// only findings that are not in it, so a team can adopt a rule without fixing every
/// old finding first.
public struct Baseline: Sendable {
    public let fingerprints: Set<String>
    /// The baseline's findings as it records them (to name the fixed ones).
    public let findings: [BaselineFinding]

    public init(fingerprints: Set<String>, findings: [BaselineFinding] = []) {
        self.fingerprints = fingerprints
        self.findings = findings
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
        return .success(Baseline(fingerprints: Set(findings.compactMap { $0["fingerprint"] as? String }),
                                 findings: findings.compactMap(BaselineFinding.init(json:))))
    }

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
        var filtered = CheckReport(plans: plans, rules: report.rules, diagnostics: report.diagnostics,
                                   failOn: report.failOn, waivers: report.waivers, policyChanges: report.policyChanges)
        filtered.baseline = BaselineComparison(new: new, known: known, fixed: fixed)
        return filtered
    }
}

import FuzzSupport

/// Plan loading and validation on arbitrary bytes, then evaluation of the example rules
/// on whatever loads: never a crash, never a plan dropped without an error, aggregates
/// that add up (no wrapped headcount, shares in 0…1, one provider per name).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let yaml = YAMLLoader(limits: FuzzLimits.yaml)
    let loaded = PlanLoader(yaml: yaml, classifications: exampleRules.classifications, today: fuzzToday)
        .interpret(yaml.load(bytes: bytes, path: "plan.yaml"))
    checkLocations(loaded.diagnostics)
    guard let plan = loaded.plan else {
        require(loaded.diagnostics.containsErrors, "a plan failed to load without an error")
        return 0
    }
    // Sums are checked: no wrapped count, no share outside 0…1; one provider name is one provider.
    for country in plan.countries {
        require(country.headcount >= 0 && (0...1).contains(country.headcountShare), "country \(country.code) headcount \(country.headcount)")
    }
    for provider in plan.providers {
        require(provider.headcount >= 0 && (0...1).contains(provider.costShare), "provider \(provider.name) sums")
    }
    for engagement in plan.engagements {
        let provider = plan.providers.first { $0.name == engagement.provider.name }
        require(provider?.kind == engagement.provider.kind && provider?.country == engagement.provider.country,
                "provider \(engagement.provider.name) merged with another kind or country")
    }
    let findings = Evaluator(rules: exampleRules, options: EvaluationOptions(parallel: false)).check(plan)
    for finding in findings {
        require(finding.status != .failing || finding.severity == exampleRules.rules.first { $0.id == finding.rule }?.severity
                    || finding.kind == .waiverExpired || finding.kind == .waiverUnused,
                "finding \(finding.rule) has a severity its rule does not")
        _ = finding.message
    }
    return 0
}

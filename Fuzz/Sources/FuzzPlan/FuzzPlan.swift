import FuzzSupport

/// Plan loading and validation on arbitrary bytes, then evaluation of the example rules
/// on whatever loads: never a crash, never a plan dropped without an error.
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
    let findings = Evaluator(rules: exampleRules, options: EvaluationOptions(parallel: false)).check(plan)
    for finding in findings {
        require(finding.status != .failing || finding.severity == exampleRules.rules.first { $0.id == finding.rule }?.severity
                    || finding.kind == .waiverExpired || finding.kind == .waiverUnused,
                "finding \(finding.rule) has a severity its rule does not")
        _ = finding.message
    }
    return 0
}

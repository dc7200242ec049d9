import FuzzSupport

/// Rule loading and CEL compilation on arbitrary text, then evaluation of whatever
/// loads on the example plan: never a crash, never rules dropped without an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let loaded = RuleLoader(yaml: YAMLLoader(limits: FuzzLimits.yaml))
        .load(sources: [RuleSource.embedded("rules.yaml", text: text)])
    checkLocations(loaded.diagnostics)
    guard let rules = loaded.rules else {
        require(loaded.diagnostics.containsErrors, "rules failed to load without an error")
        return 0
    }
    let findings = Evaluator(rules: rules, options: EvaluationOptions(parallel: false)).check(examplePlan)
    for finding in findings where finding.kind == .evaluationError {
        require(finding.status == .failing, "an evaluation error that is not failing: \(finding.rule)")
    }
    return 0
}

import FuzzSupport

/// The message template: the fuzzer's text becomes the `message` of a rule that fails
/// on every engagement of the example plan, so every placeholder is compiled (located in
/// the rule file) and rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let template = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let text = """
        policy: fuzz
        rules:
          - id: FUZZ-001
            for: engagement
            assert: "false"
            message: \(doubleQuoted(template))
        """
    let loaded = RuleLoader().load(sources: [RuleSource.embedded("rules.yaml", text: text)])
    checkLocations(loaded.diagnostics)
    guard let rules = loaded.rules else {
        require(loaded.diagnostics.containsErrors, "rules failed to load without an error")
        return 0
    }
    // The example plan's own waivers name other rules: they come back as waiver-unused.
    let findings = Evaluator(rules: rules, options: EvaluationOptions(parallel: false)).check(examplePlan)
        .filter { $0.rule == "FUZZ-001" }
    require(findings.count == examplePlan.engagements.count && findings.allSatisfy { $0.kind == .violation },
            "\(findings.count) findings for \(examplePlan.engagements.count) engagements")
    if !template.contains("{") {
        for finding in findings { require(finding.message == template, "a template without placeholders changed") }
    }
    return 0
}

/// `s` as a YAML double-quoted scalar, every character preserved.
func doubleQuoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029:
            out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

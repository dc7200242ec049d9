/// `lint.*`: rules that load but are probably not what their author meant (`shore lint`).
extension DiagnosticCode {
    public static let lintConstantWhen = DiagnosticCode(
        "lint.constant-when", .warning,
        "A `when` that is always false (the rule never applies; a warning) or always true (it changes nothing; info).",
        example: "the 'when' of data.eea-only is always false, so the rule never applies")
    public static let lintConstantAssert = DiagnosticCode(
        "lint.constant-assert", .warning, "An `assert` that is always true, so the rule can never fire.",
        example: "the 'assert' of data.eea-only is always true, so the rule can never fire")
    public static let lintUnusedSet = DiagnosticCode(
        "lint.unused-set", .warning, "A set no rule uses.",
        example: "the set 'allies' is defined but no rule uses it")

    public static let lintPlanWideSearch = DiagnosticCode(
        "lint.plan-wide-search", .warning,
        "A rule that runs once per item (per provider, location …) searches `plan.engagements`, so its work grows with items × engagements: slow on a large plan, and each item's search may run out of the evaluation budget.",
        example: "the 'when' of SANC-004 searches plan.engagements once per provider, so its work grows with providers × engagements")

    static let lintCodes: [DiagnosticCode] = [lintConstantWhen, lintConstantAssert, lintUnusedSet, lintPlanWideSearch]
}

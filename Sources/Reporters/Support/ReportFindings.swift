import Policy

extension CheckReport {
    /// Every finding, plan by plan, without copying them into one array first.
    var allFindings: LazySequence<FlattenSequence<LazyMapSequence<[PlanReport], [Finding]>>> {
        plans.lazy.flatMap(\.findings)
    }
}

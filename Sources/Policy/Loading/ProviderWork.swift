/// What a provider's engagements record between them: every control and every country
/// with a location, each once, in the order first met. A `for: provider` rule reads them
/// as `provider.controls` and `provider.work_countries` instead of searching
/// `plan.engagements` for the provider's engagements (work per provider, not per plan).
///
/// Both lists stay short (a plan's control vocabulary, a provider's countries), so a
/// linear `contains` is cheaper than hashing every control of every engagement.
struct ProviderWork {
    private(set) var controls: [String] = []
    private(set) var countries: [String] = []

    /// Adds an engagement's `controls` and its `locations`' countries.
    mutating func add(controls engagementControls: [String], locations: [Location]) {
        for control in engagementControls where !controls.contains(control) {
            controls.append(control)
        }
        for l in locations.indices where !countries.contains(locations[l].country) {
            countries.append(locations[l].country)
        }
    }
}

/// What a provider's engagements record between them: every control and every country
/// with a location, each once, in the order first met. A `for: provider` rule reads them
/// as `provider.controls` and `provider.work_countries` instead of searching
/// `plan.engagements` for the provider's engagements (work per provider, not per plan).
struct ProviderWork {
    private(set) var controls: [String] = []
    private(set) var countries: [String] = []
    private var seenControls: Set<String> = []
    private var seenCountries: Set<String> = []

    mutating func add(_ engagement: Engagement) {
        for control in engagement.controls where seenControls.insert(control).inserted {
            controls.append(control)
        }
        for location in engagement.locations where seenCountries.insert(location.country).inserted {
            countries.append(location.country)
        }
    }
}

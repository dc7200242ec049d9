/// What one thread keeps while it reads its share of a plan's engagements: its string
/// interner, its overlap memo and the places of the parts it reads. One per thread, never
/// shared while reading.
final class PlanReadingState {
    let strings = StringInterner()
    let overlaps: OverlapMemo
    let places: PlanPlaces

    init(overlaps: OverlapMemo, places: PlanPlaces) {
        self.overlaps = overlaps
        self.places = places
    }
}

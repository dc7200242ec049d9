@testable import Policy
import Testing

/// The fixed memo behind the because lines and the messages: an entry is found only by
/// its own hash and only when the caller's check accepts it; a newer entry replaces an
/// older one in its slot.
@Suite("Slot table")
struct SlotTableTests {
    @Test func anEntryIsFoundByItsHashAndTheCallersCheck() {
        var table = SlotTable<String>(slotCount: 4)
        #expect(table.withEntry(for: 7, where: { _ in true }, { $0 }) == nil, "an empty table holds nothing")
        table.keep("seven", for: 7)
        #expect(table.withEntry(for: 7, where: { $0 == "seven" }, { $0 }) == "seven")
        #expect(table.withEntry(for: 7, where: { $0 == "other" }, { $0 }) == nil, "the caller's check decides")
        #expect(table.withEntry(for: 11, where: { _ in true }, { $0 }) == nil, "same slot, another hash")
        table.keep("eleven", for: 11)
        #expect(table.withEntry(for: 7, where: { _ in true }, { $0 }) == nil, "replaced in its slot")
        #expect(table.withEntry(for: 11, where: { _ in true }, { $0 }) == "eleven")
    }

    /// A hash of 0 (the empty slot's mark) is still kept and found.
    @Test func aZeroHashIsKept() {
        var table = SlotTable<Int>(slotCount: 2)
        #expect(table.withEntry(for: 0, where: { _ in true }, { $0 }) == nil)
        table.keep(42, for: 0)
        #expect(table.withEntry(for: 0, where: { _ in true }, { $0 }) == 42)
        #expect(table.withEntry(for: 2, where: { _ in true }, { $0 }) == nil)
    }
}

@testable import Policy
@testable import Reporters
import Testing

/// The JSON of a `because` list is laid out once and then copied (`BecauseJSONMemo`):
/// what it writes is always what `appendBecause` writes for that list at that indent.
@Suite("Because JSON memo")
struct BecauseJSONMemoTests {
    /// Lists with the same lines share storage only when copied from one another; many
    /// more lists than the memo has slots, each written at two indents, in an order that
    /// revisits them: every write must match the list's own text.
    @Test func writesEachListsOwnText() {
        let lists: [[Because]] = (0..<3 * BecauseJSONMemo.slotCount).map { n in
            [Because(expression: "location.country in approved", value: "\"C\(n)\" in [\"US\", \"CA\"]")]
                + (n.isMultiple(of: 3) ? [Because(expression: "engagement.controls", value: "[\"sla\", \"\\(n)\"]")] : [])
        }
        var memo = BecauseJSONMemo()
        var order = Array(lists.indices) + lists.indices.reversed() + lists.indices.filter { $0.isMultiple(of: 7) }
        order += order
        for (step, n) in order.enumerated() {
            let indent = 2 + step % 2
            let viaMemo = UTF8Text(), direct = UTF8Text()
            memo.append(lists[n], indent: indent, to: viaMemo)
            direct.appendBecause(lists[n], indent: indent)
            // Bytes, not String ==: canonically equivalent texts must not pass for one another.
            #expect(viaMemo.bytes(from: 0) == direct.bytes(from: 0), "list \(n) at indent \(indent)")
            if viaMemo.bytes(from: 0) != direct.bytes(from: 0) { return }
        }
    }

    /// A list with the same lines as one written before, but its own storage, is written
    /// from its own lines (a list freed and its storage reused is never mistaken for the
    /// one before, since the memo holds what it was made from).
    @Test func aNewListWithOtherLinesIsNotTakenForAnOldOne() {
        var memo = BecauseJSONMemo()
        for n in 0..<500 {
            let list = [Because(expression: "x", value: String(n))]
            let viaMemo = UTF8Text(), direct = UTF8Text()
            memo.append(list, indent: 2, to: viaMemo)
            direct.appendBecause(list, indent: 2)
            #expect(viaMemo.bytes(from: 0) == direct.bytes(from: 0))
        }
    }
}

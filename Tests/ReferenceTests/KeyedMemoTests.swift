import Reference
import Testing

/// A memo works each key's value out once, a missing value (nil) included, and answers
/// the same from every thread.
@Suite struct KeyedMemoTests {
    @Test func eachKeyIsWorkedOutOnceAndNilIsKept() {
        let memo = KeyedMemo<String, Int?>()
        var made: [String] = []
        func value(_ key: String) -> Int? {
            memo.value(for: key) {
                made.append(key)
                return Int(key)
            }
        }
        #expect(value("12") == 12)
        #expect(value("x") == nil)
        #expect(value("12") == 12)
        #expect(value("x") == nil)
        #expect(made == ["12", "x"])
    }

    static let shared = KeyedMemo<Int, String>()

    @Test func threadsGetTheSameValues() async {
        let values = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<200).map { key in Self.shared.value(for: key % 20) { "v\(key % 20)" } } } }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(values.count == 8)
        #expect(values.allSatisfy { $0 == (0..<200).map { "v\($0 % 20)" } })
    }
}

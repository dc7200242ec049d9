import Testing
@testable import Reference

@Suite("Generated tables read by key")
struct TableTextTests {
    @Test func aRowIsFoundByItsWholeKey() {
        let text = "AB\tx\tfirst\nA\ty\nABC\tz\nAB\tlater\n"
        #expect(TableText.row(text, key: "AB") == ["x", "first"])
        #expect(TableText.row(text, key: "A") == ["y"])
        #expect(TableText.row(text, key: "ABC") == ["z"])
        #expect(TableText.row(text, key: "B") == nil)
        #expect(TableText.row(text, key: "") == nil)
        #expect(TableText.row("K\t", key: "K") == [""])
    }

    /// Each country's official languages, read lazily by key, are what parsing every
    /// row of the table gives.
    @Test func officialLanguagesReadByKeyMatchTheWholeTable() {
        let rows = TableText.rows(Languages.officialData)
        #expect(rows.count > 200)
        for row in rows {
            let expected = row.count == 2
                ? TableText.split(row[1], at: ",", keepingEmpty: false).map { TableText.split($0, at: ":")[0] } : []
            #expect(Languages.officialLanguageDetails(row[0]).map(\.cldrCode) == expected, "\(row[0])")
        }
    }
}

import Testing
@testable import Reference

/// The generated tables' text form: rows as the tables' readers expect them.
@Suite struct TableTextTests {
    @Test func rowsDropEmptyLinesAndKeepEmptyFields() {
        let text = "AD\t\tAndorra\n\nBF,CI\t\t\n\t\nlast\tline"
        #expect(TableText.rows(text) == [["AD", "", "Andorra"], ["BF,CI", "", ""], ["", ""], ["last", "line"]])
    }

    @Test func rowsKeepNonASCIIFieldsWhole() {
        #expect(TableText.rows("CI\tCôte d’Ivoire\nÅland:x\ty", separator: "\t") == [["CI", "Côte d’Ivoire"], ["Åland:x", "y"]])
        #expect(TableText.rows("a:b::c\n", separator: ":") == [["a", "b", "", "c"]])
        #expect(TableText.rows("").isEmpty)
        #expect(TableText.rows("\n\n").isEmpty)
    }
}

/// Draws values under a one-line expression, power-assert style:
///
/// ```
/// location.country == company.country
/// │                   │
/// "PH"                "US"
/// ```
///
/// Values are placed right to left; one that would run into a value already on the
/// lowest row starts a new row, and every value keeps a bar up to its anchor.
enum PowerAssertLayout {
    public struct Mark: Sendable, Equatable {
        /// Column (0-based, in characters) under which the value hangs.
        let column: Int
        public let text: String
        init(column: Int, text: String) {
            self.column = column
            self.text = text
        }
    }

    /// The lines to print under the expression (without the expression itself).
    static func lines(_ marks: [Mark]) -> [String] {
        guard !marks.isEmpty else { return [] }
        var unique: [Mark] = []
        for mark in marks.sorted(by: { $0.column > $1.column }) where !unique.contains(where: { $0.column == mark.column }) {
            unique.append(mark)
        }
        var rows: [[Mark]] = []
        for mark in unique {
            if var last = rows.popLast() {
                let leftmost = last.map(\.column).min() ?? Int.max
                if mark.column + mark.text.count < leftmost {
                    last.append(mark)
                    rows.append(last)
                } else {
                    rows.append(last)
                    rows.append([mark])
                }
            } else {
                rows.append([mark])
            }
        }
        var result = [draw(bars: unique.map(\.column), values: [])]
        for (index, row) in rows.enumerated() {
            let below = rows[(index + 1)...].flatMap { $0 }.map(\.column)
            result.append(draw(bars: below, values: row))
        }
        return result
    }

    private static func draw(bars: [Int], values: [Mark]) -> String {
        let width = max((bars.max() ?? 0) + 1, values.map { $0.column + $0.text.count }.max() ?? 0)
        var line = [Character](repeating: " ", count: width)
        for column in bars where column < width { line[column] = "│" }
        for mark in values {
            for (offset, character) in mark.text.enumerated() where mark.column + offset < width {
                line[mark.column + offset] = character
            }
        }
        var text = String(line)
        while text.last == " " { text.removeLast() }
        return text
    }
}

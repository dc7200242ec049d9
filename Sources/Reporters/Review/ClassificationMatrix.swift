import Policy

/// Which classes of data are handled in which countries: rows are the classification
/// scale (highest first), columns the plan's location countries; a cell holds the data
/// items of that class handled by an engagement with a location in that country.
struct ClassificationMatrix: Sendable, Hashable {
    /// Highest first.
    let classifications: [String]
    /// Country codes, in order of first appearance in the plan.
    let countries: [String]
    /// `cells[row][column]`: the names of the data items (`engagement: item`).
    let cells: [[[String]]]

    init(plan: Plan, scale: [String]) {
        var rows = Array(scale.reversed())
        var rowOf = Dictionary(rows.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // A classification outside the scale cannot pass validation, but never drop data.
        for engagement in plan.engagements {
            for item in engagement.data where rowOf[item.classification] == nil {
                rowOf[item.classification] = rows.count
                rows.append(item.classification)
            }
        }
        let columns = plan.countries.map(\.code)
        let columnOf = Dictionary(columns.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var cells = [[[String]]](repeating: [[String]](repeating: [], count: columns.count), count: rows.count)
        for engagement in plan.engagements {
            let here = Set(engagement.locations.compactMap { columnOf[$0.country] })
            for item in engagement.data {
                guard let row = rowOf[item.classification] else { continue }
                for column in here { cells[row][column].append("\(engagement.id): \(item.name)") }
            }
        }
        classifications = rows
        countries = columns
        self.cells = cells
    }

    /// The rank of a row from the bottom of the scale, 1-based (restricted = 4 on the default scale).
    public func level(ofRow row: Int) -> Int { classifications.count - row }
}

import Policy

/// Which classes of data are handled in which countries: rows are the classification
/// scale (highest first), columns the plan's location countries; a cell holds the data
/// items of that class handled by an engagement with a location in that country.
public struct ClassificationMatrix: Sendable, Hashable {
    /// Highest first.
    public let classifications: [String]
    /// Country codes, in order of first appearance in the plan.
    public let countries: [String]
    /// `cells[row][column]`: the names of the data items (`engagement: item`).
    public let cells: [[[String]]]

    init(plan: Plan, scale: [String]) {
        var rows = Array(scale.reversed())
        // A classification outside the scale cannot pass validation, but never drop data.
        for engagement in plan.engagements {
            for item in engagement.data where !rows.contains(item.classification) { rows.append(item.classification) }
        }
        let columns = plan.countries.map(\.code)
        var cells = [[[String]]](repeating: [[String]](repeating: [], count: columns.count), count: rows.count)
        for engagement in plan.engagements {
            let here = Set(engagement.locations.map(\.country))
            for item in engagement.data {
                guard let row = rows.firstIndex(of: item.classification) else { continue }
                for (column, code) in columns.enumerated() where here.contains(code) {
                    cells[row][column].append("\(engagement.id): \(item.name)")
                }
            }
        }
        classifications = rows
        countries = columns
        self.cells = cells
    }

    /// The rank of a row from the bottom of the scale, 1-based (restricted = 4 on the default scale).
    public func level(ofRow row: Int) -> Int { classifications.count - row }
}

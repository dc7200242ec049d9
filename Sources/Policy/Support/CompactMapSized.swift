extension Sequence {
    /// `compactMap` into an array sized for every element up front. The plan model holds
    /// hundreds of thousands of short lists (locations, data items, languages, controls);
    /// `compactMap` grows each from one element, leaving a discarded buffer behind per list.
    func compactMapSized<T>(_ transform: (Element) throws -> T?) rethrows -> [T] {
        var result: [T] = []
        result.reserveCapacity(underestimatedCount)
        for element in self {
            if let value = try transform(element) { result.append(value) }
        }
        return result
    }
}

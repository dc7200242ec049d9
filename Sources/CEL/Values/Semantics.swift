/// CEL equality (`==`) of two values that are not errors: heterogeneous numbers compare
/// by value, differing kinds are unequal.
func equalValues(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case let (.bool(x), .bool(y)): return x == y
    case let (.string(x), .string(y)): return sameScalars(x, y)
    case let (.bytes(x), .bytes(y)): return x == y
    case let (.int(x), .int(y)): return x == y
    case let (.uint(x), .uint(y)): return x == y
    case let (.double(x), .double(y)): return x == y
    case (.int, .uint), (.uint, .int), (.int, .double), (.double, .int), (.uint, .double), (.double, .uint):
        return compareNumbers(a, b) == 0
    case let (.list(x), .list(y)):
        guard x.count == y.count else { return false }
        for i in 0..<x.count where !equalValues(x[i], y[i]) { return false }
        return true
    case let (.map(x), .map(y)):
        guard x.count == y.count else { return false }
        for i in 0..<x.keys.count {
            guard let v = y[x.keys[i]], equalValues(x.values[i], v) else { return false }
        }
        return true
    case let (.timestamp(x), .timestamp(y)): return x == y
    case let (.duration(x), .duration(y)): return x == y
    case let (.type(x), .type(y)): return x.runtimeName == y.runtimeName
    case let (.object(x), .object(y)): return x.celEquals(y)
    default: return false
    }
}

/// Compares two numbers of any numeric kinds; nil if not both numeric or NaN involved.
func compareNumbers(_ a: CELValue, _ b: CELValue) -> Int? {
    switch (a, b) {
    case let (.int(x), .int(y)): return x < y ? -1 : (x > y ? 1 : 0)
    case let (.uint(x), .uint(y)): return x < y ? -1 : (x > y ? 1 : 0)
    case let (.double(x), .double(y)):
        if x.isNaN || y.isNaN { return nil }
        return x < y ? -1 : (x > y ? 1 : 0)
    case let (.int(x), .uint(y)):
        if x < 0 { return -1 }
        let ux = UInt64(x)
        return ux < y ? -1 : (ux > y ? 1 : 0)
    case (.uint, .int): return compareNumbers(b, a).map { -$0 }
    case let (.int(x), .double(y)): return compareIntDouble(x, y)
    case (.double, .int): return compareNumbers(b, a).map { -$0 }
    case let (.uint(x), .double(y)):
        if y.isNaN { return nil }
        let dx = Double(x)
        return dx < y ? -1 : (dx > y ? 1 : 0)
    case (.double, .uint): return compareNumbers(b, a).map { -$0 }
    default: return nil
    }
}

private func compareIntDouble(_ x: Int64, _ y: Double) -> Int? {
    if y.isNaN { return nil }
    let dx = Double(x)
    return dx < y ? -1 : (dx > y ? 1 : 0)
}

/// Ordering for `<`, `<=`, `>`, `>=`: nil when the kinds are not comparable.
func compareValues(_ a: CELValue, _ b: CELValue) -> Int? {
    switch (a, b) {
    case let (.string(x), .string(y)):
        // Code point order equals UTF-8 byte order.
        return sameScalars(x, y) ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
    case let (.bytes(x), .bytes(y)):
        return x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
    case let (.bool(x), .bool(y)): return x == y ? 0 : (!x ? -1 : 1)
    case let (.timestamp(x), .timestamp(y)): return x == y ? 0 : (x < y ? -1 : 1)
    case let (.duration(x), .duration(y)): return x == y ? 0 : (x < y ? -1 : 1)
    default: return compareNumbers(a, b)
    }
}

func isNumeric(_ v: CELValue) -> Bool {
    switch v {
    case .int, .uint, .double: return true
    default: return false
    }
}

/// String equality by code points, that is by UTF-8 bytes (CEL does not apply Unicode
/// normalization, unlike Swift's `==`). Also the package's test for two texts that must
/// not pass for one another when merely canonically equivalent.
@inlinable @inline(__always)
package func sameScalars(_ a: String, _ b: String) -> Bool {
    if a.utf8.count != b.utf8.count { return false }
    // Equal code points imply Swift's (canonical) equality, so its fast comparison
    // (identical or small strings, memcmp for NFC text) settles every mismatch.
    guard a == b else { return false }
    var x = a, y = b
    return x.withUTF8 { px in y.withUTF8 { py in sameBytes(px, py) } }
}

/// Whether two byte buffers are equal, compared eight bytes at a time (`elementsEqual`
/// walks them through iterators, several times slower on the short strings rules compare).
@inlinable @inline(__always)
package func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = a.count
    guard count == b.count else { return false }
    guard count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
    let x = UnsafeRawPointer(pa), y = UnsafeRawPointer(pb)
    var i = 0
    while i + 8 <= count {
        if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
        i += 8
    }
    while i < count {
        if pa[i] != pb[i] { return false }
        i += 1
    }
    return true
}

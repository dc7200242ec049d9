/// Where a finding's subject sits in the plan, `engagements[12].locations[0]`, kept as
/// numbers and written out only when shown: a large plan has hundreds of thousands of
/// findings, and their paths as strings would be as many allocations.
public struct PlanPath: Sendable, Hashable {
    /// What inside the engagement the path goes on to: one of its lists, its provider, or
    /// nothing (the engagement itself).
    public enum Member: UInt8, Sendable {
        case engagement, locations, data, languages, subcontractors, provider

        /// The member's key in the plan (`locations`); not written for the engagement itself.
        var key: StaticString {
            switch self {
            case .engagement: "engagement"
            case .locations: "locations"
            case .data: "data"
            case .languages: "languages"
            case .subcontractors: "subcontractors"
            case .provider: "provider"
            }
        }

        /// Whether the member is a list (its path ends in an index).
        var isList: Bool { self != .engagement && self != .provider }
    }

    let engagement: UInt32
    let member: Member
    let index: UInt32

    /// `engagements[engagement]`, then `.member` and, for a list, `[index]`.
    init(engagement: Int, _ member: Member = .engagement, index: Int = 0) {
        self.engagement = UInt32(truncatingIfNeeded: engagement)
        self.member = member
        self.index = UInt32(truncatingIfNeeded: index)
    }

    /// The most bytes `write(into:)` writes.
    public static let maxLength = 64

    /// The path as written: `engagements[12].locations[0]`.
    public var text: String {
        String(unsafeUninitializedCapacity: Self.maxLength) { write(into: $0.baseAddress!) }
    }

    /// Writes the UTF-8 bytes of `text` (at most `maxLength`; nothing in them needs
    /// quoting in JSON) at `out` and returns how many.
    public func write(into out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        func append(_ text: StaticString) {
            (out + count).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            count += text.utf8CodeUnitCount
        }
        func append(index value: UInt32) {
            out[count] = 0x5B
            var digits = 1, scale: UInt32 = 10
            while digits < 10, value >= scale {
                digits += 1
                scale = scale &* 10
            }
            var rest = value
            for position in stride(from: count + digits, through: count + 1, by: -1) {
                out[position] = 0x30 + UInt8(rest % 10)
                rest /= 10
            }
            out[count + digits + 1] = 0x5D
            count += digits + 2
        }
        append("engagements")
        append(index: engagement)
        if member != .engagement {
            out[count] = 0x2E
            count += 1
            append(member.key)
            if member.isList { append(index: index) }
        }
        return count
    }
}

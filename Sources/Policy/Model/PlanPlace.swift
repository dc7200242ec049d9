import SourceText
import YAML

/// Where one part of a plan is written — the whole mapping and the value of each field it
/// writes — kept as file offsets, so the parsed YAML tree can be let go once the plan is
/// read. Findings point at a field through it (`span(of: "country")`), else at the part.
public struct PlanPlace: Sendable {
    /// Which of the plan's mappings a place is: it names the schema a field is looked up in.
    public enum Kind: UInt8, Sendable {
        case plan, company, engagement, provider, owner, location, data, language, subcontractor, cost

        var schema: SchemaObject {
            switch self {
            case .plan: PlanSchema.plan
            case .company: PlanSchema.company
            case .engagement: PlanSchema.engagement
            case .provider: PlanSchema.provider
            case .owner: PlanSchema.owner
            case .location: PlanSchema.location
            case .data: PlanSchema.data
            case .language: PlanSchema.language
            case .subcontractor: PlanSchema.subcontractor
            case .cost: PlanSchema.cost
            }
        }
    }

    let places: PlanPlaces
    /// The part's own entry in `places`; its fields' entries follow it.
    let slot: UInt32
    public let kind: Kind

    /// The file the part is written in.
    public var source: SourceFile { places.source }

    /// Where the whole part is written.
    public var span: SourceSpan { places.span(at: Int(slot)) }

    /// Where the value of `field` (its key in the plan) is written, null included; nil
    /// when the part does not write it.
    public func span(of field: String) -> SourceSpan? {
        guard let index = kind.schema.keys.index(of: field) else { return nil }
        return places.fieldSlot(UInt8(truncatingIfNeeded: index), of: Int(slot)).map { places.span(at: $0) }
    }

    /// Where the part starts, as an empty span: for a problem with the part as a whole.
    public var startSpan: SourceSpan {
        let whole = span
        return SourceSpan(file: whole.file, start: whole.start, end: whole.start)
    }
}

/// The places of the parts read by one loading thread: for each part an entry for the
/// part, then one per field it writes, each a pair of file offsets. A few bytes a field,
/// where the YAML tree holds a record per key and per value and the file's bytes.
///
/// Filled by one thread while it reads its engagements (`record`), then only read:
/// shared between threads only once filled.
final class PlanPlaces: @unchecked Sendable {
    let source: SourceFile
    /// The file's line table, held here: read in place for every finding's position,
    /// where `source.lines` would hand out a copy (reference counting on an array every
    /// thread shares). The file's bytes are not held: a large plan's are let go once it is
    /// read (`SourceFile.releaseText()`), and only a line that is not all ASCII needs them.
    private let lines: LineTable
    /// Per entry: start offset << 32 | end offset (`unplaced` for a bound that is not a
    /// character of the file; `positions` then has it).
    /// (One thread writes them, and nothing reads them meanwhile: no run-time exclusivity
    /// check, which cost more than the appends themselves.)
    @exclusivity(unchecked) private var bounds: [UInt64] = []
    /// Per entry: for a part, how many field entries follow; for a field, its index in
    /// the part's schema.
    @exclusivity(unchecked) private var labels: [UInt8] = []
    /// The rare bounds that are not a character of the file (a column past its line's
    /// end), by `2 × entry + (0 start, 1 end)`.
    private var positions: [Int: SourcePosition] = [:]

    private static let unplaced = UInt32.max

    /// Room is made for `parts` parts of about `fieldsEach` fields each.
    init(source: SourceFile, parts: Int = 0, fieldsEach: Int = 8) {
        self.source = source
        lines = source.lines
        bounds.reserveCapacity(parts * (fieldsEach + 1))
        labels.reserveCapacity(parts * (fieldsEach + 1))
    }

    /// Records where `node` and the fields `fields` matched are written, as a `kind`.
    func record(_ node: YAMLNode, kind: PlanPlace.Kind, fields: YAMLKeyMatch) -> PlanPlace {
        let slot = bounds.count
        let fieldCount = kind.schema.fields.count
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: fieldCount + 1) { partBounds in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: fieldCount + 1) { partLabels in
                let (start, end) = node.offsets
                partBounds[0] = UInt64(start ?? Self.unplaced) << 32 | UInt64(end ?? Self.unplaced)
                let written = fields.writtenOffsets(upTo: fieldCount, keys: partLabels.baseAddress! + 1,
                                                    bounds: partBounds.baseAddress! + 1)
                partLabels[0] = UInt8(truncatingIfNeeded: written)
                bounds.append(contentsOf: UnsafeBufferPointer(rebasing: partBounds[0...written]))
                labels.append(contentsOf: UnsafeBufferPointer(rebasing: partLabels[0...written]))
                // A bound that is not a character of the file keeps its position (rare).
                for entry in 0...written where partBounds[entry] >> 32 == UInt64(Self.unplaced)
                    || partBounds[entry] & 0xFFFF_FFFF == UInt64(Self.unplaced) {
                    let exact = entry == 0 ? node : fields.written(Int(partLabels[entry]))!
                    positions[2 * (slot + entry)] = exact.start
                    positions[2 * (slot + entry) + 1] = exact.end
                }
            }
        }
        return PlanPlace(places: self, slot: UInt32(slot), kind: kind)
    }

    /// The entry of field `field` of the part at `slot`, if written.
    func fieldSlot(_ field: UInt8, of slot: Int) -> Int? {
        let count = Int(labels[slot])
        var entry = slot + 1
        while entry <= slot + count {
            if labels[entry] == field { return entry }
            entry += 1
        }
        return nil
    }

    func span(at entry: Int) -> SourceSpan {
        let packed = bounds[entry]
        return SourceSpan(file: source, start: position(UInt32(truncatingIfNeeded: packed >> 32), entry, end: false),
                          end: position(UInt32(truncatingIfNeeded: packed), entry, end: true))
    }

    private func position(_ offset: UInt32, _ entry: Int, end: Bool) -> SourcePosition {
        if offset == Self.unplaced { return positions[2 * entry + (end ? 1 : 0)] ?? SourcePosition(line: 1, column: 1) }
        return lines.position(of: Int(offset)) { source.column(from: $0, to: $1) }
    }
}

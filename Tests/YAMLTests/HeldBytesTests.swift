import Testing
@testable import YAML

/// A part of a chunked parse indexes bytes of its own (`HeldBytes`): every file offset it
/// holds must map to the same byte as in the file, and an offset it does not hold to none.
@Suite("Held bytes")
struct HeldBytesTests {
    static let file: [UInt8] = Array("head: 1\nlist:\n  - a: Kraków\n  - b: 2\ntail: z\n".utf8)

    @Test func aPieceHoldsItsOwnRange() {
        let range = 14..<38
        let piece = HeldBytes.piece(Array(Self.file[range]), at: range.lowerBound)
        for offset in -1...Self.file.count + 1 {
            #expect(piece.byte(at: offset) == (range.contains(offset) ? Self.file[offset] : nil), "offset \(offset)")
        }
        // "Kraków": six scalars, seven bytes; the column counts scalars.
        let word = 14 + Array("  - a: ".utf8).count
        #expect(piece.column(from: 14, to: word + 7) == 1 + 7 + 6)
        #expect(piece.column(from: 0, to: 5) == nil)
    }

    @Test func aSkeletonHoldsTheFileAroundItsEmptiedList() {
        // The list's lines (14..<38, two breaks) emptied to two line feeds.
        let region = 14..<38
        let skeleton = Array(Self.file[..<region.lowerBound]) + [0x0A, 0x0A] + Array(Self.file[region.upperBound...])
        let held = HeldBytes.skeleton(skeleton, emptied: region, replacement: 2)
        for offset in 0..<Self.file.count {
            #expect(held.byte(at: offset) == (region.contains(offset) ? nil : Self.file[offset]), "offset \(offset)")
        }
        #expect(HeldBytes.whole(Self.file).byte(at: 20) == Self.file[20])
        #expect(HeldBytes.none.byte(at: 0) == nil)
    }
}

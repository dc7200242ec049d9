import Testing
import SourceText

/// A file of 4 MiB or more has its line table built in two halves at once: it must be
/// the table one pass builds, whatever breaks and characters lie around the cut.
@Suite("Line table")
struct LineTableTests {
    /// Lines of every kind of break and of ASCII and two- and three-byte characters,
    /// repeated past `LineTable.parallelBytes`.
    static func text(breaks: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        var n = 0
        while bytes.count < LineTable.parallelBytes + 4_096 {
            bytes += Array("- id: e\(n) é ☃ \(String(repeating: "x", count: n % 37))".utf8)
            bytes += breaks[n % breaks.count]
            n += 1
        }
        return bytes
    }

    @Test(arguments: [
        [[0x0A]],                                  // LF
        [[0x0D, 0x0A], [0x0A]],                    // CR LF and LF
        [[0x0A], [0x0D], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]],  // every break libyaml knows
    ])
    func theHalvesGiveTheOnePassTable(breaks: [[UInt8]]) {
        let bytes = Self.text(breaks: breaks)
        let halves = LineTable(bytes)
        let onePass = LineTable(bytes, parallelFrom: .max)
        #expect(halves.breaksAreLF == onePass.breaksAreLF)
        #expect(onePass.breaksAreLF == breaks.allSatisfy { $0 == [0x0A] || $0 == [0x0D, 0x0A] })
        // Every offset around the middle, where the halves meet, and a spread over the file.
        let middle = bytes.count / 2
        let offsets = Array(middle - 2_000...middle + 2_000) + Array(stride(from: 0, through: bytes.count, by: 997))
        for offset in offsets {
            #expect(halves.position(of: offset, in: bytes) == onePass.position(of: offset, in: bytes), "offset \(offset)")
        }
        #expect(halves.breakCount(in: 0..<bytes.count) == onePass.breakCount(in: 0..<bytes.count))
        #expect(halves.lineStart(Int.max) == nil)
    }

    @Test func breaksAreCountedInARange() {
        let bytes = Array("a\nb\r\nc\nd".utf8)
        let table = LineTable(bytes)
        #expect(table.breakCount(in: 0..<bytes.count) == 3)
        #expect(table.breakCount(in: 2..<5) == 1)
        #expect(table.breakCount(in: 2..<4) == 0)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import SourceText
import TestScratch
@testable import YAML

/// A file is read straight into its array at the size it has (a large one in two halves
/// at once), then to its end: every byte comes back, around the reader's 64 KiB buffer
/// and the halves' seam, and a file large enough is kept open for reading lines back
/// (`SourceFile.releaseText()`).
@Suite("Reading a file")
struct FileReaderTests {
    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 300_001, LineTable.parallelBytes - 1, LineTable.parallelBytes + 65_537])
    func everyByteComesBack(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let path = TestScratch.root + "/read-\(size).bin"
        let out = try #require(fopen(path, "wb"))
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, out) }
        fclose(out)
        let read = try FileReader.read(path: path, maxBytes: 1 << 24, keepingOpenFrom: 65_536).get()
        #expect(read.bytes == bytes)
        #expect((read.openFile != nil) == (size >= 65_536))
        #expect(try FileReader.read(path: path, maxBytes: 1 << 24).get() == bytes)
    }
}

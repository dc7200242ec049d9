import Foundation
import Testing
@testable import Policy

/// `InitWriter`: a write that fails part-way leaves the folder as it was.
@Suite("Authoring: init writer")
struct AuthoringInitWriterTests {
    @Test func failingWriteRemovesWhatItWrote() throws {
        let root = try temporaryFolder([:])
        try FileManager.default.createDirectory(atPath: root + "/kept", withIntermediateDirectories: true)
        // A name longer than the file system allows passes the checks (nothing is
        // there) and fails only when written, after two files and a folder were made.
        let tooLong = String(repeating: "x", count: 300) + ".yaml"
        let files = [InitFile(path: "a.yaml", contents: "a: 1\n"),
                     InitFile(path: "sub/deeper/b.yaml", contents: "b: 1\n"),
                     InitFile(path: "sub/" + tooLong, contents: "c: 1\n")]
        let writer = InitWriter(root: root, shownRoot: "repo")
        #expect(writer.problems(files).isEmpty)
        let problems = writer.write(files)
        #expect(problems.map(\.code) == [.initWriteFailed], "\(problems)")
        #expect(problems.first?.message.contains("nothing was written") == true)
        #expect(problems.first?.location?.path == "repo/sub/" + tooLong)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["kept"])
    }
}

import Foundation
import Testing
@testable import ShoreCLI
import TestScratch

/// The repository root, found from this file's path.
let repoRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A path inside the repository.
func repoPath(_ relative: String) -> String {
    repoRoot + "/" + relative
}

/// Runs `shore ARGS` in-process in `directory` (default: the repository root).
func shore(_ arguments: [String], in directory: String = repoRoot) -> (code: Int32, out: String, err: String) {
    let io = CommandIO.capturing(workingDirectory: directory)
    let code = ShoreMain.run(arguments, io: io)
    return (code, io.standardOutput, io.standardError)
}

/// Compares `actual` with `Golden/NAME`; `SHORE_UPDATE_GOLDEN=1` rewrites the file.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = repoRoot + "/Tests/ShoreCLITests/Golden/" + name
    if ProcessInfo.processInfo.environment["SHORE_UPDATE_GOLDEN"] == "1" {
        try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        return
    }
    guard let data = FileManager.default.contents(atPath: path), let expected = String(data: data, encoding: .utf8) else {
        Issue.record("missing golden file \(name); run with SHORE_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}

/// A fresh empty folder under the system's temporary directory.
func temporaryFolder(_ name: String) throws -> String {
    let path = TestScratch.directory + "shore-\(name)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

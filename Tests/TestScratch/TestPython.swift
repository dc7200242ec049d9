import Foundation

/// The python3 that tests run their helper scripts with (JSON Schema validation): the
/// first `python3` on `PATH` — where `.ci/run` installs `jsonschema` with pip — else the
/// system's. A check that needs it may be skipped on a developer's machine that lacks it,
/// never under CI (`mustRun`), where a skip would pass a run that checked less.
public enum TestPython {
    /// The interpreter's path; nil when there is none.
    public static let path: String? = {
        let onPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { String($0) + "/python3" }
        return (onPath + ["/usr/bin/python3", "/usr/local/bin/python3"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether `path` can import `jsonschema`.
    public static let hasJSONSchema: Bool = {
        guard let path else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-c", "import jsonschema"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// True under CI (`CI` is set): checks that need python3 with `jsonschema` must run.
    public static var mustRun: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }
}

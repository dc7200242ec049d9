import Foundation

/// Where a command writes, and the folder it resolves relative paths against. The
/// real CLI writes to the terminal; tests capture the text.
public final class CommandIO {
    public private(set) var standardOutput = ""
    public private(set) var standardError = ""
    /// Folder for relative paths, `./rules` and `shore.yaml`.
    public let workingDirectory: String
    private let capture: Bool

    /// Writes straight to stdout and stderr.
    public static func terminal() -> CommandIO {
        CommandIO(workingDirectory: FileManager.default.currentDirectoryPath, capture: false)
    }

    /// Keeps the output in `standardOutput` and `standardError`.
    public static func capturing(workingDirectory: String) -> CommandIO {
        CommandIO(workingDirectory: workingDirectory, capture: true)
    }

    private init(workingDirectory: String, capture: Bool) {
        self.workingDirectory = workingDirectory
        self.capture = capture
    }

    public func out(_ text: String) {
        if capture { standardOutput += text } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    public func err(_ text: String) {
        if capture { standardError += text } else { FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// `path` made absolute against the working directory.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: resolve(path))
    }

    /// Whether stdout is a terminal (for colours).
    public var isTerminal: Bool { !capture && isatty(STDOUT_FILENO) == 1 }

    /// Writes `text` to `path` (resolved), or to stdout when `path` is nil or "-".
    public func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else { return out(text) }
        try Data(text.utf8).write(to: URL(fileURLWithPath: resolve(path)))
    }
}

import Foundation
import Reporters
import SourceText
import Synchronization

/// Where a command writes, and the folder it resolves relative paths against. The
/// real CLI writes to the terminal; tests capture the text, or hand in descriptors
/// (a full device, a pipe nobody reads) to see how a failed write is reported.
public final class CommandIO {
    var standardOutput: String { captured?.text ?? "" }
    private(set) var standardError = ""
    /// Folder for relative paths, `./rules` and `shore.yaml`.
    let workingDirectory: String
    private let environment: [String: String]
    private let captured: StringSink?
    private let stdout: FileDescriptorSink?
    private let stderrDescriptor: Int32?
    private let stdoutIsTerminal: Bool

    /// Writes to the process's stdout (buffered) and stderr.
    public static func terminal() -> CommandIO {
        // A file-size limit (`ulimit -f`) then fails the write with EFBIG, which is
        // reported, instead of killing the process halfway through a file.
        signal(SIGXFSZ, SIG_IGN)
        return CommandIO(workingDirectory: FileManager.default.currentDirectoryPath,
                         environment: variables(["NO_COLOR"]),
                         standardOutput: STDOUT_FILENO, standardError: STDERR_FILENO,
                         isTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// The process's values of the environment variables a command reads (`NO_COLOR`), by
    /// name: only these, since copying the whole environment costs a small check a few
    /// percent of its run.
    private static func variables(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }

    /// What a command's result holds, kept by the terminal process until it exits: the
    /// process is about to end, and releasing a large report object by object (findings,
    /// plans, YAML trees) took a tenth of a second on a 100,000-engagement plan; the
    /// operating system takes the memory back at once. Tests (captured I/O) let go normally.
    func keepUntilExit(_ value: Sendable) {
        guard stdout != nil, stderrDescriptor != nil else { return }
        Self.keptUntilExit.withLock { $0.append(value) }
    }

    private static let keptUntilExit = Mutex<[Sendable]>([])

    /// Keeps the output in `standardOutput` and `standardError`.
    static func capturing(workingDirectory: String, environment: [String: String] = [:]) -> CommandIO {
        CommandIO(workingDirectory: workingDirectory, environment: environment)
    }

    /// Writes stdout to the descriptor `standardOutput` and keeps stderr in `standardError`.
    static func writing(to standardOutput: Int32, workingDirectory: String, isTerminal: Bool = false,
                               environment: [String: String] = [:]) -> CommandIO {
        CommandIO(workingDirectory: workingDirectory, environment: environment,
                  standardOutput: standardOutput, standardError: nil, isTerminal: isTerminal)
    }

    private init(workingDirectory: String, environment: [String: String]) {
        self.workingDirectory = workingDirectory
        self.environment = environment
        captured = StringSink()
        stdout = nil
        stderrDescriptor = nil
        stdoutIsTerminal = false
    }

    private init(workingDirectory: String, environment: [String: String], standardOutput: Int32,
                 standardError: Int32?, isTerminal: Bool) {
        self.workingDirectory = workingDirectory
        self.environment = environment
        captured = nil
        stdout = FileDescriptorSink(descriptor: standardOutput)
        stderrDescriptor = standardError
        stdoutIsTerminal = isTerminal
    }

    /// Where stdout text goes.
    var standardOutputSink: any TextSink { captured ?? stdout! }

    func out(_ text: String) {
        standardOutputSink.write(text)
    }

    /// Writes to stderr at once (after what stdout has buffered, so the two keep
    /// their order on a terminal). A failed stderr write is ignored: there is nowhere
    /// left to report it.
    func err(_ text: String) {
        guard let stderrDescriptor else { return standardError += text }
        stdout?.flush()
        FileDescriptorSink(descriptor: stderrDescriptor, capacity: 0).write(text)
    }

    /// `path` made absolute against the working directory.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: resolve(path))
    }

    /// Rendered diagnostics with paths inside the working directory shown relative to it.
    func relativeText(_ text: String) -> String {
        DisplayPath.relativeText(text, to: workingDirectory)
    }

    /// Whether stdout is a terminal.
    var isTerminal: Bool { stdoutIsTerminal }

    /// Whether output to stdout may be coloured: a terminal, and `NO_COLOR` unset or
    /// empty (https://no-color.org).
    var colorsStandardOutput: Bool {
        stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Refuses an `--output` that cannot be written or is one of `inputs` (before the
    /// command does its work; `inputs` is worked out only for an output file). Nil or "-"
    /// is stdout.
    func checkOutput(_ path: String?, inputs: @autoclosure () -> [String]) throws {
        guard let path, path != "-" else { return }
        if let problem = OutputFile.check(resolve(path), shownAs: path, inputs: inputs().map(resolve)) { throw problem }
    }

    /// Streams what `body` writes to `path` (resolved, written atomically), or to stdout
    /// when `path` is nil or "-". Throws the coded diagnostic of a failed file write.
    func write(to path: String?, _ body: (any TextSink) -> Void) throws {
        guard let path, path != "-" else { return body(standardOutputSink) }
        if let problem = OutputFile.write(to: resolve(path), shownAs: path, body) { throw problem }
    }

    /// Writes `text` to `path` (resolved), or to stdout when `path` is nil or "-".
    public func write(_ text: String, to path: String?) throws {
        try write(to: path) { $0.write(text) }
    }

    /// Flushes stdout at the end of a command. Returns the exit code to use instead of
    /// `code` when stdout could not be written: a broken pipe ends quietly with 141 (as
    /// a tool killed by SIGPIPE), any other failure is one line on stderr and exit 2.
    func finish(_ code: Int32) -> Int32 {
        guard let stdout, !stdout.flush(), let failure = stdout.failure else { return code }
        if failure == EPIPE { return 141 }
        err(DiagnosticRenderer().render(Diagnostic(
            .outputWriteFailed, "cannot write to standard output: \(systemErrorText(failure))", at: nil)))
        return 2
    }
}

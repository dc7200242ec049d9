import CYAML
import SourceText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What loading one YAML file produced: the document (nil when the file could not
/// be read at all) and every problem found, in file order.
public struct YAMLLoadResult: Sendable {
    public let source: SourceFile
    public let document: YAMLDocument?
    public let diagnostics: [Diagnostic]
    /// The long list kept apart (`YAMLLoader.load(path:keepingApart:)`): its key holds
    /// null in `document`. Nil for every other load.
    package let listPieces: YAMLListPieces?

    init(source: SourceFile, document: YAMLDocument?, diagnostics: [Diagnostic], listPieces: YAMLListPieces? = nil) {
        self.source = source
        self.document = document
        self.diagnostics = diagnostics
        self.listPieces = listPieces
    }
}

/// Reads YAML through libyaml's event stream into a `YAMLDocument` where every node
/// knows its position. Scalars are typed by the YAML 1.2 core schema.
///
/// Never recursive (depth is bounded by `limits.maxDepth`), never crashes on bad
/// input: every problem becomes a `Diagnostic` with a stable code.
public struct YAMLLoader: Sendable {
    public var limits: YAMLLimits
    /// Parse a large file's long top-level list on several cores (see `ChunkedYAML`);
    /// the result is the same as a sequential parse.
    var parallel: Bool
    /// Text to read instead of the file on disk, by path (an editor's unsaved buffers).
    public var overlay: [String: [UInt8]] = [:]

    /// Files at least this large are kept open once read, so their text can be let go
    /// and read back (`SourceFile.releaseText()`); smaller ones are closed at once.
    public var keepOpenBytes = ChunkedYAML.minimumBytes

    public init(limits: YAMLLimits = .default, parallel: Bool = true) {
        self.limits = limits
        self.parallel = parallel
    }

    /// Reads and parses the file at `path` (refusing files over `limits.maxFileBytes`);
    /// `overlay`'s text for that path when it has one.
    public func load(path: String) -> YAMLLoadResult {
        load(path: path, keepingApart: nil)
    }

    /// `load(path:)`, except that when a large file is parsed in pieces and its long list
    /// is the value of root key `key`, the list's pieces are not joined into the document
    /// but returned apart (`YAMLLoadResult.listPieces`), for a reader that lets each go
    /// once it has read it.
    package func load(path: String, keepingApart key: String?) -> YAMLLoadResult {
        if let bytes = overlay[path] { return load(bytes: bytes, path: path, keepingApart: key) }
        switch FileReader.read(path: path, maxBytes: limits.maxFileBytes, keepingOpenFrom: keepOpenBytes) {
        case .success(let (bytes, openFile)):
            return load(source: SourceFile(path: path, bytes: bytes, openFile: openFile), keepingApart: key)
        case .failure(let diagnostic):
            return YAMLLoadResult(source: SourceFile(path: path, bytes: []), document: nil, diagnostics: [diagnostic])
        }
    }

    /// Parses YAML text; `path` names it in diagnostics.
    public func load(text: String, path: String) -> YAMLLoadResult {
        load(bytes: Array(text.utf8), path: path)
    }

    /// Parses YAML bytes; `path` names them in diagnostics.
    public func load(bytes: [UInt8], path: String) -> YAMLLoadResult {
        load(bytes: bytes, path: path, keepingApart: nil)
    }

    /// Parses YAML bytes, keeping a large file's long list under `key` apart (see
    /// `load(path:keepingApart:)`).
    package func load(bytes: [UInt8], path: String, keepingApart key: String?) -> YAMLLoadResult {
        load(source: SourceFile(path: path, bytes: bytes), keepingApart: key)
    }

    private func load(source: SourceFile, keepingApart key: String?) -> YAMLLoadResult {
        // Nodes keep 31-bit offsets into the file: 2 GiB is the most any limit allows.
        let maxBytes = min(limits.maxFileBytes, LineTable.maxBytes)
        if source.byteCount > maxBytes {
            let diagnostic = Diagnostic(
                .yamlFileTooLarge,
                "the file has \(source.byteCount) bytes, more than the limit of \(maxBytes)",
                at: SourceSpan(file: source, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
                help: "split the file, or raise the limit if this size is expected"
            )
            return YAMLLoadResult(source: source, document: nil, diagnostics: [diagnostic])
        }
        if parallel, let result = ChunkedYAML.load(source: source, limits: limits, pieces: 8, keepingApart: key) {
            return result
        }
        return loadWhole(source)
    }

    /// `source` parsed from start to end on one thread. A large file whose list was kept
    /// apart is read again this way when one of its pieces did not stand alone
    /// (`YAMLListPieces.finish()`).
    package func loadWhole(_ source: SourceFile) -> YAMLLoadResult {
        var builder = YAMLTreeBuilder(source: source, limits: limits, lines: source.lines)
        builder.run()
        return builder.finish()
    }
}

/// Reads whole files with a size check before reading. Only regular files are read: a
/// FIFO, socket or device (`io.not-a-file`) could block forever or never end.
public enum FileReader {
    /// Fills `buffer` from the start of the file, its two halves read at once (the copy
    /// and the page faults of a large file shared by two cores); false when a half could
    /// not be read whole (the file shrank, or a read failed): the caller reads it again
    /// in one go, which reports what is wrong.
    private static func readInHalves(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeMutableRawPointer(buffer.baseAddress) else { return false }
        let count = buffer.count, middle = count / 2
        // The pointer crosses to the other thread as an address: each half is its own range.
        let address = Int(bitPattern: base)
        let whole = Concurrently.map(2) { half -> Bool in
            let range = half == 0 ? 0..<middle : middle..<count
            let target = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(bitPattern: address)! + range.lowerBound,
                                                       count: range.count)
            return OpenFile.read(descriptor, into: target, at: range.lowerBound) == range.count
        }
        return whole.allSatisfy { $0 }
    }

    /// The bytes of the regular file at `path`, at most `maxBytes` of them, or a
    /// diagnostic at 1:1 of the file.
    public static func read(path: String, maxBytes: Int) -> Result<[UInt8], Diagnostic> {
        read(path: path, maxBytes: maxBytes, keepingOpenFrom: .max).map(\.bytes)
    }

    /// `read(path:maxBytes:)`, and the file kept open when it has at least `keepOpenBytes`
    /// bytes (to read them back later).
    public static func read(path: String, maxBytes: Int,
                            keepingOpenFrom keepOpenBytes: Int) -> Result<(bytes: [UInt8], openFile: OpenFile?), Diagnostic> {
        let file = SourceFile(path: path, bytes: [])
        let here = SourceSpan(file: file, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        // Opened without blocking, so a FIFO with no writer cannot hang the open itself;
        // the kind of file is then checked on the opened descriptor (no race with a swap).
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT, let target = brokenLinkTarget(path) {
                return .failure(Diagnostic(.ioBrokenLink, "\(path) is a symbolic link to \(target), which does not exist", at: here,
                                           help: "point the link at an existing file, or remove it"))
            }
            let reason = String(cString: strerror(code))
            return .failure(Diagnostic(.ioUnreadable, "cannot read \(path): \(reason)", at: here,
                                       help: "check the path and the file's permissions"))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return .failure(Diagnostic(.ioUnreadable, "cannot read \(path): \(String(cString: strerror(errno)))", at: here,
                                       help: "check the path and the file's permissions"))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFDIR:
            close(descriptor)
            return .failure(Diagnostic(.ioIsDirectory, "\(path) is a directory, not a file", at: here,
                                       help: "give the files inside it, e.g. \(path)/*.yaml"))
        default:
            close(descriptor)
            return .failure(Diagnostic(.ioNotAFile, "\(path) is \(kind(info.st_mode)), not a regular file", at: here,
                                       help: "write the content to a file first and give that file's path"))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let handle = fdopen(descriptor, "rb") else {
            close(descriptor)
            return .failure(Diagnostic(.ioUnreadable, "cannot read \(path): \(String(cString: strerror(errno)))", at: here,
                                       help: "check the path and the file's permissions"))
        }
        defer { fclose(handle) }
        if Int(info.st_size) > maxBytes {
            return .failure(Diagnostic(
                .yamlFileTooLarge,
                "the file has \(info.st_size) bytes, more than the limit of \(maxBytes)",
                at: here, help: "split the file, or raise the limit if this size is expected"))
        }
        // The size the file has now, read straight into the array (a large file in two
        // halves at once); then whatever it has grown by since, a buffer at a time.
        let expected = max(0, Int(info.st_size))
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            if expected >= LineTable.parallelBytes, readInHalves(descriptor, into: buffer) {
                count = fseeko(handle, off_t(expected), SEEK_SET) == 0 ? expected : 0
                if count == expected { return }
                rewind(handle)
            }
            count = expected > 0 ? fread(buffer.baseAddress, 1, expected, handle) : 0
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        // A short first read met the end of the file; otherwise read on until the end.
        while bytes.count >= expected {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > maxBytes {
                return .failure(Diagnostic(
                    .yamlFileTooLarge, "the file has more than \(maxBytes) bytes",
                    at: here, help: "split the file, or raise the limit if this size is expected"))
            }
        }
        // A read that failed part way must not pass for a shorter file.
        if ferror(handle) != 0 {
            return .failure(Diagnostic(.ioUnreadable, "cannot read \(path): \(String(cString: strerror(errno)))", at: here,
                                       help: "check the path and the file's permissions"))
        }
        guard bytes.count >= keepOpenBytes else { return .success((bytes, nil)) }
        let kept = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        return .success((bytes, kept >= 0 ? OpenFile(descriptor: kept) : nil))
    }

    /// The target of `path` when it is a symbolic link (to a missing file), else nil.
    private static func brokenLinkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, 4096)
        guard count >= 0 else { return "a missing file" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Policy
import Reporters
import SourceText

/// `--output FILE`: checked before a command runs, then written atomically (a
/// temporary file in the same folder, renamed over the target only when every byte
/// was written), so a failed write leaves the previous file as it was. Every failure
/// is a coded diagnostic naming the path.
enum OutputFile {
    /// Problems that can be seen before running: the target is a folder, its folder
    /// does not exist, or it is one of the command's input files (`inputs`, compared
    /// by device and inode, so symlinks, hard links and `./` spellings are caught).
    static func check(_ path: String, shownAs shown: String, inputs: [String]) -> Diagnostic? {
        var target = stat()
        if stat(path, &target) == 0 {
            if target.st_mode & S_IFMT == S_IFDIR {
                return Diagnostic(.outputIsDirectory, "the output \(shown) is a folder", at: nil,
                                  help: "give a file name inside it, e.g. --output \(joined(shown, "report"))")
            }
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == target.st_dev, other.st_ino == target.st_ino {
                    return Diagnostic(.outputOverwritesInput,
                                      "the output \(shown) is an input of this run (\(input)); writing it would destroy that input",
                                      at: nil, help: "write the report to another file")
                }
            }
            return nil
        }
        let folder = parent(of: path)
        var folderInfo = stat()
        if stat(folder, &folderInfo) != 0 || folderInfo.st_mode & S_IFMT != S_IFDIR {
            return Diagnostic(.outputMissingFolder, "the folder of the output \(shown) does not exist", at: nil,
                              help: "create it first (mkdir -p \(parent(of: shown))), or choose another --output")
        }
        return nil
    }

    /// Writes what `body` produces to `path` through a temporary file beside it. A
    /// target that exists and is not a regular file (`/dev/null`, a FIFO, a terminal)
    /// cannot be replaced, so it is written in place.
    static func write(to path: String, shownAs shown: String, _ body: (TextSink) -> Void) -> Diagnostic? {
        let target = resolvedTarget(path)
        if let problem = check(target, shownAs: shown, inputs: []) { return problem }
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists, existing.st_mode & S_IFMT != S_IFREG {
            let descriptor = open(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return failed(shown, errno) }
            return finish(descriptor, shown: shown, body)
        }
        var template = Array((parent(of: target) + "/." + baseName(of: target) + ".shore-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return failed(shown, errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        fchmod(descriptor, exists ? existing.st_mode & 0o7777 : 0o666 & ~currentUmask())
        if let problem = finish(descriptor, shown: shown, body) {
            unlink(temporary)
            return problem
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            return failed(shown, code)
        }
        return nil
    }

    /// Writes `body` to the open `descriptor` and closes it.
    private static func finish(_ descriptor: Int32, shown: String, _ body: (TextSink) -> Void) -> Diagnostic? {
        let sink = FileDescriptorSink(descriptor: descriptor)
        body(sink)
        sink.flush()
        let closed = close(descriptor) == 0 ? nil : errno
        return (sink.failure ?? closed).map { failed(shown, $0) }
    }

    /// `output.write-failed`, with the system's reason.
    static func failed(_ shown: String, _ code: Int32) -> Diagnostic {
        Diagnostic(.outputWriteFailed, "cannot write the output \(shown): \(systemErrorText(code))", at: nil,
                   help: help(for: code))
    }

    static func help(for code: Int32) -> String {
        switch code {
        case ENOSPC, EFBIG, EDQUOT: "free space (or raise the file-size limit) and run again; the previous file was left as it was"
        case EACCES, EPERM, EROFS: "write to a folder you can write to, or fix its permissions"
        default: "check the path and run again; the previous file was left as it was"
        }
    }

    /// A symlink is written through: its target is replaced, the link stays.
    static func resolvedTarget(_ path: String) -> String {
        POSIXFile.realPath(path) ?? path
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}

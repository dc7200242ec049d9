import Foundation
import SourceText

/// Writes a new policy repository (`shore init`) into a folder, all or nothing: every
/// target is checked before the first write (no existing file is overwritten, no
/// symbolic link leads out of the folder, no plain file stands where a folder is
/// needed), and a write that fails part-way removes what was written.
public struct InitWriter {
    /// The folder to write into (absolute).
    public let root: String
    /// How the folder is shown in messages (`repo`, `.`).
    let shownRoot: String

    public init(root: String, shownRoot: String) {
        self.root = root
        self.shownRoot = shownRoot
    }

    /// Everything that keeps `files` from being written; empty when all can be.
    func problems(_ files: [InitFile]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        switch Self.kind(root) {
        case .folder: break
        case .missing:
            // The folder will be made: the nearest thing above it that exists must be a folder.
            var above = (root as NSString).deletingLastPathComponent
            while Self.kind(above) == .missing, above != "/" { above = (above as NSString).deletingLastPathComponent }
            if Self.kind(above) == .file {
                return [diagnostic(.initNotAFolder, above, "\(shown(above)) is a file, so the folder \(shownRoot) cannot be made in it",
                                   help: "give a folder path: shore init DIR")]
            }
        case .file:
            return [diagnostic(.initNotAFolder, root, "'\(shownRoot)' is a file, not a folder",
                               help: "give a new or existing folder: shore init DIR")]
        case .link(let target):
            guard Self.kind(target) == .folder else {
                return [diagnostic(.initNotAFolder, root, "'\(shownRoot)' is a link to \(target), not to a folder",
                                   help: "give a new or existing folder: shore init DIR")]
            }
        }
        let realRoot = POSIXFile.realPath(root) ?? root
        var reported: Set<String> = []
        for file in files {
            let parts = file.path.split(separator: "/").map(String.init)
            var relative = ""
            for (index, part) in parts.enumerated() {
                relative += (relative.isEmpty ? "" : "/") + part
                let isLast = index == parts.count - 1
                guard !reported.contains(relative) else { break }
                let absolute = root + "/" + relative
                let kind = Self.kind(absolute)
                if kind == .missing { break }
                if isLast {
                    reported.insert(relative)
                    problems.append(diagnostic(.initWouldOverwrite, relative, "\(relative) already exists",
                                               help: "run shore init in an empty folder, or move this file away"))
                    break
                }
                switch kind {
                case .folder, .missing:
                    continue
                case .file:
                    reported.insert(relative)
                    problems.append(diagnostic(.initNotAFolder, relative,
                                               "\(relative) is a file, but shore init needs a folder there for \(file.path)",
                                               help: "move or rename the file \(relative), then run shore init again"))
                case .link(let target):
                    let resolved = POSIXFile.realPath(absolute)
                    if let resolved, resolved == realRoot || resolved.hasPrefix(realRoot + "/"), Self.kind(resolved) == .folder {
                        continue
                    }
                    reported.insert(relative)
                    problems.append(diagnostic(.initLinkOutside, relative,
                                               "\(relative) is a symbolic link to \(target), outside \(shownRoot), so \(file.path) would be written there",
                                               help: "remove the link, or run shore init in a folder without it"))
                }
                break
            }
        }
        return problems
    }

    /// Checks, then writes every file; on any problem writes nothing (and removes what a
    /// failing write left). Returns the problems; empty on success.
    public func write(_ files: [InitFile]) -> [Diagnostic] {
        let found = problems(files)
        guard found.isEmpty else { return found }
        let manager = FileManager.default
        var createdFiles: [String] = []
        var createdFolders: [String] = []
        func undo() {
            for path in createdFiles.reversed() { try? manager.removeItem(atPath: path) }
            for path in createdFolders.reversed() { try? manager.removeItem(atPath: path) }
        }
        for file in files {
            let path = root + "/" + file.path
            var folders: [String] = []
            var folder = (path as NSString).deletingLastPathComponent
            while Self.kind(folder) == .missing {
                folders.append(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
            for folder in folders.reversed() {
                guard mkdir(folder, 0o777) == 0 else {
                    let reason = String(cString: strerror(errno))
                    undo()
                    return [diagnostic(.initWriteFailed, folder, "cannot create the folder \(shown(folder)): \(reason); nothing was written",
                                       help: "check the folder's permissions and free space")]
                }
                createdFolders.append(folder)
            }
            // O_EXCL: never follow a link or replace a file that appeared since the check.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666)
            var failure: Int32? = descriptor >= 0 ? nil : errno
            if descriptor >= 0 {
                createdFiles.append(path)
                failure = Array(file.contents.utf8).withUnsafeBytes { POSIXFile.writeAll(descriptor, $0) }
                if close(descriptor) != 0, failure == nil { failure = errno }
            }
            if let failure {
                let reason = String(cString: strerror(failure))
                undo()
                return [diagnostic(.initWriteFailed, path, "cannot write \(file.path): \(reason); nothing was written",
                                   help: "check the folder's permissions and free space")]
            }
        }
        return []
    }

    /// How a path is shown: the folder as given, a path inside it under that name,
    /// anything else as it is.
    private func shown(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : root + "/" + path
        let inside = DisplayPath.relative(absolute, to: root)
        if inside == "." { return shownRoot }
        if inside == absolute { return absolute }
        return shownRoot == "." ? inside : shownRoot + "/" + inside
    }

    /// A diagnostic located at `path` (relative to the target folder, or absolute); it
    /// has no line: it is a path.
    private func diagnostic(_ code: DiagnosticCode, _ path: String, _ message: String, help: String) -> Diagnostic {
        let file = SourceFile(path: shown(path), bytes: [])
        return Diagnostic(code, message, at: SourceSpan(file: file, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
                          help: help)
    }

    enum Kind: Equatable {
        case missing, folder, file
        case link(String)
    }

    /// What is at `path`, without following a final symbolic link.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK:
            return .link((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
        default: return .file
        }
    }
}

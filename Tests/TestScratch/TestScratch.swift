import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where tests write their files: one folder per test process under the system's
/// temporary folder, removed when the process exits, so a test run leaves nothing behind
/// however many folders its tests make.
public enum TestScratch {
    /// The process's folder (`…/shore-tests-<pid>-<uuid>`), made on first use.
    public static let root: String = {
        let path = NSTemporaryDirectory() + "shore-tests-\(getpid())-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { TestScratch.removeRoot() }
        return path
    }()

    /// `root` as a file URL.
    public static var url: URL { URL(fileURLWithPath: root, isDirectory: true) }

    /// `root` followed by a slash: the stand-in for `NSTemporaryDirectory()`.
    public static var directory: String { root + "/" }

    private static func removeRoot() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// The few folder operations the benchmarks need.
enum Directory {
    /// The names in the folder at `path` (without `.` and `..`), or nil when it is not a folder.
    static func entries(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes the folder at `path` and everything in it.
    static func remove(_ path: String) {
        for name in entries(path) ?? [] {
            let child = path + "/" + name
            if unlink(child) != 0 { remove(child) }
        }
        rmdir(path)
    }
}

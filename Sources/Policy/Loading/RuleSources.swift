import SourceText
import Foundation
import YAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rule file to load: from disk, or carried in the binary (the starter pack).
public struct RuleSource: Sendable {
    public let path: String
    public let bytes: [UInt8]?

    /// A file on disk.
    public static func file(_ path: String) -> RuleSource { RuleSource(path: path, bytes: nil) }

    /// A file held in memory; `path` names it in diagnostics.
    public static func embedded(_ path: String, text: String) -> RuleSource {
        RuleSource(path: path, bytes: Array(text.utf8))
    }

    func load(_ yaml: YAMLLoader) -> YAMLLoadResult {
        if let bytes { return yaml.load(bytes: bytes, path: path) }
        return yaml.load(path: path)
    }
}

/// Finds rule files under rules paths. Inside a given folder (searched through every
/// sub-folder, symbolic links to folders included, each real folder once) a rule file
/// is a file whose name ends in `.yaml` or `.yml` in any case, except test files
/// (`*.test.yaml`, `*.test.yml`) and anything inside a sub-folder named `fixtures`
/// (relative to the given folder: a checkout under `…/fixtures/…` is searched like any
/// other). A symbolic link whose target is missing is returned too, so loading reports
/// it (`io.broken-link`) instead of skipping it. A path given as a file is taken as it is.
/// Results are sorted by path.
public enum RuleFiles {
    /// `rules.none`: nothing under `paths` is a rule file.
    public static func noneFound(under paths: [String]) -> Diagnostic {
        Diagnostic(.rulesNone, paths.isEmpty ? "no rule files given" : "no rule files found under \(paths.joined(separator: ", "))", at: nil,
                   help: "rule files end in .yaml or .yml (not .test.yaml) and sit outside sub-folders named fixtures; pass --rules with a folder of them")
    }

    /// `rules.none`: no rule paths were given, and the working folder has no `rules` folder.
    public static func noRulesFolder(help: String) -> Diagnostic {
        Diagnostic(.rulesNone, "no ./rules folder here", at: nil, help: help)
    }

    /// The rule sources a list of rules entries names: `builtin` and `builtin:NAME`
    /// select the built-in pack or a part of it (`BuiltinPack`), any other entry is a
    /// file or a folder searched for rule files. An unknown part is a diagnostic.
    public static func sources(for entries: [String]) -> (sources: [RuleSource], diagnostics: [Diagnostic]) {
        var sources: [RuleSource] = []
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            if BuiltinPack.isSelector(entry) {
                switch BuiltinPack.sources(selecting: entry) {
                case .success(let found): sources += found.filter { source in !sources.contains { $0.path == source.path } }
                case .failure(let problem): diagnostics.append(problem)
                }
            } else {
                sources += find(under: [entry]).map(RuleSource.file)
            }
        }
        return (sources, diagnostics)
    }

    /// The rule files under each path (a file is taken as it is). A path that does not
    /// exist is returned as is, so loading reports it.
    public static func find(under paths: [String]) -> [String] {
        paths.flatMap { path in search(path, keep: isRuleFile) }
    }

    /// The `*.test.yaml` files under each path (a file is taken as it is).
    public static func findTests(under paths: [String]) -> [String] {
        paths.flatMap { path in search(path, keep: isTestFile) }
    }

    /// What `shore test PATH…` runs: the rule files and the test files under each folder;
    /// a test file given directly runs against the rule files of its folder; any other
    /// file is a rule file. Each file once, in the order found; a path that does not exist
    /// is a `test.missing-path` error.
    public static func testInputs(under paths: [String]) -> (rules: [String], tests: [String], diagnostics: [Diagnostic]) {
        var rules: [String] = [], tests: [String] = [], diagnostics: [Diagnostic] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                diagnostics.append(Diagnostic(.testMissingPath, "no such file or folder: \(path)", at: nil))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                rules += find(under: [path])
                tests += findTests(under: [path])
            } else if isTestFileName(path) {
                tests.append(path)
                rules += find(under: [(path as NSString).deletingLastPathComponent])
            } else {
                rules.append(path)
            }
        }
        func unique(_ paths: [String]) -> [String] {
            var seen = Set<String>()
            return paths.filter { seen.insert($0).inserted }
        }
        return (unique(rules), unique(tests), diagnostics)
    }

    /// Whether `relative` (a path below a searched folder) names a rule file.
    static func isRuleFile(_ relative: String) -> Bool {
        isRuleFileName(relative) && !insideFixtures(relative)
    }

    /// Whether `relative` (a path below a searched folder) names a rule test file.
    static func isTestFile(_ relative: String) -> Bool {
        isTestFileName(relative) && !insideFixtures(relative)
    }

    /// Whether a file's name makes it a rule file: it ends in `.yaml` or `.yml`, in any
    /// case, and is not a rule test file. (A search also skips `fixtures` folders.)
    public static func isRuleFileName(_ path: String) -> Bool {
        let name = path.lowercased()
        return (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !isTestFileName(path)
    }

    /// Whether a file's name makes it a rule test file: it ends in `.test.yaml` or
    /// `.test.yml`, in any case.
    public static func isTestFileName(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".test.yaml") || name.hasSuffix(".test.yml")
    }

    private static func insideFixtures(_ relative: String) -> Bool {
        relative.split(separator: "/").dropLast().contains("fixtures")
    }

    private static func search(_ path: String, keep: (String) -> Bool) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return [path] }
        // A broken link without an extension may have been a folder: reported as well.
        return files(in: path).filter { keep($0.relative) || $0.brokenLink && !($0.relative.split(separator: "/").last ?? "").contains(".") }
            .map(\.full)
    }

    /// Every non-folder below `directory`, following links to folders; each real folder
    /// (device and inode) is entered once, so a link cycle ends. Broken links are kept
    /// and marked.
    private static func files(in directory: String) -> [(full: String, relative: String, brokenLink: Bool)] {
        var result: [(full: String, relative: String, brokenLink: Bool)] = []
        var seen = Set<[UInt64]>()
        var pending: [(full: String, relative: String)] = [(directory, "")]
        while let (folder, relativeFolder) = pending.popLast() {
            var info = stat()
            guard stat(folder, &info) == 0, seen.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names {
                let full = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                var target = stat()
                if stat(full, &target) != 0 {
                    var link = stat()
                    if lstat(full, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                        result.append((full, relative, true))
                    }
                    continue
                }
                if target.st_mode & S_IFMT == S_IFDIR {
                    pending.append((full, relative))
                } else {
                    result.append((full, relative, false))
                }
            }
        }
        return result.sorted { $0.full < $1.full }
    }
}

import SourceText
import Foundation
import YAML

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

/// Finds rule files under rules paths: every `*.yaml`/`*.yml` except `*.test.yaml`
/// (`*.test.yml`) and anything inside a folder named `fixtures`, sorted by path.
public enum RuleFiles {
    /// `rules.none`: nothing under `paths` is a rule file.
    public static func noneFound(under paths: [String]) -> Diagnostic {
        Diagnostic("rules.none", paths.isEmpty ? "no rule files given" : "no rule files found under \(paths.joined(separator: ", "))", at: nil,
                   help: "rule files end in .yaml or .yml (not .test.yaml) and sit outside folders named fixtures; pass --rules with a folder of them")
    }

    /// The rule files under each path (a file is taken as it is). A path that does not
    /// exist is returned as is, so loading reports it.
    public static func find(under paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            return files(in: path).filter(isRuleFile)
        }
    }

    /// The `*.test.yaml` files under each path (a file is taken as it is).
    public static func findTests(under paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            return files(in: path).filter(isTestFile)
        }
    }

    static func isRuleFile(_ path: String) -> Bool {
        (path.hasSuffix(".yaml") || path.hasSuffix(".yml")) && !isTestFile(path)
            && !path.split(separator: "/").dropLast().contains("fixtures")
    }

    static func isTestFile(_ path: String) -> Bool {
        (path.hasSuffix(".test.yaml") || path.hasSuffix(".test.yml"))
            && !path.split(separator: "/").dropLast().contains("fixtures")
    }

    private static func files(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(full)
            }
        }
        return result.sorted()
    }
}
